using System.Text.Json.Nodes;

namespace Navidrome.DiscordPresence.TestHost.Discord;

/// <summary>
/// Another of a user's Discord sessions (a desktop client, a phone), showing a Listening activity of
/// <paramref name="Listening"/> (e.g. Spotify, whose activity carries no application id; or an app's, with
/// <paramref name="ApplicationId"/>), or none (null).
/// </summary>
public sealed record OtherSession(string SessionId, string? Listening, string? ApplicationId);

/// <summary>
/// The user's session list, as Discord gives it to a user session (docs/discord-gateway.md, "Other players"): READY's
/// <c>sessions</c>, and SESSIONS_REPLACE (its <c>d</c> is the list itself) to every open session of the user whenever
/// one of them changes: another session's activity starts or ends, or the plugin sends a presence. Neither is gated by
/// intents. A user without other sessions gets no SESSIONS_REPLACE after a presence update, so the scenarios written
/// before other sessions existed count the same frames.
/// </summary>
public sealed partial class FakeDiscord
{
    private readonly Dictionary<string, OtherSession> _otherSessions = [];
    private readonly List<(long AtMs, string User, bool Listening, string? ApplicationId)> _otherListening = [];

    /// <summary>
    /// <paramref name="user"/>'s other session starts showing Listening to <paramref name="listening"/> (null: stops),
    /// and every open session of theirs hears of it.
    /// </summary>
    public void SetOtherSession(string user, string? listening, string? applicationId = null)
    {
        var session = new OtherSession($"other-session-{user}", listening, applicationId);
        lock (_otherSessions)
        {
            _otherSessions[user] = session;
            _otherListening.Add((_clock.ElapsedMs, user, listening is not null, applicationId));
        }
        _transcript.Add("discord", listening is null
            ? $"{user}'s other session shows no activity"
            : $"{user}'s other session shows Listening to \"{listening}\"{(applicationId is null ? "" : $" (application {applicationId})")}");
        SessionsReplaceAsync(user).GetAwaiter().GetResult();
    }

    private bool HasOtherSession(string user)
    {
        lock (_otherSessions) return _otherSessions.ContainsKey(user);
    }

    /// <summary>Sends the user's session list to each of their open, identified sessions.</summary>
    private async Task SessionsReplaceAsync(string user)
    {
        foreach (var connection in Connections.Where(c => c.User == user && c.IsOpen && c.Identified && c.Session is not null))
            await Dispatch(connection, "SESSIONS_REPLACE", SessionsOf(user)).ConfigureAwait(false);
    }

    /// <summary>
    /// The user's sessions: each open session of ours with the activities its last presence set, the other session,
    /// and, when more than one shows something, the overall <c>all</c> session with everyone's activities.
    /// </summary>
    private JsonArray SessionsOf(string user)
    {
        var sessions = new List<JsonObject>();
        var presences = Presences;
        foreach (var connection in Connections.Where(c => c.User == user && c.IsOpen && c.Identified && c.Session is not null))
        {
            var last = presences.LastOrDefault(p => p.ConnectionNumber == connection.Number);
            sessions.Add(Session(connection.Session!.Id, "linux", [.. (last?.Activities ?? []).Select(a => (JsonNode)a.DeepClone())]));
        }
        OtherSession? other;
        lock (_otherSessions) other = _otherSessions.GetValueOrDefault(user);
        if (other is not null)
            sessions.Add(Session(other.SessionId, "windows", other.Listening is null ? [] : [ListeningActivity(other)]));
        var showing = sessions.Where(s => s["activities"] is JsonArray { Count: > 0 }).ToList();
        if (showing.Count > 1)
            sessions.Add(Session("all", "unknown", [.. showing.SelectMany(s => s["activities"]!.AsArray()).Select(a => a!.DeepClone())]));
        return new JsonArray([.. sessions]);
    }

    private static JsonObject Session(string id, string os, JsonNode[] activities) => new()
    {
        ["session_id"] = id,
        ["status"] = "online",
        ["client_info"] = new JsonObject { ["client"] = os == "unknown" ? "unknown" : "desktop", ["os"] = os, ["version"] = 0 },
        ["activities"] = new JsonArray(activities),
        ["hidden_activities"] = new JsonArray(),
        ["active"] = true,
    };

    /// <summary>A Listening activity as Discord lists it: Spotify's own shape without an application id, an app's with one.</summary>
    private static JsonObject ListeningActivity(OtherSession other)
    {
        var activity = new JsonObject
        {
            ["type"] = 2,
            ["name"] = other.Listening,
            ["details"] = "So What",
            ["state"] = "Miles Davis",
            ["timestamps"] = new JsonObject { ["start"] = 1_767_268_800_000L, ["end"] = 1_767_269_340_000L },
            ["created_at"] = 1_767_268_800_000L,
        };
        if (other.ApplicationId is { } application) activity["application_id"] = application;
        else
        {
            activity["id"] = "spotify:1";
            activity["flags"] = 48;
            activity["sync_id"] = "4uLU6hMCjMI75M1A2tKUQC";
        }
        return activity;
    }

    /// <summary>
    /// Virtual milliseconds during which Discord showed two Listening activities of <paramref name="user"/>'s at once:
    /// another player's on the other session (not of <paramref name="ourApplication"/>) and one of ours.
    /// </summary>
    public long ListeningTogetherMs(string user, string? ourApplication)
    {
        List<(long AtMs, bool Ours, bool Listening)> changes;
        lock (_otherSessions)
            changes = [.. _otherListening.Where(o => o.User == user).Select(o => (o.AtMs, false, o.Listening && (ourApplication is null || o.ApplicationId != ourApplication)))];
        foreach (var connection in Connections.Where(c => c.User == user))
        {
            changes.AddRange(Presences.Where(p => p.ConnectionNumber == connection.Number).Select(p => (p.AtElapsedMs, true, !p.IsClear)));
            if (connection.End is { } end) changes.Add((end.AtElapsedMs, true, false));
        }
        long together = 0, since = 0;
        bool ours = false, theirs = false;
        foreach (var (at, isOurs, listening) in changes.OrderBy(c => c.AtMs))
        {
            if (ours && theirs) together += at - since;
            if (isOurs) ours = listening; else theirs = listening;
            since = at;
        }
        if (ours && theirs) together += _clock.ElapsedMs - since;
        return together;
    }
}
