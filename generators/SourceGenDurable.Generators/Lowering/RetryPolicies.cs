using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using SourceGenDurable.Generators.Binding;
using SourceGenDurable.Shared;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>How a <c>[DurableStep]</c>'s retry arguments become a <c>RetryPolicy</c> at its call site.</summary>
internal static class RetryPolicies
{
    private const string PolicyType = "global::SourceGenDurable.RetryPolicy";

    /// <summary>
    /// The step's retry argument for <c>__run.StepAsync</c>: its attempts alone when it sets no other retry argument,
    /// otherwise a <c>RetryPolicy</c> initializer. Out-of-range values still compile, and the runtime rejects them with
    /// the step's name when the step is reached.
    /// </summary>
    public static string Argument(DurableOperation operation)
    {
        if (operation.RetryArguments.IsEmpty)
        {
            return operation.MaxAttempts.ToString(CultureInfo.InvariantCulture);
        }

        var settings = new List<string> { $"MaxAttempts = {operation.MaxAttempts.ToString(CultureInfo.InvariantCulture)}" };
        foreach (var argument in operation.RetryArguments)
        {
            var setting = argument.Key switch
            {
                "FirstRetryDelayMilliseconds" => $"FirstRetryDelay = {Milliseconds(argument.Value)}",
                "MaxRetryDelayMilliseconds" when argument.Value.Value is 0 => null,
                "MaxRetryDelayMilliseconds" => $"MaxRetryDelay = {Milliseconds(argument.Value)}",
                "BackoffCoefficient" when argument.Value.Value is double coefficient => $"BackoffCoefficient = {Double(coefficient)}",
                "DoNotRetry" when !argument.Value.IsNull => $"DoNotRetry = new global::System.Type[] {{ {string.Join(", ", argument.Value.Values.Select(TypeOf))} }}",
                _ => null,
            };
            if (setting is not null)
            {
                settings.Add(setting);
            }
        }

        return $"new {PolicyType} {{ {string.Join(", ", settings)} }}";
    }

    private static string Milliseconds(TypedConstant value) =>
        $"global::System.TimeSpan.FromMilliseconds({((int)value.Value!).ToString(CultureInfo.InvariantCulture)})";

    private static string Double(double value) =>
        double.IsNaN(value) ? "double.NaN"
        : double.IsPositiveInfinity(value) ? "double.PositiveInfinity"
        : double.IsNegativeInfinity(value) ? "double.NegativeInfinity"
        : value.ToString("R", CultureInfo.InvariantCulture) + "d";

    private static string TypeOf(TypedConstant type) =>
        type.Value is ITypeSymbol symbol ? $"typeof({TypeNames.FullyQualified(symbol)})" : "null";
}
