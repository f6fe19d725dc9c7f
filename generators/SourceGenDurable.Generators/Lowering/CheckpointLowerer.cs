using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SourceGenDurable.Generators.Binding;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>
/// A checkpoint statement, once every durable await stands alone: set the state, hand the durable operation to the
/// run (which returns the recorded result, runs it, or suspends), commit, and the resume label. The operation becomes
/// the <c>WorkflowRun</c> call that performs it: a step with its name and body, a timer, an event wait, a child
/// workflow or a fan-out.
/// </summary>
internal sealed class CheckpointLowerer
{
    private readonly LoweringContext _context;

    public CheckpointLowerer(LoweringContext context) => _context = context;

    /// <summary>Lowers checkpoint <paramref name="state"/>; its result goes to <paramref name="spilledTarget"/> when the await was spilled.</summary>
    public void Lower(CheckpointSite site, int state, LoweringScope scope, string? spilledTarget = null)
    {
        var output = _context.Out;
        var target = spilledTarget ?? site.Form switch
        {
            CheckpointForm.Return => $"{CopiedCodeRewriter.SlotsParameter}.{WorkflowBinder.ReturnSlotName(state)} = ",
            CheckpointForm.Declare when !_context.SlotFields.ContainsKey(site.Target!) => $"{TypeNames.FullyQualified(((ILocalSymbol)site.Target!).Type)} {_context.Names.Of(site.Target!)} = ",
            CheckpointForm.Declare or CheckpointForm.Assign => $"{_context.Reference(site.Target!)} = ",
            _ => "",
        };
        output.Note($"// checkpoint {state}");
        SyntaxNode mapped = site.Form == CheckpointForm.Spilled ? site.Await : site.Statement;
        var operation = Operation(site.Invocation, site.Operation, state, scope, mappedFrom: mapped);

        // The durable call is the user's statement (or, spilled, the await in it); committing and resuming are not.
        _context.Map(mapped);
        output.Code($"{target}await __run.{operation};")
            .Code($"await __run.CheckpointAsync({state}, {CopiedCodeRewriter.SlotsParameter});")
            .Label(RegionDispatch.ResumeLabel(state))
            .Code($"{RegionDispatch.State} = -1;");
        foreach (var (clause, label, slots) in _context.Regions.MovedCatchesAround(mapped))
        {
            // Resumed inside a catch body: the exception it handles is rebuilt from its saved description.
            var error = $"{CopiedCodeRewriter.SlotsParameter}.{slots}_error!";
            output.Code($"{label}_exception ??= {_context.UseRebuildMethod()}({error});");
            if (clause.Declaration is { Identifier.RawKind: not 0 } declaration && _context.Model.GetDeclaredSymbol(declaration) is { } variable)
            {
                output.Code($"{_context.Names.Of(variable)} ??= {RebuildException(variable.Type, label, error)};");
            }
        }

        if (site.Form == CheckpointForm.Return)
        {
            _context.Map(site.Statement);
            _context.WriteReturn($"{CopiedCodeRewriter.SlotsParameter}.{WorkflowBinder.ReturnSlotName(state)}", scope);
        }
    }

    /// <summary>
    /// The <c>WorkflowRun</c> call that performs a durable operation. Context operations take their arguments as
    /// written, after the checkpoint number. Inside a fan-out's lambda (<paramref name="inLambda"/>) nothing is spilled
    /// into statements: the lambda's parameters are fixed for each element, and the arguments are read as they are.
    /// </summary>
    /// <param name="mappedFrom">The statement the call's line is mapped to: a step's arguments keep their lines from it.</param>
    private string Operation(InvocationExpressionSyntax invocation, DurableOperation operation, int state, LoweringScope scope, bool inLambda = false, int? branch = null, SyntaxNode? mappedFrom = null)
    {
        var spillSuffix = branch is { } index ? $"_{index}" : "";
        var call = (IInvocationOperation)_context.Model.GetOperation(invocation)!;
        var arguments = call.Arguments.Where(a => a.ArgumentKind == ArgumentKind.Explicit).OrderBy(a => a.Syntax.SpanStart).ToList();
        var resultType = operation.ResultType is null ? "" : $"<{TypeNames.FullyQualified(operation.ResultType)}>";
        if (operation.IsFanOut)
        {
            return FanOut(invocation, operation, state, scope, mappedFrom);
        }

        var passed = arguments.OrderBy(a => a.Parameter!.Ordinal).Select(a => _context.Rewrite(ValueOf(a), scope)).ToList();
        switch (operation.Kind)
        {
            case DurableOperationKind.Sleep:
            case DurableOperationKind.SleepUntil:
            case DurableOperationKind.WaitForEvent:
                return $"{operation.Method.Name}Async{resultType}({state}{string.Concat(passed.Select(p => ", " + p))})";
            case DurableOperationKind.ContextStep:
                // ctx.Step(name, body[, retry]): a policy given is passed as written; without one, the default attempts.
                var values = arguments.OrderBy(a => a.Parameter!.Ordinal).Select(ValueOf).ToList();
                var (stepName, retry, body) = (passed[0], passed.Count > 2 ? passed[2] : RetryPolicies.Argument(operation), passed[1]);
                if (mappedFrom is not null)
                {
                    // The body's lambda on the line the user wrote it, so its breakpoints bind where they are set.
                    var lines = _context.OnTheirLines(mappedFrom, [(values[0], stepName), (values[1], body)]).ToList();
                    (stepName, body) = (lines[0], lines[1]);
                }

                return $"StepAsync{resultType}({state},{Separated(stepName)}, {retry},{Separated(body)})";
        }

        if (operation.Kind == DurableOperationKind.ChildWorkflow)
        {
            // The child's inputs are written as its slots are (a JSON property per parameter, named as the parameter);
            // its context argument is the workflow's own, which the child does not receive.
            var inputs = Spill(arguments.Where(a => a.Parameter!.Ordinal > 0), $"__child{state}{spillSuffix}", scope, inLambda)
                .Select(s => $"global::SourceGenDurable.StateMachines.SlotSerializer.Write<{TypeNames.FullyQualified(s.Parameter.Type)}>(__writer, {SymbolDisplay.FormatLiteral(s.Parameter.Name, quote: true)}, {s.Local}, __options); ");
            return $"ChildAsync{resultType}({state}, {SymbolDisplay.FormatLiteral(WorkflowNames.Joined(operation.Method, _context.Known), quote: true)}, (__writer, __options) => {{ {string.Concat(inputs)}}}, {_context.UseRebuildMethod()})";
        }

        // A [DurableStep] call: its arguments are evaluated once, so that every attempt sees the same values. A
        // CancellationToken parameter gets the attempt's token, whatever the call passes: the workflow body has no
        // token that is cancelled when the step should stop (a cancellation, a lost WhenAny, the shutdown timeout).
        var tokens = operation.Method.Parameters.Where(p => _context.Known.IsCancellationToken(p.Type)).Select(p => $"{TypeNames.Identifier(p.Name)}: __ct");
        var spilled = Spill(arguments.Where(a => !_context.Known.IsCancellationToken(a.Parameter!.Type)), $"__step{state}{spillSuffix}", scope, inLambda)
            .Select(s => $"{TypeNames.Identifier(s.Parameter.Name)}: {s.Local}")
            .Concat(tokens);
        var name = SymbolDisplay.FormatLiteral(operation.StepName!, quote: true);
        return $"StepAsync{resultType}({state}, {name}, {RetryPolicies.Argument(operation)}, __ct => {_context.Rewrite(invocation.Expression, scope)}({string.Join(", ", spilled)}))";
    }

    /// <summary>
    /// Evaluates <paramref name="arguments"/> into locals, in source order (as C# evaluates them), before the call; in a
    /// fan-out's lambda, where no statement can go, the argument expressions themselves.
    /// </summary>
    private List<(IParameterSymbol Parameter, string Local)> Spill(IEnumerable<IArgumentOperation> arguments, string prefix, LoweringScope scope, bool inLambda)
    {
        var spilled = new List<(IParameterSymbol, string)>();
        foreach (var argument in arguments)
        {
            var parameter = argument.Parameter!;
            if (inLambda)
            {
                spilled.Add((parameter, _context.Rewrite(ValueOf(argument), scope)));
                continue;
            }

            var spill = $"{prefix}_{parameter.Name}";
            _context.Map(ValueOf(argument));
            _context.Out.Code($"{TypeNames.FullyQualified(parameter.Type)} {spill} = {_context.Rewrite(ValueOf(argument), scope)};");
            spilled.Add((parameter, spill));
        }

        return spilled;
    }

    /// <summary>
    /// <c>ctx.WhenAll(a, b)</c> becomes <c>WhenAllAsync(state, () =&gt; a', () =&gt; b')</c>, each operation lowered
    /// unstarted; <c>ctx.WhenAll(xs.Select(x =&gt; a))</c> becomes <c>WhenAllAsync(state, xs.Select(x =&gt; a'))</c>, which
    /// the run enumerates, starting one operation per element.
    /// </summary>
    private string FanOut(InvocationExpressionSyntax invocation, DurableOperation operation, int state, LoweringScope scope, SyntaxNode? mappedFrom)
    {
        var method = operation.Kind == DurableOperationKind.WhenAny ? "WhenAnyAsync" : "WhenAllAsync";
        var elementType = operation.ResultType is IArrayTypeSymbol array ? $"<{TypeNames.FullyQualified(array.ElementType)}>" : "";
        var branches = _context.Shape.FanOuts[invocation];
        List<(SyntaxNode Node, string Text)> arguments;
        var fixedBranches = branches.All(b => b.Lambda is null);
        if (fixedBranches)
        {
            arguments = branches.Select((b, index) => ((SyntaxNode)b.Invocation, $"__run.{Operation(b.Invocation, b.Operation, state, scope, branch: index)}")).ToList();
        }
        else
        {
            // One argument, a sequence: each lambda's durable operation is replaced by its lowered call.
            foreach (var branch in branches)
            {
                _context.Substitute(branch.Invocation, $"__run.{Operation(branch.Invocation, branch.Operation, state, scope, inLambda: true)}");
            }

            var sequence = invocation.ArgumentList.Arguments.Single().Expression;
            arguments = [(sequence, _context.Rewrite(sequence, scope))];
        }

        // Each branch, or the sequence, where the user wrote it, so its breakpoints bind where they are set; a branch's
        // lambda goes before the line break, so the operation starts at the user's column.
        var texts = (mappedFrom is null ? arguments.Select(a => a.Text) : _context.OnTheirLines(mappedFrom, arguments))
            .Select(text => fixedBranches ? "() =>" + Separated(text) : text);
        return $"{method}{elementType}({state}{string.Concat(texts.Select(t => "," + Separated(t)))})";
    }

    /// <summary>A space before <paramref name="text"/>, unless it starts on a line of its own.</summary>
    private static string Separated(string text) => text.StartsWith("\n", System.StringComparison.Ordinal) ? text : " " + text;

    /// <summary>A catch variable after a resume: the generator knows its type, so it is constructed, not reflected.</summary>
    private string RebuildException(ITypeSymbol type, string label, string error) =>
        _context.Known.IsException(type)
            ? $"{label}_exception"
            : $"new {TypeNames.FullyQualified(type)}({error}.Message)";

    private static ExpressionSyntax ValueOf(IArgumentOperation argument) =>
        argument.Syntax is ArgumentSyntax syntax ? syntax.Expression : (ExpressionSyntax)argument.Syntax;
}
