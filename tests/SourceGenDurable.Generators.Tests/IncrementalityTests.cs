using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SourceGenDurable.Generators.Pipeline;

namespace SourceGenDurable.Generators.Tests;

/// <summary>The generator runs on every keystroke in the IDE: unchanged workflows must come from the cache.</summary>
public sealed class IncrementalityTests
{
    private const string First = """
        using SourceGenDurable;
        namespace App;
        public partial class First
        {
            [DurableWorkflow]
            public async Task<int> One(WorkflowContext ctx, int x)
            {
                var a = await ctx.Step("a", ct => Task.FromResult(x + 1));
                return a * 2;
            }
        }
        """;

    private const string Second = """
        using SourceGenDurable;
        namespace App;
        public partial class Second
        {
            [DurableWorkflow]
            public async Task<string> Two(WorkflowContext ctx, string s)
            {
                var a = await ctx.Step("a", ct => Task.FromResult(s + "!"));
                return a;
            }
        }
        """;

    [Fact]
    public void Adding_an_unrelated_file_reuses_every_model_and_emits_nothing_again()
    {
        var compilation = GeneratorHarness.Compile(First, Second);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App; public sealed class Unrelated { public int X => 1; }", GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllReasons(result, WorkflowGenerator.TrackingNames.Workflows, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached);
        AssertAllReasons(result, WorkflowGenerator.TrackingNames.LowerableWorkflows, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached);
        Assert.All(
            result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Editing_one_workflow_re_emits_only_that_workflow()
    {
        var compilation = GeneratorHarness.Compile(First, Second);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);

        var oldTree = compilation.SyntaxTrees.First();
        var newTree = oldTree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(First.Replace("a * 2", "a * 3", StringComparison.Ordinal)));
        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, newTree)).GetRunResult().Results.Single();

        var reasons = result.TrackedSteps[WorkflowGenerator.TrackingNames.LowerableWorkflows]
            .SelectMany(s => s.Outputs)
            .Select(o => (Workflow: ((SourceGenDurable.Generators.Model.WorkflowModel)o.Value).MethodName, o.Reason))
            .ToList();
        Assert.Contains(("One", IncrementalStepRunReason.Modified), reasons);
        Assert.Contains(reasons, r => r.Workflow == "Two" && r.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached);
        Assert.Equal(2, reasons.Count);
    }

    private const string Pricing = """
        namespace App;
        public static class Pricing
        {
            public const string StepName = "price";
            public static int Base(int x) { return x * 10; }
        }
        """;

    private const string Priced = """
        using SourceGenDurable;
        namespace App;
        public partial class Priced
        {
            [DurableWorkflow]
            public async Task<string> Quote(WorkflowContext ctx, int x)
            {
                var basis = Pricing.Base(x);
                var a = await ctx.Step(Pricing.StepName, ct => Task.FromResult(x));
                return $"{basis}:{a}";
            }
        }
        """;

    [Fact]
    public void Editing_a_body_outside_every_workflow_lowers_nothing_again()
    {
        var models = new WorkflowModelCache();
        var compilation = GeneratorHarness.Compile(First, Second, Pricing, Priced);
        var driver = GeneratorHarness.CreateDriver(models: models).RunGenerators(compilation);
        Assert.Equal(3, models.Lowerings);

        var pricing = compilation.SyntaxTrees.ElementAt(2);
        driver.RunGenerators(compilation.ReplaceSyntaxTree(pricing, pricing.WithChangedText(
            Microsoft.CodeAnalysis.Text.SourceText.From(Pricing.Replace("x * 10", "x * 20", StringComparison.Ordinal)))));

        Assert.Equal(3, models.Lowerings);
    }

    [Fact]
    public void Changing_a_declaration_in_another_file_lowers_the_workflows_that_bind_to_it_again()
    {
        var models = new WorkflowModelCache();
        var compilation = GeneratorHarness.Compile(First, Second, Pricing, Priced);
        var driver = GeneratorHarness.CreateDriver(models: models).RunGenerators(compilation);
        var before = Generated(driver, "Quote");

        // The slot of `basis` changes type, and the step name (part of the layout fingerprint) changes value.
        var pricing = compilation.SyntaxTrees.ElementAt(2);
        var changed = Pricing.Replace("int Base", "long Base", StringComparison.Ordinal).Replace("\"price\"", "\"quote\"", StringComparison.Ordinal);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(pricing, pricing.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(changed))));
        var after = Generated(driver, "Quote");

        Assert.Contains("public int basis", before, StringComparison.Ordinal);
        Assert.Contains("public long basis", after, StringComparison.Ordinal);
        Assert.NotEqual(Fingerprint(before), Fingerprint(after));
    }

    [Fact]
    public void Changing_the_preprocessor_symbols_lowers_every_workflow_again()
    {
        var models = new WorkflowModelCache();
        var compilation = GeneratorHarness.Compile(First, Second);
        var driver = GeneratorHarness.CreateDriver(models: models).RunGenerators(compilation);

        var options = GeneratorHarness.ParseOptions.WithPreprocessorSymbols("RELEASE");
        var reparsed = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(t => t.WithRootAndOptions(t.GetRoot(), options)));
        driver.RunGenerators(reparsed);

        Assert.Equal(4, models.Lowerings);
    }

    private static string Generated(GeneratorDriver driver, string method) =>
        driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith($".{method}.g.cs", StringComparison.Ordinal)).SourceText.ToString();

    private static string Fingerprint(string generated) =>
        System.Text.RegularExpressions.Regex.Match(generated, @"base\(""[^""]+"", ""([0-9a-f]{16})""\)").Groups[1].Value;

    [Fact]
    public void The_pipeline_models_hold_no_symbols_syntax_or_compilations()
    {
        var result = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(GeneratorHarness.Compile(First, Second)).GetRunResult().Results.Single();

        var values = result.TrackedSteps[WorkflowGenerator.TrackingNames.Workflows].SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
        Assert.Equal(2, values.Count);
        foreach (var value in values)
        {
            AssertNoRoslynObjects(value, "model", new HashSet<object>(ReferenceEqualityComparer.Instance));
        }
    }

    private static void AssertAllReasons(GeneratorRunResult result, string step, params IncrementalStepRunReason[] allowed)
    {
        var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.Contains(output.Reason, allowed));
    }

    private static void AssertNoRoslynObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or Compilation or SemanticModel or Location or SyntaxTree,
            $"{path} holds a {value.GetType().Name}, which keeps a compilation alive and defeats caching.");

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                AssertNoRoslynObjects(item, $"{path}[{i++}]", seen);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), $"{path}.{field.Name}", seen);
        }
    }
}
