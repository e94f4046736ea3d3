using System.Text.Json.Nodes;

namespace Navidrome.DiscordPresence.TestHost.Discord;

/// <summary>One frame the plugin sent to the fake gateway.</summary>
public sealed record ReceivedFrame(long AtElapsedMs, int ConnectionNumber, string? User, int Op, JsonNode? Data, string Json);

/// <summary>One frame the fake gateway sent to the plugin (every one is a plugin call in Navidrome); <paramref name="Type"/> for dispatches; <paramref name="User"/> is null before the identify names it (Hello).</summary>
public sealed record SentFrame(long AtElapsedMs, int ConnectionNumber, string? User, int Op, string? Type, int Bytes);

/// <summary>How a gateway connection ended: closed by the plugin or by Discord (with a code), or dropped.</summary>
public sealed record ConnectionEnd(long AtElapsedMs, string By, int? Code, string Reason);

/// <summary>A presence Discord received (op 3, or the presence inside an identify).</summary>
public sealed record PresenceRecord(long AtElapsedMs, string User, int ConnectionNumber, JsonNode? Data)
{
    /// <summary>The activities sent (an empty list clears the presence).</summary>
    public IReadOnlyList<JsonObject> Activities =>
        Data?["activities"] is JsonArray list ? [.. list.OfType<JsonObject>()] : [];

    public bool IsClear => Activities.Count == 0;

    /// <summary>Every text of every activity (name, details, state, asset texts), for loose "shows" checks.</summary>
    public string Text => string.Join(" | ", Activities.SelectMany(a => Texts(a)));

    private static IEnumerable<string> Texts(JsonNode node) => node switch
    {
        JsonObject o => o.Where(p => p.Key != "application_id").SelectMany(p => p.Value is null ? [] : Texts(p.Value)),
        JsonArray a => a.SelectMany(i => i is null ? [] : Texts(i)),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => [v.GetValue<string>()],
        _ => [],
    };

    /// <summary>
    /// The buttons of the first activity as a user account sends them: the labels in <c>buttons</c>, the URLs in
    /// <c>metadata.button_urls</c> at the same positions (a missing URL is null).
    /// </summary>
    public IReadOnlyList<(string Label, string? Url)> Buttons =>
        Activities.FirstOrDefault() is { } activity && activity["buttons"] is JsonArray labels
            ? [.. labels.Select((label, i) => (label?.GetValue<string>() ?? "", (activity["metadata"]?["button_urls"] as JsonArray)?.ElementAtOrDefault(i)?.GetValue<string>()))]
            : [];

    /// <summary>
    /// What Discord would refuse or hide in this presence's buttons (at most 2; a label of 1–31 UTF-8 bytes, since one
    /// of 32 hides the presence from others though the docs say 32 characters; a URL of 1–512), plus our own rule that a URL is https and every label has one; null when nothing.
    /// </summary>
    public string? ButtonFault()
    {
        foreach (var activity in Activities)
        {
            var labels = activity["buttons"] as JsonArray;
            var urls = activity["metadata"]?["button_urls"] as JsonArray;
            if (labels is null && urls is null) continue;
            if (labels is null || urls is null || labels.Count != urls.Count) return "buttons and metadata.button_urls do not pair up";
            if (labels.Count is 0 or > 2) return $"{labels.Count} buttons";
            if (labels.Any(l => l?.GetValue<string>() is not { } text || System.Text.Encoding.UTF8.GetByteCount(text) is 0 or > 31)) return "a label outside 1–31 bytes";
            if (urls.Any(u => u?.GetValue<string>() is not { } url || !url.StartsWith("https://", StringComparison.Ordinal)
                    || System.Text.Encoding.UTF8.GetByteCount(url) > 512)) return "a URL that is not https or is over 512";
        }
        return null;
    }

    public override string ToString() => IsClear ? "(clear)" : Text;
}

/// <summary>A request one of the fake web services received, and the status it answered.</summary>
public sealed record HttpRecord(long AtElapsedMs, string Host, string Method, string Path, int Status, bool HadAuthorization, string Body);

/// <summary>A Discord gateway session (what a resume needs, and the intents its identify asked for: null when absent).</summary>
public sealed class DiscordSession(string id, string user, string token, long? intents)
{
    public long? Intents { get; } = intents;
    public string Id { get; } = id;
    public string User { get; } = user;
    public string Token { get; } = token;
    public int Sequence { get; set; }
    public bool Valid { get; set; } = true;
}
