using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGenDurable.Generators.Binding;
using SourceGenDurable.Generators.Model;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>The lowered body of a workflow method, and what the rest of its file needs because of it.</summary>
/// <param name="Statements">The body's statements, in order, as the emitter writes them.</param>
/// <param name="SynthesizedSlots">Slots the lowering itself needs, in the order it made them.</param>
/// <param name="RebuildsExceptions">Whether the body rebuilds saved exceptions, so the rebuild method must be emitted.</param>
/// <param name="SourcePath">The user's file, which the statements' places are in; null when they map to none.</param>
/// <param name="CopiedJumps">The labels copied code jumps to, which its text holds (see <see cref="LoweredBodyBuilder.CopiedJumps"/>).</param>
internal sealed record LoweredBody(
    IReadOnlyList<LoweredStatement> Statements, IReadOnlyList<SlotModel> SynthesizedSlots, bool RebuildsExceptions, string? SourcePath, IReadOnlyCollection<string> CopiedJumps);

/// <summary>
/// The flattening, the lowering's third pass: turns a workflow body into the statements of a resumable method, the
/// way the C# compiler lowers an async method. Statements that contain a checkpoint become labels and jumps within one
/// block per try region, each checkpoint becomes "run the operation, commit, resume label", and the top of the method
/// and the head of each try block get a <see cref="LoweredKind.Dispatch"/>, which the next pass
/// (<see cref="RegionDispatch"/>) writes out. Statements without a checkpoint are copied as written, after the code
/// the spill pass (<see cref="SpillPass"/>) wrote to evaluate their durable awaits; around the statements of a try goes
/// the code the exception-handler pass (<see cref="ExceptionHandlerPass"/>) wrote for it.
/// </summary>
/// <remarks>
/// One file per construct, as the compiler's local rewriter: this one holds the statement switch, if statements and
/// declarations; loops, switch statements and try statements have files of their own. Checkpoints and durable
/// operations (<see cref="CheckpointLowerer"/>), the names of try regions (<see cref="TryRegions"/>) and of locals
/// (<see cref="LocalNames"/>) are classes of their own, which this one calls and which never call back. Where the
/// jumps of a statement go is its <see cref="LoweringScope"/>, from where it is (<see cref="JumpTargets"/>).
/// </remarks>
internal sealed partial class BodyLowerer
{
    private readonly LoweringContext _context;
    private readonly CheckpointLowerer _checkpoints;
    private readonly SpilledCode _spilled;
    private readonly HandlerCode _handlers;
    private readonly Dictionary<StatementSyntax, int> _states = new();

    private BodyLowerer(LoweringContext context, SpilledCode spilled, HandlerCode handlers)
    {
        _context = context;
        _spilled = spilled;
        _handlers = handlers;
        _checkpoints = new CheckpointLowerer(context);
        for (var state = 0; state < context.Shape.Checkpoints.Length; state++)
        {
            if (context.Shape.Checkpoints[state].Form != CheckpointForm.Spilled)
            {
                _states[context.Shape.Checkpoints[state].Statement] = state;
            }
        }
    }

    private IReadOnlyDictionary<ISymbol, string> SlotFields => _context.SlotFields;

    private SemanticModel Model => _context.Model;

    /// <summary>Lowers the body of <paramref name="workflow"/>: the spill pass, the exception-handler pass, then the flattening.</summary>
    /// <param name="rebuildMethod">The generated method that rebuilds a saved exception description into an exception of its type.</param>
    public static LoweredBody Lower(BoundWorkflow workflow, string rebuildMethod)
    {
        var (model, shape, slotFields) = (workflow.Model, workflow.Shape, workflow.SlotFields);
        var names = new LocalNames(model, shape, workflow.Block, slotFields);
        var context = new LoweringContext(model, shape, slotFields, names, workflow.ResultType, rebuildMethod);
        var spilled = SpillPass.Run(context);
        var handlers = ExceptionHandlerPass.Run(context);
        new BodyLowerer(context, spilled, handlers).LowerBody(workflow.Block);
        return new LoweredBody(context.Out.Statements, context.SynthesizedSlots, context.RebuildsExceptions, context.SourcePath, context.Out.CopiedJumps);
    }

    private void LowerBody(BlockSyntax body)
    {
        var output = _context.Out;
        output.Code($"var {RegionDispatch.State} = __run.ResumeState;");
        output.Write(_handlers.Locals);
        output.Dispatch(entry: null);

        // The method's own block ends where the generated method does: a using declaration in it disposes there as written.
        LowerStatements(body.Statements, bracesUsings: false);
    }

    private void LowerStatements(SyntaxList<StatementSyntax> statements, bool bracesUsings = true)
    {
        for (var index = 0; index < statements.Count; index++)
        {
            if (bracesUsings && statements[index] is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 } declaration)
            {
                // A using declaration after the last checkpoint of its block (WorkflowShape reports any other) disposes its
                // resource at the end of the block. Flattened, the block is no block of its own any more: the rest of it
                // gets braces, which dispose the resource there, and which no jump of the lowering goes into (C# allows
                // no goto to after a using declaration). The awaits of its own initializer run before the resource
                // exists: their checkpoints stay before the braces, where a resume can jump to them.
                var rest = statements.Skip(index).ToList();
                WriteSpills(declaration);
                using (_context.Out.OpenBraces(completes: Model.AnalyzeControlFlow(rest[0], rest[^1]) is not { Succeeded: true, EndPointIsReachable: false }))
                {
                    Copy(declaration, _context.Targets.ScopeOf(declaration));
                    foreach (var statement in rest.Skip(1))
                    {
                        LowerStatement(statement);
                    }
                }

                return;
            }

            LowerStatement(statements[index]);
        }
    }

    private void LowerStatement(StatementSyntax statement)
    {
        var (shape, scope) = (_context.Shape, _context.Targets.ScopeOf(statement));
        if (_states.TryGetValue(statement, out var state))
        {
            _checkpoints.Lower(shape.Checkpoints[state], state, scope);
            return;
        }

        if (statement is LocalDeclarationStatementSyntax { Declaration.Variables.Count: > 1 } several && shape.SpillPlans.ContainsKey(statement))
        {
            // Each declarator is evaluated, and assigned, before the next one's awaits.
            LowerDeclarators(several.Declaration, statement, scope);
            return;
        }

        if (shape.SpillPlans.ContainsKey(statement) && statement is not (WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax))
        {
            WriteSpills(statement);
            if (statement is ExpressionStatementSyntax { Expression: var whole } && EvaluatedBySpills(statement, whole))
            {
                return;
            }

            if (statement is ExpressionStatementSyntax or ReturnStatementSyntax or ThrowStatementSyntax or LocalDeclarationStatementSyntax or UsingStatementSyntax)
            {
                Copy(statement, scope);
                return;
            }
        }

        if (!shape.Flattened.Contains(statement))
        {
            Copy(statement, scope);
            return;
        }

        switch (statement)
        {
            case BlockSyntax block:
                LowerStatements(block.Statements);
                break;
            case LabeledStatementSyntax labeled:
                _context.Out.Label(labeled.Identifier.ValueText);
                LowerStatement(labeled.Statement);
                break;
            case IfStatementSyntax @if:
                LowerIf(@if, scope);
                break;
            case WhileStatementSyntax loop:
                LowerWhile(loop, scope);
                break;
            case DoStatementSyntax loop:
                LowerDo(loop, scope);
                break;
            case ForStatementSyntax loop:
                LowerFor(loop, scope);
                break;
            case CommonForEachStatementSyntax loop:
                LowerForEach(loop, scope);
                break;
            case SwitchStatementSyntax @switch:
                LowerSwitch(@switch, scope);
                break;
            case TryStatementSyntax @try:
                LowerTry(@try);
                break;
            default:
                throw new System.InvalidOperationException($"WorkflowShape accepted a {statement.Kind()} that the lowering cannot flatten.");
        }

        if (statement is not BlockSyntax && Model.AnalyzeControlFlow(statement) is { Succeeded: true, EndPointIsReachable: false })
        {
            // The C# compiler proves this on the original; the jumps of the lowered form hide it from the compiler.
            _context.Out.Trap();
        }
    }

    private void LowerIf(IfStatementSyntax @if, LoweringScope scope)
    {
        var output = _context.Out;
        var label = _context.NextLabel("if", @if);
        var elseLabel = @if.Else is null ? $"{label}_end" : $"{label}_else";
        _context.Map(@if.IfKeyword, @if.CloseParenToken);
        output.JumpIf($"!({_context.Rewrite(@if.Condition, scope)})", elseLabel);
        LowerStatement(@if.Statement);
        if (@if.Else is not null)
        {
            if (_context.Completes(@if.Statement))
            {
                output.Jump($"{label}_end");
            }

            output.Label(elseLabel);
            LowerStatement(@if.Else.Statement);
        }

        output.Label($"{label}_end");
    }

    /// <summary>Whether <paramref name="condition"/> is the constant true: a loop on it needs no test.</summary>
    private bool IsTrue(ExpressionSyntax? condition) => condition is not null && Model.GetConstantValue(condition) is { HasValue: true, Value: true };

    private void Copy(StatementSyntax statement, LoweringScope scope)
    {
        if (statement is LabeledStatementSyntax labeled)
        {
            // The labeled statement may declare a slot, which becomes an assignment after the label.
            _context.Out.Label(labeled.Identifier.ValueText);
            Copy(labeled.Statement, scope);
            return;
        }

        if (statement is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0 } declaration &&
            declaration.Declaration.Variables.Any(v => Model.GetDeclaredSymbol(v) is { } local && SlotFields.ContainsKey(local)))
        {
            LowerDeclaration(declaration.Declaration, scope);
            return;
        }

        _context.Map(statement);
        _context.WriteCopied(statement, scope);
    }

    /// <summary>
    /// Whether <paramref name="expression"/>, a statement's whole expression or a for loop's clause, is one expression
    /// that awaits on one path and whose value nothing reads (<c>v ??= await x;</c>, <c>list?.Add(await x);</c>): its
    /// spills evaluated it in full, and nothing is left to copy.
    /// </summary>
    private bool EvaluatedBySpills(StatementSyntax host, ExpressionSyntax expression) =>
        _context.Shape.SpillPlans.TryGetValue(host, out var plan) &&
        plan.Any(step => step is SpilledBranching { ValueUnused: true } branching && branching.Branching == expression);

    /// <summary>The code the spill pass wrote to evaluate the durable awaits of a statement, or of a part of it (a for clause, a declarator), before it.</summary>
    private void WriteSpills(SyntaxNode node)
    {
        if (_spilled.Before(node) is { } spills)
        {
            _context.Out.Write(spills);
        }
    }
}
