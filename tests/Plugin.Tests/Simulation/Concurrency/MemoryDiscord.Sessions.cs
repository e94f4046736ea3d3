using System.Text.Json.Nodes;

namespace Navidrome.DiscordPresence.Tests.Simulation.Concurrency;

/// <summary>
/// The user's other Discord sessions (a desktop client playing Spotify, say), as Discord lists them to a user session
/// (docs/discord-gateway.md, "Other players"): READY's <c>sessions</c>, and SESSIONS_REPLACE (its <c>d</c> is the list
/// itself) to every open, identified session of the user whenever another session's activity starts or ends, and
/// after each of our presence updates once the user has another session. Each of our sessions is listed with the
/// activities its presence shows (they carry our application id), the other session with its Listening activity, and
/// the overall <c>all</c> session when more than one shows something, as the scenarios' fake Discord does.
/// Every stretch in which another player's Listening activity and one of ours show together is recorded.
/// </summary>
public sealed partial class MemoryDiscord
{
    private readonly Dictionary<string, string?> otherPlayers = [];
    private readonly Dictionary<string, long> togetherSince = [];

    /// <summary>Stretches in which a user's Discord showed another player's Listening activity next to ours, in ms: (user, from, to).</summary>
    public List<(string User, long FromMs, long ToMs)> ListeningTogether { get; } = [];

    /// <summary>The Listening activity another session of the user shows, or null.</summary>
    public string? OtherPlayerOf(string user) => otherPlayers.GetValueOrDefault(user);

    /// <summary>The user's other session starts showing Listening to <paramref name="player"/> (null: stops); their sessions hear of it.</summary>
    public void SetOtherPlayer(string user, string? player)
    {
        otherPlayers[user] = player;
        ListeningChanged(user);
        SessionsReplace(user);
    }

    /// <summary>A SESSIONS_REPLACE with nothing new for the plugin (another session changed something else).</summary>
    public void SessionsEcho(string user) => SessionsReplace(user);

    /// <summary>The stretches still open at the end of a run, closed now: what <see cref="ListeningTogether"/> holds then is complete.</summary>
    public IReadOnlyList<(string User, long FromMs, long ToMs)> ListeningTogetherUntilNow() =>
        [.. ListeningTogether, .. togetherSince.Select(t => (t.Key, t.Value, now()))];

    private void PresenceChanged(string user)
    {
        ListeningChanged(user);
        if (otherPlayers.ContainsKey(user)) SessionsReplace(user);
    }

    /// <summary>Notes when a stretch of two Listening activities at once starts or ends for <paramref name="user"/>.</summary>
    private void ListeningChanged(string user)
    {
        var together = otherPlayers.GetValueOrDefault(user) is not null && Showing(user).Any(s => ShowsListening(s.Presence));
        var since = togetherSince.TryGetValue(user, out var from);
        if (together && !since) togetherSince[user] = now();
        if (together || !since) return;
        togetherSince.Remove(user);
        ListeningTogether.Add((user, from, now()));
    }

    /// <summary>The user's connections whose session shows its presence now.</summary>
    private IEnumerable<SimSocket> Showing(string user) => Sockets.Where(s => s.User == user && s.Open && s.Identified && s.Session is not null);

    private static bool ShowsListening(JsonNode? presence) =>
        presence?["activities"] is JsonArray activities && activities.Any(a => a?["type"] is JsonValue t && t.TryGetValue<int>(out var type) && type == 2);

    private void SessionsReplace(string user)
    {
        foreach (var socket in Showing(user).ToList()) Dispatch(socket, "SESSIONS_REPLACE", SessionsOf(user));
    }

    /// <summary>The user's sessions as Discord lists them.</summary>
    private JsonArray SessionsOf(string user)
    {
        var sessions = Showing(user).Select(s => Session(s.Session!.Id, "unknown", s.Presence?["activities"] as JsonArray)).ToList();
        if (otherPlayers.TryGetValue(user, out var player))
            sessions.Add(Session($"other-session-{user}", "desktop", player is null ? null : new JsonArray(new JsonObject { ["type"] = 2, ["name"] = player, ["details"] = "So What" })));
        var showing = sessions.Where(s => s["activities"] is JsonArray { Count: > 0 }).ToList();
        if (showing.Count > 1)
            sessions.Add(Session("all", "unknown", new JsonArray([.. showing.SelectMany(s => s["activities"]!.AsArray()).Select(a => a!.DeepClone())])));
        return new JsonArray([.. sessions]);
    }

    private static JsonObject Session(string id, string client, JsonArray? activities) => new()
    {
        ["session_id"] = id,
        ["status"] = "online",
        ["client_info"] = new JsonObject { ["client"] = client, ["os"] = "linux", ["version"] = 0 },
        ["activities"] = activities?.DeepClone() ?? new JsonArray(),
        ["hidden_activities"] = new JsonArray(),
        ["active"] = true,
    };
}
