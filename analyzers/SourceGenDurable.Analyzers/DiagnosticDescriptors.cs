using Microsoft.CodeAnalysis;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Analyzers;

/// <summary>Every diagnostic of the analyzers, but the shape errors, which the generator reports too (see <see cref="ShapeDiagnostics"/>).</summary>
internal static class DiagnosticDescriptors
{
    private const string ShapeCategory = ShapeDiagnostics.Category;

    // Rules 1-7 and 10: code that runs again after a restart, or whose effect a restart loses. The workflow still runs,
    // so these are warnings; rules 8, 9, 11 and 12 describe a workflow that cannot work, so those are errors.
    public static readonly DiagnosticDescriptor WallClock = Warning(
        "SGD0001",
        DeterminismCategory,
        "Workflow body reads the wall clock",
        "'{0}' reads the machine's clock, which gives another value when this code runs again after a restart and ignores a test's fake clock: {1}");

    public static readonly DiagnosticDescriptor Randomness = Warning(
        "SGD0002",
        DeterminismCategory,
        "Workflow body uses a random source",
        "'{0}' gives another value when this code runs again after a restart: {1}");

    public static readonly DiagnosticDescriptor NonDurableTimer = Warning(
        "SGD0003",
        DeterminismCategory,
        "Workflow body waits with a non-durable timer",
        "'{0}' waits in memory, so a restart forgets the wait and a test's fake clock cannot advance it: {1}");

    public static readonly DiagnosticDescriptor SideEffectOutsideStep = Warning(
        "SGD0004",
        SideEffectsCategory,
        "Side effect outside a step",
        "'{0}' does I/O in the workflow body, where it runs again every time the workflow resumes before the next checkpoint: {1}");

    public static readonly DiagnosticDescriptor Concurrency = Warning(
        "SGD0005",
        DeterminismCategory,
        "Workflow body starts concurrent work",
        "'{0}' {1}");

    public static readonly DiagnosticDescriptor NonDurableAwait = Warning(
        "SGD0006",
        SideEffectsCategory,
        "Awaiting something that is not a durable operation",
        "'{0}' is not a durable operation: its result is not recorded, so it runs again after a restart, and it is not retried; move it into a [DurableStep] method or a ctx.Step");

    public static readonly DiagnosticDescriptor StateOutsideSlots = Warning(
        "SGD0007",
        StateCategory,
        "Workflow body writes state that is not checkpointed",
        "'{0}' is {1}, which is not saved at a checkpoint and is lost when the workflow resumes: keep the value in a local, or return it from a step");

    public static readonly DiagnosticDescriptor NotCheckpointable = Error(
        "SGD0008",
        StateCategory,
        "Variable that cannot be checkpointed lives across a durable await",
        "'{0}' of type '{1}' lives across the checkpoint '{2}' on line {3}, so it is saved there and read back after a restart, but {4}: create it again after the durable await, or keep only its data");

    public static readonly DiagnosticDescriptor DurableOperationOutsideWorkflowBody = Error(
        "SGD0009",
        StateCategory,
        "Durable operation outside the workflow body",
        "'{0}' reaches the durable operation '{1}' outside the workflow body ({2}), where it is not a checkpoint: await durable operations in the [DurableWorkflow] method itself");

    public static readonly DiagnosticDescriptor ViolationThroughCall = Warning(
        "SGD0010",
        DeterminismCategory,
        "Workflow body calls code that breaks a workflow rule",
        "'{0}' reaches '{1}' ({2}), which {3}: move the call into a [DurableStep] method or a ctx.Step, or pass in the value through the context");

    public static readonly DiagnosticDescriptor StepMisuse = Error(
        "SGD0011",
        ShapeCategory,
        "[DurableStep] method cannot be a step",
        "[DurableStep] '{0}' {1}");

    public static readonly DiagnosticDescriptor DuplicateWorkflowName = Error(
        "SGD0012",
        ShapeCategory,
        "Two workflows have the same name",
        "Workflow '{0}' is registered under the name '{1}', like '{2}': instances are stored and resumed by name, so pin a different name with [DurableWorkflow(Name = \"...\")]",
        WellKnownDiagnosticTags.CompilationEnd);

    // A hint, not a finding: the delegate may well be harmless, but nothing can tell.
    public static readonly DiagnosticDescriptor UnfollowedDelegate = Create(
        "SGD0013",
        DeterminismCategory,
        DiagnosticSeverity.Info,
        "Workflow body calls a delegate the analyzers cannot follow",
        "'{0}' is a delegate the workflow receives from outside, so the analyzers cannot see what it runs: if it reads the clock, draws a random value or does I/O, that runs again after a restart; call it inside a [DurableStep] method or a ctx.Step, or pass in its result");

    // Only under Native AOT or trimming (PublishAot or IsAotCompatible): there the type crashes the first checkpoint,
    // start or step that writes it; elsewhere reflection serializes it. A warning, because a context registered by
    // another project of the application is not visible here.
    public static readonly DiagnosticDescriptor NotInJsonContext = Create(
        "SGD0014",
        StateCategory,
        DiagnosticSeverity.Warning,
        "Workflow type has no JSON metadata under Native AOT",
        "'{0}' is {1}, but no JsonSerializerContext registered with UseJsonContext covers it{2}, so under Native AOT it cannot be serialized (NotSupportedException at run time): add [JsonSerializable(typeof({3}))] to {4}",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor StepAssignsWorkflowVariable = Warning(
        "SGD0015",
        StateCategory,
        "Step body assigns a variable of the workflow",
        "'{0}' is {1} of the workflow, assigned inside the body of step '{2}': once the step has completed, a resumed workflow gets its recorded result and the body does not run again, so the assignment is lost; return the value from the step and assign it in the workflow");

    public static readonly DiagnosticDescriptor ForEachVariableIsCopy = Warning(
        "SGD0016",
        StateCategory,
        "Change through a foreach variable is lost after a resume",
        "'{0}' is the variable of a foreach over '{1}' that awaits a durable operation: a resumed workflow goes on with copies of the elements saved at the checkpoint, not the elements of '{1}', so this change does not reach '{1}'; change the element through '{1}' by index (a for loop), or build the new state after the loop");

    public static readonly DiagnosticDescriptor SlotAlias = Warning(
        "SGD0017",
        StateCategory,
        "Two slots refer to one object, which a resume makes two",
        "{0}, and both live across a checkpoint, where each is saved as its own copy: after a resume a change made through one is not seen through the other; keep one local per object across the checkpoint, and reach the object through it (or look it up again after the checkpoint)");

    private const string DeterminismCategory = "SourceGenDurable.Determinism";
    private const string SideEffectsCategory = "SourceGenDurable.SideEffects";
    private const string StateCategory = "SourceGenDurable.State";

    private static DiagnosticDescriptor Error(string id, string category, string title, string message, params string[] tags) =>
        Create(id, category, DiagnosticSeverity.Error, title, message, tags);

    private static DiagnosticDescriptor Warning(string id, string category, string title, string message) =>
        Create(id, category, DiagnosticSeverity.Warning, title, message);

    private static DiagnosticDescriptor Create(string id, string category, DiagnosticSeverity severity, string title, string message, params string[] tags) => new(
        id,
        title,
        message,
        category,
        severity,
        isEnabledByDefault: true,
        helpLinkUri: ShapeDiagnostics.HelpLink(id),
        customTags: tags);
}
