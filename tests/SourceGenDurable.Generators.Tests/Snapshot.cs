using System.Runtime.CompilerServices;

namespace SourceGenDurable.Generators.Tests;

/// <summary>
/// Approved-file snapshots: generated code is compared with <c>Snapshots/&lt;Class&gt;.&lt;Test&gt;.verified.cs</c> next
/// to the test source. A missing or different snapshot fails and writes <c>.received.cs</c> beside it;
/// <c>UPDATE_SNAPSHOTS=1</c> accepts the received text instead.
/// </summary>
internal static class Snapshot
{
    public static void Match(IReadOnlyList<(string HintName, string Text)> files, [CallerFilePath] string testFile = "", [CallerMemberName] string test = "")
    {
        var received = string.Concat(files.Select(f => $"//--- {f.HintName}\n{f.Text.Replace("\r\n", "\n")}"));
        var folder = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        var name = $"{Path.GetFileNameWithoutExtension(testFile)}.{test}";
        var verifiedPath = Path.Combine(folder, name + ".verified.cs");
        var receivedPath = Path.Combine(folder, name + ".received.cs");

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(verifiedPath, received);
            File.Delete(receivedPath);
            return;
        }

        if (!File.Exists(verifiedPath))
        {
            File.WriteAllText(receivedPath, received);
            Assert.Fail($"No snapshot {verifiedPath}. Review {receivedPath}, then accept it with UPDATE_SNAPSHOTS=1.");
        }

        var verified = File.ReadAllText(verifiedPath).Replace("\r\n", "\n");
        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        var expectedLines = verified.Split('\n');
        var actualLines = received.Split('\n');
        var line = Enumerable.Range(0, Math.Max(expectedLines.Length, actualLines.Length))
            .First(i => i >= expectedLines.Length || i >= actualLines.Length || expectedLines[i] != actualLines[i]);
        Assert.Fail(
            $"Generated code differs from {verifiedPath} at line {line + 1}:\n" +
            $"  verified: {(line < expectedLines.Length ? expectedLines[line] : "<end>")}\n" +
            $"  received: {(line < actualLines.Length ? actualLines[line] : "<end>")}\n" +
            $"Review {receivedPath}; accept it with UPDATE_SNAPSHOTS=1.");
    }
}
