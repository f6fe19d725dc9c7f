using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SourceGenDurable.Generators.Model;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>
/// Lowers a straight-line workflow body: user statements are copied with slot references rewritten, and every
/// checkpoint becomes "run the operation, commit, resume label".
/// </summary>
internal sealed class WorkflowLowerer
{
    private readonly SemanticModel _model;
    private readonly WorkflowShape _shape;
    private readonly IReadOnlyDictionary<ISymbol, string> _slotFields;
    private readonly SlotReferenceRewriter _rewriter;

    public WorkflowLowerer(SemanticModel model, WorkflowShape shape, IReadOnlyDictionary<ISymbol, string> slotFields)
    {
        _model = model;
        _shape = shape;
        _slotFields = slotFields;
        _rewriter = new SlotReferenceRewriter(model, slotFields);
    }

    /// <summary>The name of the slot that carries the result of a <c>return await</c> checkpoint.</summary>
    public static string ReturnSlotName(int state) => $"__result{state}";

    public ImmutableArray<LoweredStatement> Lower(BlockSyntax body)
    {
        var checkpoints = _shape.Checkpoints.ToDictionary(c => c.StatementIndex);
        var lowered = ImmutableArray.CreateBuilder<LoweredStatement>();
        for (var index = 0; index < body.Statements.Count; index++)
        {
            var statement = body.Statements[index];
            if (checkpoints.TryGetValue(index, out var site))
            {
                var state = _shape.Checkpoints.IndexOf(site);
                lowered.Add(new LoweredStatement(null, LowerCheckpoint(site, state)));
                if (site.Form == CheckpointForm.Return)
                {
                    lowered.Add(new LoweredStatement($"return {SlotReferenceRewriter.SlotsParameter}.{ReturnSlotName(state)};", null));
                }
            }
            else if (statement is LocalDeclarationStatementSyntax declaration && DeclaresSlot(declaration))
            {
                lowered.AddRange(LowerSlotDeclaration(declaration).Select(code => new LoweredStatement(code, null)));
            }
            else
            {
                lowered.Add(new LoweredStatement(_rewriter.Rewrite(statement), null));
            }
        }

        return lowered.ToImmutable();
    }

    private bool DeclaresSlot(LocalDeclarationStatementSyntax declaration) =>
        declaration.Declaration.Variables.Any(v => _model.GetDeclaredSymbol(v) is { } local && _slotFields.ContainsKey(local));

    private IEnumerable<string> LowerSlotDeclaration(LocalDeclarationStatementSyntax declaration)
    {
        // A slot is a field of the slots object, so its declaration becomes an assignment; other declarators of the
        // same statement stay locals, with the type spelled out because 'var' declares only one variable.
        foreach (var variable in declaration.Declaration.Variables)
        {
            var local = (ILocalSymbol)_model.GetDeclaredSymbol(variable)!;
            var initializer = variable.Initializer is null ? null : _rewriter.Rewrite(variable.Initializer.Value);
            if (_slotFields.TryGetValue(local, out var field))
            {
                if (initializer is not null)
                {
                    yield return $"{SlotReferenceRewriter.SlotsParameter}.{field} = {initializer};";
                }
            }
            else
            {
                yield return $"{TypeNames.FullyQualified(local.Type)} {variable.Identifier.Text}{(initializer is null ? "" : " = " + initializer)};";
            }
        }
    }

    private CheckpointModel LowerCheckpoint(CheckpointSite site, int state)
    {
        var target = site.Form switch
        {
            CheckpointForm.Return => $"{SlotReferenceRewriter.SlotsParameter}.{ReturnSlotName(state)}",
            CheckpointForm.Assign or CheckpointForm.Declare when site.Target is not null && _slotFields.TryGetValue(site.Target, out var field)
                => $"{SlotReferenceRewriter.SlotsParameter}.{field}",
            _ => null,
        };
        var resultType = site.Operation.ResultType is null ? null : TypeNames.FullyQualified(site.Operation.ResultType);
        var call = (IInvocationOperation)_model.GetOperation(site.Invocation)!;
        var arguments = call.Arguments
            .Where(a => a.ArgumentKind == ArgumentKind.Explicit)
            .OrderBy(a => a.Syntax.SpanStart)
            .ToList();

        if (site.Operation.Kind == DurableOperationKind.ContextStep)
        {
            return new CheckpointModel(
                state,
                default,
                target,
                resultType,
                _rewriter.Rewrite(ValueOf(arguments.Single(a => a.Parameter!.Ordinal == 0))),
                site.Operation.MaxAttempts,
                _rewriter.Rewrite(ValueOf(arguments.Single(a => a.Parameter!.Ordinal == 1))));
        }

        // A [DurableStep] call: evaluate its arguments once, in source order, so a retry sees the same values.
        var spills = ImmutableArray.CreateBuilder<string>();
        var passed = new List<string>();
        foreach (var argument in arguments)
        {
            var parameter = argument.Parameter!;
            var spill = $"__step{state}_{parameter.Name}";
            spills.Add($"{TypeNames.FullyQualified(parameter.Type)} {spill} = {_rewriter.Rewrite(ValueOf(argument))};");
            passed.Add($"{TypeNames.Identifier(parameter.Name)}: {spill}");
        }

        var callee = _rewriter.Rewrite(site.Invocation.Expression);
        return new CheckpointModel(
            state,
            spills.ToEquatableArray(),
            target,
            resultType,
            SymbolDisplay.FormatLiteral(site.Operation.StepName!, quote: true),
            site.Operation.MaxAttempts,
            $"__ct => {callee}({string.Join(", ", passed)})");
    }

    private static ExpressionSyntax ValueOf(IArgumentOperation argument) =>
        argument.Syntax is ArgumentSyntax syntax ? syntax.Expression : (ExpressionSyntax)argument.Syntax;
}
