using System.Globalization;

namespace Navidrome.DiscordPresence.Domain;

/// <summary>
/// The shape of every id the plugin makes up (connections, schedules, HTTP tags): <c>kind:number:username</c>.
/// The username goes last, so it may contain any character, colons included.
/// </summary>
public static class TaggedId
{
    /// <summary>Makes an id.</summary>
    public static string Format(string kind, long number, string user) =>
        kind + ":" + number.ToString(CultureInfo.InvariantCulture) + ":" + user;

    /// <summary>Reads an id; false when it does not have the shape.</summary>
    public static bool TryParse(string id, out string kind, out long number, out string user)
    {
        kind = user = "";
        number = 0;
        var first = id.IndexOf(':');
        var second = first < 0 ? -1 : id.IndexOf(':', first + 1);
        if (first <= 0 || second < 0 || second == id.Length - 1) return false;
        if (!long.TryParse(id.AsSpan(first + 1, second - first - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number)) return false;
        kind = id[..first];
        user = id[(second + 1)..];
        return true;
    }
}
