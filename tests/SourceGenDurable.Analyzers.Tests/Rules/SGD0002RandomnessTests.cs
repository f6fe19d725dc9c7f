using Verify = SourceGenDurable.Analyzers.Tests.AnalyzerVerifier<SourceGenDurable.Analyzers.WorkflowRulesAnalyzer>;

namespace SourceGenDurable.Analyzers.Tests.Rules;

/// <summary>SGD0002: <c>Guid.NewGuid</c>, <c>Random</c> and <c>RandomNumberGenerator</c> give another value each time the code between checkpoints runs again.</summary>
public sealed class SGD0002RandomnessTests
{
    [Fact]
    public Task Guids_and_random_sources_are_reported_once_per_use() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<string> ProcessOrder(WorkflowContext ctx)
                {
                    var id = {|#0:Guid.NewGuid()|};
                    var dice = {|#1:new Random()|}.Next(6);
                    var shared = {|SGD0002:Random.Shared|}.Next();
                    var bytes = {|SGD0002:System.Security.Cryptography.RandomNumberGenerator.GetBytes(4)|};
                    return await ctx.Step("a", ct => Task.FromResult($"{id}{dice}{shared}{bytes}"));
                }
            }
            """,
            Verify.Diagnostic("SGD0002").WithLocation(0).WithMessage(
                "'Guid.NewGuid' gives another value when this code runs again after a restart: use 'ctx.NewGuid()'"),
            Verify.Diagnostic("SGD0002").WithLocation(1).WithArguments(
                "new Random", "draw it inside a step, whose result is recorded, or derive it from 'ctx.NewGuid()'"));

    [Fact]
    public Task The_context_guid_and_randomness_inside_a_step_are_not_reported() =>
        Verify.VerifyAsync(
            """
            public partial class Orders
            {
                [DurableWorkflow]
                public async Task<int> ProcessOrder(WorkflowContext ctx)
                {
                    var id = ctx.NewGuid();
                    return await ctx.Step("roll", ct => Task.FromResult(Random.Shared.Next(6) + id.GetHashCode()));
                }

                public Guid NotAWorkflow() => Guid.NewGuid();
            }
            """);
}
