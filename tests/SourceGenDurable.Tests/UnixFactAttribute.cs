namespace SourceGenDurable.Tests;

/// <summary>A test of Unix behaviour (file modes, signals): skipped on Windows.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix only.";
        }
    }
}
