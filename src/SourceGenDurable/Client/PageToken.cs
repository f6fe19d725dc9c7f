using System.Globalization;
using System.Text;

namespace SourceGenDurable.Client;

/// <summary>
/// A listing's continuation token: the creation time and id of the last instance of a page, which the next page starts
/// after. Opaque to callers, so the paging scheme can change without breaking them.
/// </summary>
internal static class PageToken
{
    public static string Write(DateTimeOffset createdAt, string id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(createdAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + ":" + id));

    public static (DateTimeOffset CreatedAt, string Id) Read(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && long.TryParse(text.AsSpan(0, colon), NumberStyles.Integer, CultureInfo.InvariantCulture, out var milliseconds))
            {
                return (DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), text[(colon + 1)..]);
            }
        }
        catch (FormatException)
        {
        }

        throw new ArgumentException(
            $"'{token}' is not a continuation token of a workflow listing. Pass the ContinuationToken of the previous WorkflowPage, or null for the first page.",
            nameof(token));
    }
}
