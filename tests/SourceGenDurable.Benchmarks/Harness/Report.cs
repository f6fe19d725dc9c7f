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

/// <summary>
/// Collects measurements and goal checks, prints them, and writes them as markdown. What is added after
/// <see cref="BeginSection"/> goes to a section of its own, written after the rest with its own goals, measurements and notes.
/// </summary>
internal sealed class Report(bool quick)
{
    private readonly List<Section> _sections = [new(null, null)];
    private readonly List<(string Change, string Bought)> _bought = [];
    private readonly List<(string Title, string Description, string[] Columns, string[][] Rows)> _tables = [];
    private string? _boughtElsewhere;

    private Section Current => _sections[^1];

    /// <summary>Starts a section: a heading, a paragraph, and then whatever is added until the next section.</summary>
    public void BeginSection(string title, string description)
    {
        _sections.Add(new Section(title, description));
        Console.WriteLine($"{title}: {description}");
    }

    public Measurement Add(string scenario, string system, string metric, Samples values)
    {
        var measurement = new Measurement(scenario, system, metric, values);
        Current.Measurements.Add(measurement);
        Console.WriteLine($"  {system,-34} {scenario,-52} {metric,-22} median {Format(values.Median),10}  (min {Format(values.Min)}, max {Format(values.Max)}, n={values.Count})");
        return measurement;
    }

    public void Goal(string goal, string observed, bool? met)
    {
        Current.Goals.Add(new GoalCheck(goal, observed, met));
        Console.WriteLine($"  goal: {goal}: {observed} -> {(met is null ? "not measured" : met.Value ? "met" : "NOT met")}");
    }

    public void Note(string note)
    {
        Current.Notes.Add(note);
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

    /// <summary>Hand-written findings from other runs (they say when and how), included verbatim at the end of the current section.</summary>
    public void SectionFindings(string markdown) => Current.Findings = markdown.Trim();

    public string ToMarkdown(DateTimeOffset date)
    {
        var text = new StringBuilder();
        text.AppendLine("# Benchmarks");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Measured on {date:yyyy-MM-dd} on a machine with {Environment.ProcessorCount} cores ({System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}, .NET {Environment.Version}), {(quick ? "quick mode (small sizes; not for comparison)" : "full mode")}.");
        text.AppendLine("Reproduce with `dotnet run -c Release --project tests/SourceGenDurable.Benchmarks` (add `--quick` for a smoke run).");
        text.AppendLine("Every number is the median of the repeats, with the minimum and maximum; ratios compare medians measured in this same run.");
        var main = _sections[0];
        WriteGoalsAndMeasurements(text, main, "##");

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

        WriteNotes(text, main, "##");
        foreach (var section in _sections.Skip(1))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"## {section.Title}");
            text.AppendLine();
            text.AppendLine(section.Description);
            WriteGoalsAndMeasurements(text, section, "###");
            WriteNotes(text, section, "###");
            if (section.Findings is not null)
            {
                text.AppendLine();
                text.AppendLine(section.Findings);
            }
        }

        return text.ToString();
    }

    private static void WriteGoalsAndMeasurements(StringBuilder text, Section section, string heading)
    {
        WriteTable(
            text,
            $"{heading} Goals",
            "| Goal | Observed | Met |",
            "|---|---|---|",
            section.Goals.Select(goal => $"| {goal.Goal} | {goal.Observed} | {(goal.Met is null ? "not measured" : goal.Met.Value ? "yes" : "**no**")} |"));
        WriteTable(
            text,
            $"{heading} Measurements",
            "| System | Scenario | Metric | Median | Min | Max | Repeats |",
            "|---|---|---|---:|---:|---:|---:|",
            section.Measurements.Select(m => string.Create(CultureInfo.InvariantCulture, $"| {m.System} | {m.Scenario} | {m.Metric} | {Format(m.Values.Median)} | {Format(m.Values.Min)} | {Format(m.Values.Max)} | {m.Values.Count} |")));
    }

    /// <summary>A titled markdown table, or nothing when it has no rows.</summary>
    private static void WriteTable(StringBuilder text, string title, string header, string alignment, IEnumerable<string> rows)
    {
        var lines = rows.ToList();
        if (lines.Count == 0)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine(title);
        text.AppendLine();
        text.AppendLine(header);
        text.AppendLine(alignment);
        foreach (var line in lines)
        {
            text.AppendLine(line);
        }
    }

    private static void WriteNotes(StringBuilder text, Section section, string heading)
    {
        if (section.Notes.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{heading} Notes");
            text.AppendLine();
            foreach (var note in section.Notes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }
        }
    }

    private sealed record Section(string? Title, string? Description)
    {
        public List<Measurement> Measurements { get; } = [];

        public List<GoalCheck> Goals { get; } = [];

        public List<string> Notes { get; } = [];

        public string? Findings { get; set; }
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
