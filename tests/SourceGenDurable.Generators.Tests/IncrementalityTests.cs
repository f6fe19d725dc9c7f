using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

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
