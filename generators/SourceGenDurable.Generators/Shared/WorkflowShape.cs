using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SourceGenDurable.Shared;

/// <summary>
/// The one place that decides whether a <c>[DurableWorkflow]</c> method can be lowered, where its checkpoints are,
/// and which variables live across them. The generator lowers what it accepts; the analyzers report what it rejects.
/// </summary>
internal sealed partial class WorkflowShape
{
    private readonly WorkflowBlock? _block;

    private WorkflowShape(
        WorkflowBlock? block,
        ImmutableArray<ShapeProblem> problems,
        ImmutableArray<CheckpointSite> checkpoints,
        ImmutableArray<ISymbol> slotVariables,
        ImmutableHashSet<SyntaxNode> flattened,
        ImmutableDictionary<StatementSyntax, ImmutableArray<SpillStep>> spillPlans,
        ImmutableDictionary<InvocationExpressionSyntax, ImmutableArray<FanOutBranch>> fanOuts)
    {
        _block = block;
        FanOuts = fanOuts;
        // Found in the block that was read; reported where the user wrote it.
        Problems = block is null ? problems : problems.Select(p => new ShapeProblem(p.Id, block.Locate(p.Location), p.MessageArgs)).ToImmutableArray();
        Checkpoints = checkpoints;
        SlotVariables = slotVariables;
        Flattened = flattened;
        SpillPlans = spillPlans;
    }

    public ImmutableArray<ShapeProblem> Problems { get; }

    /// <summary>The block the checkpoints and slots were found in (see <see cref="WorkflowBlock"/>), or null when the body was not read.</summary>
    public BlockSyntax? Body => _block?.Block;

    /// <summary>The model that binds <see cref="Body"/>.</summary>
    public SemanticModel? Model => _block?.Model;

    /// <summary>The checkpoints in source order; a checkpoint's index is its state number.</summary>
    public ImmutableArray<CheckpointSite> Checkpoints { get; }

    /// <summary>The inputs (every parameter but the context) and the locals read after some checkpoint, in declaration order.</summary>
    public ImmutableArray<ISymbol> SlotVariables { get; }

    /// <summary>The statements that contain a checkpoint: the lowering rewrites them into labels and jumps.</summary>
    public ImmutableHashSet<SyntaxNode> Flattened { get; }

    /// <summary>
    /// For each statement with durable awaits inside larger expressions: its durable awaits and the operands to
    /// evaluate into temporaries before them, in evaluation order, each durable await with its state (see <see cref="AwaitSpilling"/>).
    /// </summary>
    public ImmutableDictionary<StatementSyntax, ImmutableArray<SpillStep>> SpillPlans { get; }

    /// <summary>The operations each <c>ctx.WhenAll</c>/<c>ctx.WhenAny</c> checkpoint runs, in order.</summary>
    public ImmutableDictionary<InvocationExpressionSyntax, ImmutableArray<FanOutBranch>> FanOuts { get; }

    /// <summary>Where a location found in <see cref="Body"/> is in the user's code.</summary>
    public Location Locate(Location location) => _block?.Locate(location) ?? location;

    /// <summary>
    /// Every reason the method cannot be lowered, as the compiler reports every error of a method: declaration
    /// problems do not stop the body from being read, and one problem in the body does not hide another. Only a
    /// method that is not async or has no context is not read further, since every finding there would follow from that.
    /// </summary>
    public static WorkflowShape Analyze(IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel model, CancellationToken cancellationToken)
    {
        var problems = ImmutableArray.CreateBuilder<ShapeProblem>();
        var readable = CheckSignature(method, syntax, model, problems, cancellationToken);
        var block = readable ? WorkflowBlock.Of(method, syntax, model, cancellationToken) : null;
        if (block is null)
        {
            return new WorkflowShape(
                null, problems.ToImmutable(), ImmutableArray<CheckpointSite>.Empty, ImmutableArray<ISymbol>.Empty, ImmutableHashSet<SyntaxNode>.Empty,
                ImmutableDictionary<StatementSyntax, ImmutableArray<SpillStep>>.Empty,
                ImmutableDictionary<InvocationExpressionSyntax, ImmutableArray<FanOutBranch>>.Empty);
        }

        var body = block.Block;
        model = block.Model;
        var known = KnownTypes.Of(model.Compilation);
        method = block.Method;
        var spillPlans = new Dictionary<StatementSyntax, ImmutableArray<SpillStep>>();
        var fanOuts = new Dictionary<InvocationExpressionSyntax, ImmutableArray<FanOutBranch>>();
        var checkpoints = FindCheckpoints(method, body, model, problems, spillPlans, fanOuts, cancellationToken);
        var plans = spillPlans.ToImmutableDictionary();
        var flattened = checkpoints
            .SelectMany(c => c.Statement.AncestorsAndSelf().TakeWhile(a => a != body.Parent).OfType<StatementSyntax>())
            .ToImmutableHashSet<SyntaxNode>();
        var reportedResources = CheckFlattenedStatements(body, checkpoints, flattened, model, problems);

        var slots = method.Parameters.Skip(1).Cast<ISymbol>()
            .Concat(LiveVariables.AcrossCheckpoints(
                    body, checkpoints.Select(c => c.Statement), plans.Keys, checkpoints.Where(c => c.Form == CheckpointForm.Spilled).Select(c => c.Await), model)
                .Where(s => !reportedResources.Contains(s))
                .OrderBy(s => s.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0))
            .ToImmutableArray();
        // A caught exception is not saved as it is: its description is, and the exception is rebuilt after a resume.
        foreach (var caught in slots.Where(s => s.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is CatchDeclarationSyntax).ToList())
        {
            slots = slots.Remove(caught);
            var type = ((ILocalSymbol)caught).Type;
            if (!known.IsException(type) &&
                !(type is INamedTypeSymbol named && named.InstanceConstructors.Any(c =>
                    c.DeclaredAccessibility == Accessibility.Public && c.Parameters.Length == 1 && c.Parameters[0].Type.SpecialType == SpecialType.System_String)))
            {
                problems.Add(new ShapeProblem(
                    DiagnosticIds.WorkflowShapeNotSupported,
                    caught.Locations.FirstOrDefault() ?? syntax.Identifier.GetLocation(),
                    method.Name,
                    $"the caught exception '{caught.Name}' is used after a durable await in its catch block, but '{type.ToDisplayString()}' has no public constructor taking a message, so it cannot be rebuilt after a restart; catch Exception, or read what you need before the durable await"));
            }
        }

        foreach (var slot in slots)
        {
            var type = slot is ILocalSymbol local ? local.Type : ((IParameterSymbol)slot).Type;
            if (slot is ILocalSymbol && !IsDeclaredWhereLoweringCanAssignIt(slot, flattened))
            {
                problems.Add(new ShapeProblem(
                    DiagnosticIds.WorkflowShapeNotSupported,
                    slot.Locations.FirstOrDefault() ?? syntax.Identifier.GetLocation(),
                    method.Name,
                    $"'{slot.Name}' lives across a checkpoint (a goto can jump back across one), but it is declared by a statement without durable awaits whose variables this version does not save (a case pattern, or a for, foreach or using variable); declare it with its own statement ('var {slot.Name} = ...;')"));
            }
            else if (WhyNotCheckpointable(type) is { } reason)
            {
                problems.Add(new ShapeProblem(
                    DiagnosticIds.WorkflowShapeNotSupported,
                    slot.Locations.FirstOrDefault() ?? syntax.Identifier.GetLocation(),
                    method.Name,
                    $"'{slot.Name}' of type '{type.ToDisplayString()}' lives across a checkpoint, but {reason} cannot be checkpointed"));
            }
        }

        return new WorkflowShape(block, problems.ToImmutable(), checkpoints, slots, flattened, plans, fanOuts.ToImmutableDictionary());
    }

    private static bool IsDeclaredWhereLoweringCanAssignIt(ISymbol local, ImmutableHashSet<SyntaxNode> flattened) =>
        local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() switch
        {
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0 } } } => true,
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: ForStatementSyntax loop } } => flattened.Contains(loop),
            ForEachStatementSyntax loop => flattened.Contains(loop),
            SingleVariableDesignationSyntax designation when designation.Ancestors().OfType<CasePatternSwitchLabelSyntax>().FirstOrDefault() is { } label =>
                label.Parent?.Parent is { } @switch && flattened.Contains(@switch),
            // Only the loop's own variables: a pattern in its body declares variables of its own, taken by the arms below.
            SingleVariableDesignationSyntax designation when designation.Ancestors().OfType<ForEachVariableStatementSyntax>().FirstOrDefault() is { } loop &&
                loop.Variable.Span.Contains(designation.Span) => flattened.Contains(loop),
            // A switch expression arm's pattern: the lowering copies the variable out of the pattern, as for a case label.
            SingleVariableDesignationSyntax designation when designation.Ancestors().OfType<SwitchExpressionArmSyntax>().FirstOrDefault() is { } arm &&
                arm.Pattern.Span.Contains(designation.Span) => true,
            // 'x is T n' and 'x is not T n': the lowering captures the variable into its field when it is assigned.
            SingleVariableDesignationSyntax designation when designation.Ancestors().TakeWhile(a => a is not StatementSyntax).OfType<IsPatternExpressionSyntax>().Any() => true,
            // 'out var x' and deconstruction: the lowering passes or assigns the slot's field instead.
            SingleVariableDesignationSyntax { Parent: DeclarationExpressionSyntax or ParenthesizedVariableDesignationSyntax } => true,
            _ => false,
        };

    private static string? WhyNotCheckpointable(ITypeSymbol type) => type switch
    {
        { IsAnonymousType: true } => "anonymous types have no constructor that System.Text.Json can call, so they",
        { IsRefLikeType: true } => "ref structs",
        IPointerTypeSymbol or IFunctionPointerTypeSymbol => "pointers",
        { TypeKind: TypeKind.Delegate } => "delegates",
        _ => null,
    };

    private static ExpressionSyntax Unparenthesize(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }
}
