using System.Globalization;
using System.Text;

namespace SourceGenDurable.Benchmarks.Harness;

/// <summary>One line of the results table.</summary>
/// <param name="Scenario">What ran, with its size.</param>
/// <param name="System">Which system ran it: SourceGenDurable, a peer, or the raw SQLite floor.</param>
/// <param name="Metric">What the numbers measure, with the unit.</param>
/// <param name="Values">Every repeat's value.</param>
internal sealed record Measurement(string Scenario, string System, string Metric, Samples Values);

/// <summary>A goal of the performance issue, checked against medians measured in the same run.</summary>
/// <param name="Goal">The goal as written.</param>
/// <param name="Observed">The ratio or value measured.</param>
/// <param name="Met">Whether the observation meets the goal; null when the suite could not measure it.</param>
internal sealed record GoalCheck(string Goal, string Observed, bool? Met);

/// <summary>Collects measurements and goal checks, prints them, and writes them as markdown.</summary>
internal sealed class Report(bool quick)
{
    private readonly List<Measurement> _measurements = [];
    private readonly List<GoalCheck> _goals = [];
    private readonly List<string> _notes = [];
    private readonly List<(string Change, string Bought)> _bought = [];
    private readonly List<(string Title, string Description, string[] Columns, string[][] Rows)> _tables = [];
    private string? _boughtElsewhere;

    public Measurement Add(string scenario, string system, string metric, Samples values)
    {
        var measurement = new Measurement(scenario, system, metric, values);
        _measurements.Add(measurement);
        Console.WriteLine($"  {system,-34} {scenario,-52} {metric,-22} median {Format(values.Median),10}  (min {Format(values.Min)}, max {Format(values.Max)}, n={values.Count})");
        return measurement;
    }

    public void Goal(string goal, string observed, bool? met)
    {
        _goals.Add(new GoalCheck(goal, observed, met));
        Console.WriteLine($"  goal: {goal}: {observed} -> {(met is null ? "not measured" : met.Value ? "met" : "NOT met")}");
    }

    public void Note(string note)
    {
        _notes.Add(note);
        Console.WriteLine($"  note: {note}");
    }

    /// <summary>
    /// A table of its own after the measurements, for numbers a goal asks to see side by side; each cell is already
    /// formatted (taken from measurements of this run).
    /// </summary>
    public void Table(string title, string description, string[] columns, IEnumerable<string[]> rows)
    {
        var table = rows.ToArray();
        _tables.Add((title, description, columns, table));
        Console.WriteLine($"  table: {title}");
        foreach (var row in table.Prepend(columns))
        {
            Console.WriteLine("    " + string.Join(" | ", row));
        }
    }

    /// <summary>What an optimization bought, from numbers measured in this run.</summary>
    public void Bought(string change, string bought)
    {
        _bought.Add((change, bought));
        Console.WriteLine($"  bought: {change}: {bought}");
    }

    /// <summary>Hand-written findings measured in other runs (they say when and how), included verbatim.</summary>
    public void BoughtElsewhere(string markdown) => _boughtElsewhere = markdown.Trim();

    public string ToMarkdown(DateTimeOffset date)
    {
        var text = new StringBuilder();
        text.AppendLine("# Benchmarks");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Measured on {date:yyyy-MM-dd} on a machine with {Environment.ProcessorCount} cores ({System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}, .NET {Environment.Version}), {(quick ? "quick mode (small sizes; not for comparison)" : "full mode")}.");
        text.AppendLine("Reproduce with `dotnet run -c Release --project tests/SourceGenDurable.Benchmarks` (add `--quick` for a smoke run).");
        text.AppendLine("Every number is the median of the repeats, with the minimum and maximum; ratios compare medians measured in this same run.");
        text.AppendLine();
        text.AppendLine("## Goals");
        text.AppendLine();
        text.AppendLine("| Goal | Observed | Met |");
        text.AppendLine("|---|---|---|");
        foreach (var goal in _goals)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {goal.Goal} | {goal.Observed} | {(goal.Met is null ? "not measured" : goal.Met.Value ? "yes" : "**no**")} |");
        }

        text.AppendLine();
        text.AppendLine("## Measurements");
        text.AppendLine();
        text.AppendLine("| System | Scenario | Metric | Median | Min | Max | Repeats |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|");
        foreach (var m in _measurements)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {m.System} | {m.Scenario} | {m.Metric} | {Format(m.Values.Median)} | {Format(m.Values.Min)} | {Format(m.Values.Max)} | {m.Values.Count} |");
        }

        foreach (var (title, description, columns, rows) in _tables)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"## {title}");
            text.AppendLine();
            text.AppendLine(description);
            text.AppendLine();
            text.AppendLine("| " + string.Join(" | ", columns) + " |");
            text.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---:|", columns.Length - 1)));
            foreach (var row in rows)
            {
                text.AppendLine("| " + string.Join(" | ", row) + " |");
            }
        }

        if (_bought.Count > 0 || _boughtElsewhere is not null)
        {
            text.AppendLine();
            text.AppendLine("## What each optimization bought");
            if (_bought.Count > 0)
            {
                text.AppendLine();
                text.AppendLine("Measured in this run:");
                text.AppendLine();
                text.AppendLine("| Optimization | What it bought in this run |");
                text.AppendLine("|---|---|");
                foreach (var (change, bought) in _bought)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"| {change} | {bought} |");
                }
            }

            if (_boughtElsewhere is not null)
            {
                text.AppendLine();
                text.AppendLine("Measured in separate runs (from `tests/SourceGenDurable.Benchmarks/optimizations.md`, included as written; the dates and builds are in each heading):");
                text.AppendLine();
                text.AppendLine(_boughtElsewhere);
            }
        }

        if (_notes.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("## Notes");
            text.AppendLine();
            foreach (var note in _notes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }
        }

        return text.ToString();
    }

    public static string Format(double value) => double.IsNaN(value)
        ? "-"
        : value switch
        {
            >= 1000 => value.ToString("N0", CultureInfo.InvariantCulture),
            >= 10 => value.ToString("0.0", CultureInfo.InvariantCulture),
            >= 0.1 => value.ToString("0.00", CultureInfo.InvariantCulture),
            _ => value.ToString("0.0000", CultureInfo.InvariantCulture),
        };

    public static string Ratio(double numerator, double denominator) => Format(numerator / denominator) + "x";
}
