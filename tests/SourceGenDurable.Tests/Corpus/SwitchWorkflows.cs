using SourceGenDurable.Tests.CrashHarness;

namespace SourceGenDurable.Tests.Corpus;

/// <summary>Durable awaits in switch statements: constant, type and relational patterns, when guards, goto case, and return from a switch inside a loop.</summary>
public sealed partial class SwitchWorkflows(StepLog log)
{
    [DurableWorkflow]
    [Inputs("tea")]
    [Inputs("cup")]
    [Inputs("mug")]
    [Inputs("pen")]
    public async Task<int> ConstantPatterns(WorkflowContext ctx, string sku)
    {
        int cents;
        switch (sku)
        {
            case "tea":
                cents = await Price(sku, 3);
                break;
            case "cup":
            case "mug":
                cents = await Price(sku, 7);
                await ctx.Step("fragile", ct => log.Do("fragile", sku));
                break;
            default:
                cents = 0;
                break;
        }

        return cents;
    }

    /// <summary>The governing value is a polymorphic step result; pattern variables cross checkpoints.</summary>
    [DurableWorkflow]
    [Inputs("circle", 0)]
    [Inputs("circle", 2)]
    [Inputs("square", 3)]
    [Inputs("square", 1)]
    [Inputs("dot", 0)]
    public async Task<string> TypePatterns(WorkflowContext ctx, string kind, int size)
    {
        var shape = await Make(kind, size);
        switch (shape)
        {
            case Circle { Radius: 0 }:
                return "point";
            case Circle c:
                var area = await Area(c.Radius * c.Radius * 3);
                return $"circle r={c.Radius} area={area}";
            case Square s when s.Side > 2:
                return $"big square {await Area(s.Side * s.Side)}";
            case Square s:
                return $"square {s.Side}";
            default:
                await ctx.Step("unknown", ct => log.Do("unknown", kind));
                return "unknown";
        }
    }

    /// <summary>Relational patterns and a when guard that awaits: the guard's step runs only when its pattern matches.</summary>
    [DurableWorkflow]
    [Inputs(-1)]
    [Inputs(0)]
    [Inputs(4)]
    [Inputs(5)]
    [Inputs(50)]
    [Inputs(500)]
    public async Task<string> RelationalPatternsAndAwaitingGuard(WorkflowContext ctx, int amount)
    {
        switch (amount)
        {
            case < 0:
                throw new CorpusException($"negative amount {amount}");
            case 0:
                return "nothing";
            case > 0 and < 10 when await Approve(amount):
                return "small approved";
            case < 100:
                return $"medium {await Fee(amount)}";
            default:
                var fee = await Fee(amount);
                if (fee > 20)
                {
                    return "large, high fee";
                }

                return "large";
        }
    }

    /// <summary>
    /// A guard that awaits, with default written first and a case after the guard: the labels are still tried in
    /// order and default last, and the guard's step, a checkpoint of its own, runs once whatever crashes.
    /// </summary>
    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(1)]
    [Inputs(3)]
    [Inputs(4)]
    [Inputs(7)]
    [Inputs(9)]
    public async Task<string> AwaitingGuardBetweenDefaultAndALaterCase(WorkflowContext ctx, int amount)
    {
        switch (amount % 5)
        {
            default:
                return $"default {await Fee(amount)}";
            case 0:
                return "zero";
            case var rest when rest > 1 && await Approve(amount + rest):
                return $"approved {rest} {await Fee(rest)}";
            case 4:
                return "four";
        }
    }

    /// <summary>A guard that awaits as the last label, after default: when it fails, default is taken.</summary>
    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(1)]
    [Inputs(2)]
    [Inputs(3)]
    public async Task<string> AwaitingGuardAfterDefault(WorkflowContext ctx, int amount)
    {
        switch (amount % 4)
        {
            case 0:
                return "zero";
            default:
                return $"default {await Fee(amount)}";
            case var rest when rest > 1 && await Approve(rest):
                return $"approved {rest}";
        }
    }

    /// <summary>A guard that awaits as the only case, default after it: when the guard fails, default is taken.</summary>
    [DurableWorkflow]
    [Inputs(0)]
    [Inputs(2)]
    [Inputs(3)]
    public async Task<string> AwaitingGuardThenDefault(WorkflowContext ctx, int amount)
    {
        var outcome = "none";
        switch (amount % 4)
        {
            case var rest when rest > 1 && await Approve(rest):
                outcome = $"approved {rest}";
                break;
            default:
                outcome = $"default {await Fee(amount)}";
                break;
        }

        return $"{outcome} after {await Fee(amount + 1)}";
    }

    /// <summary>return inside a switch inside a loop; break leaves only the switch; continue skips the rest of the loop body.</summary>
    [DurableWorkflow]
    [InputsJson("""{"commands":[]}""")]
    [InputsJson("""{"commands":["go","skip","go","stop","go"]}""")]
    [InputsJson("""{"commands":["go","go","noop"]}""")]
    public async Task<string> ReturnInsideSwitchInsideLoop(WorkflowContext ctx, string[] commands)
    {
        var done = 0;
        foreach (var command in commands)
        {
            switch (command)
            {
                case "go":
                    done += await Work(done);
                    break;
                case "skip":
                    await ctx.Step("skipped", ct => log.Do("skipped", done));
                    continue;
                case "stop":
                    return $"stopped at {await Work(-done)}";
            }

            await ctx.Step("after-command", ct => log.Do("after-command", command));
        }

        return $"finished {done}";
    }

    [DurableStep]
    private Task<int> Price(string sku, int factor) => log.Run("Price", new { sku, factor }, () => sku.Length * factor * 10);

    [DurableStep]
    private Task<Shape> Make(string kind, int size) => log.Run<Shape>("Make", new { kind, size }, () => kind switch
    {
        "circle" => new Circle(size),
        "square" => new Square(size),
        _ => new Dot(),
    });

    [DurableStep]
    private Task<int> Area(int value) => log.Run("Area", value, () => value);

    [DurableStep]
    private Task<bool> Approve(int amount) => log.Run("Approve", amount, () => amount % 2 == 1);

    [DurableStep]
    private Task<int> Fee(int amount) => log.Run("Fee", amount, () => amount / 10);

    [DurableStep]
    private Task<int> Work(int done) => log.Run("Work", done, () => done + 1);

    [DurableStep]
    private Task<int> Mod3(int n) => log.Run("Mod3", n, () => n % 3);
}
