using Microsoft.CodeAnalysis.Diagnostics;

namespace SourceGenDurable.Generators.Pipeline;

/// <summary>
/// Whether this build runs the analyzers, read from the MSBuild properties the package makes visible to the compiler
/// (<c>build/SourceGenDurable.props</c>), by the rule of the compiler's own targets (<c>_ComputeSkipAnalyzers</c> in
/// Microsoft.Managed.Core.targets). Source generators run either way: where the analyzers do not, the generator
/// reports the shape errors itself.
/// </summary>
internal static class AnalyzerSwitch
{
    public static bool SkipsAnalyzers(AnalyzerConfigOptions globalOptions)
    {
        var runAnalyzers = Value(globalOptions, "RunAnalyzers");
        if (Is(runAnalyzers, "false"))
        {
            return true;
        }

        // RunAnalyzersDuringBuild=false leaves the IDE's live analysis on, which its design-time builds serve.
        if (runAnalyzers.Length == 0 && Is(Value(globalOptions, "RunAnalyzersDuringBuild"), "false") && !Is(Value(globalOptions, "DesignTimeBuild"), "true"))
        {
            return true;
        }

        // Visual Studio's builds for Run Tests and Start Debugging skip analyzers unless warnings are errors.
        var optimize = Value(globalOptions, "OptimizeImplicitlyTriggeredBuild");
        return Is(Value(globalOptions, "IsImplicitlyTriggeredBuild"), "true") &&
            Is(Value(globalOptions, "UsingMicrosoftNETSdk"), "true") &&
            !Is(optimize, "false") &&
            (!Is(Value(globalOptions, "TreatWarningsAsErrors"), "true") || Is(optimize, "true"));
    }

    private static string Value(AnalyzerConfigOptions options, string property) =>
        options.TryGetValue($"build_property.{property}", out var value) ? value.Trim() : "";

    private static bool Is(string value, string expected) => string.Equals(value, expected, System.StringComparison.OrdinalIgnoreCase);
}
