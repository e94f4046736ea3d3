using System.Text.Json;
using System.Text.Json.Nodes;
using Navidrome.DiscordPresence.TestHost.Services;

namespace Navidrome.DiscordPresence.Tests.Simulation.Concurrency;

/// <summary>
/// Discord's gateway in memory, judged by what the plugin sends over the wire (docs/discord-gateway.md): Hello on
/// connect, READY after identify, RESUMED after a valid resume (op 9 otherwise), ACKs (unless withheld), 4004 for a
/// rejected token, 4005 for a second identify on one connection, 4003 for a presence before identify, and 4008 when
/// a connection sends more than <see cref="PresenceLimit"/> presence updates in <see cref="PresenceWindowMs"/>.
/// Its answers are queued on the connection's reader, so they reach the plugin as separate calls that may
/// interleave with anything else. Every breach of Discord's rules is recorded in <see cref="Violations"/>. The user's
/// other sessions (MemoryDiscord.Sessions.cs) and the closing of connections that stop heartbeating
/// (MemoryDiscord.Silence.cs) live in sibling files.
/// </summary>
public sealed partial class MemoryDiscord(Func<long> now, IReadOnlyDictionary<string, string> accounts, IReadOnlySet<string> rejectedTokens)
{
    public const int HeartbeatIntervalMs = 41_250;
    public const int PresenceLimit = 5;
    public const long PresenceWindowMs = 20_000;
    public const long ResumeWindowMs = 120_000;
    public const string ResumeUrl = "wss://gateway-us-east1-b.discord.gg";

    private readonly Dictionary<string, DiscordSession> sessions = [];
    private int sessionCounter;

    /// <summary>How a frame or the last callback reaches the plugin (the host's reader for that socket).</summary>
    public Action<SimSocket, JsonObject>? DeliverText { get; set; }

    /// <summary>How Discord ending a connection reaches the plugin: the code and reason (on_close or on_error decided by the host).</summary>
    public Action<SimSocket, int?, string>? EndConnection { get; set; }

    /// <summary>Every socket ever dialled, in order.</summary>
    public List<SimSocket> Sockets { get; } = [];

    /// <summary>Users whose heartbeats get no ACK (a zombie connection).</summary>
    public HashSet<string> Withholding { get; } = [];

    /// <summary>Breaches of Discord's rules: a second identify, too many presence updates, a presence before identify.</summary>
    public List<string> Violations { get; } = [];

    /// <summary>Plugin closes of a connection whose every heartbeat was acknowledged and that Discord never asked to leave.</summary>
    public List<string> FalseZombieCloses { get; } = [];

    /// <summary>The user's newest open connection that identified or resumed.</summary>
    public SimSocket? Current(string user) => Sockets.LastOrDefault(s => s.User == user && s.Open && s.Identified);

    /// <summary>The user's newest open connection, identified or not (the target of Discord's own actions).</summary>
    public SimSocket? Newest(string user) => Sockets.LastOrDefault(s => s.User == user && s.Open);

    /// <summary>What Discord shows for a user now: the presence of their current session, or nothing.</summary>
    public JsonNode? Shown(string user) => Current(user)?.Presence;

    public void Dialled(SimSocket socket)
    {
        Sockets.Add(socket);
        Send(socket, new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = HeartbeatIntervalMs } });
    }

    /// <summary>A text frame from the plugin.</summary>
    public void Received(SimSocket socket, string text)
    {
        if (!socket.Open) return;
        JsonNode? frame;
        try { frame = JsonNode.Parse(text); }
        catch (JsonException) { frame = null; }
        if (frame?["op"] is not JsonValue opValue || !opValue.TryGetValue<int>(out var op))
        {
            Violations.Add($"{socket}: undecodable frame");
            Close(socket, 4002, "Error while decoding payload.");
            return;
        }
        var data = frame["d"];
        switch (op)
        {
            case 1:
                socket.Heartbeats++;
                socket.LastHeartbeatMs = now();
                if (socket.User is { } u && Withholding.Contains(u)) { socket.GaveReasonToLeave = true; break; }
                socket.AcksSent++;
                Send(socket, new JsonObject { ["op"] = 11 });
                break;
            case 2:
                Identify(socket, data);
                break;
            case 3:
                UpdatePresence(socket, data);
                break;
            case 6:
                Resume(socket, data);
                break;
            default:
                Violations.Add($"{socket}: unknown op {op}");
                Close(socket, 4001, "Unknown opcode.");
                break;
        }
    }

    private void Identify(SimSocket socket, JsonNode? data)
    {
        if (socket.Identified)
        {
            Violations.Add($"{socket} ({socket.User}): a second identify on one connection (4005)");
            Close(socket, 4005, "Already authenticated.");
            return;
        }
        var token = data?["token"]?.GetValue<string>() ?? "";
        if (rejectedTokens.Contains(token) || !accounts.TryGetValue(token, out var user))
        {
            Close(socket, 4004, "Authentication failed.");
            return;
        }
        socket.User ??= user;
        var session = new DiscordSession($"session-{++sessionCounter}", user, token);
        sessions[session.Id] = session;
        socket.Session = session;
        socket.Identified = true;
        socket.Presence = data?["presence"]?.DeepClone();
        Dispatch(socket, "READY", new JsonObject
        {
            ["v"] = 10,
            ["user"] = new JsonObject { ["id"] = "1000000000000000" + sessionCounter, ["username"] = user },
            ["session_id"] = session.Id,
            ["resume_gateway_url"] = ResumeUrl,
            ["sessions"] = SessionsOf(user),
        });
        ListeningChanged(user);
    }

    private void Resume(SimSocket socket, JsonNode? data)
    {
        var token = data?["token"]?.GetValue<string>() ?? "";
        var id = data?["session_id"]?.GetValue<string>() ?? "";
        if (rejectedTokens.Contains(token))
        {
            Close(socket, 4004, "Authentication failed.");
            return;
        }
        var resumable = sessions.TryGetValue(id, out var session) && session.Valid && session.Token == token
            && (session.EndedAtMs is null || now() <= session.EndedAtMs + ResumeWindowMs);
        if (!resumable)
        {
            socket.GaveReasonToLeave = true;
            Send(socket, new JsonObject { ["op"] = 9, ["d"] = false });
            return;
        }
        // The session moves to this connection; an older one that still holds it loses it.
        foreach (var other in Sockets.Where(s => s != socket && s.Session == session && s.Open)) other.Identified = false;
        session!.EndedAtMs = null;
        socket.Session = session;
        socket.User ??= session.User;
        socket.Identified = true;
        socket.Presence = PresenceOfSession(session);
        // Discord replays what the session missed while it had no connection: the session list among it.
        if (otherPlayers.ContainsKey(session.User)) Dispatch(socket, "SESSIONS_REPLACE", SessionsOf(session.User));
        Dispatch(socket, "RESUMED", new JsonObject());
        ListeningChanged(session.User);
    }

    /// <summary>A resumed session keeps the presence it had on its last connection.</summary>
    private JsonNode? PresenceOfSession(DiscordSession session) =>
        Sockets.LastOrDefault(s => s.Session == session && s.Presence is not null)?.Presence?.DeepClone();

    private void UpdatePresence(SimSocket socket, JsonNode? data)
    {
        if (!socket.Identified)
        {
            // After op 9 a presence may already be on its way before the plugin read op 9: Discord closes, but the plugin could not know.
            if (!socket.SessionInvalidated) Violations.Add($"{socket} ({socket.User}): a presence update before identify (4003)");
            Close(socket, 4003, "Not authenticated.");
            return;
        }
        var at = now();
        socket.PresenceTimes.Add(at);
        var inWindow = socket.PresenceTimes.Count(t => t > at - PresenceWindowMs);
        if (inWindow > PresenceLimit)
        {
            Violations.Add($"{socket} ({socket.User}): {inWindow} presence updates within {PresenceWindowMs / 1000} s (4008)");
            Close(socket, 4008, "Rate limited.");
            return;
        }
        socket.Presence = data?.DeepClone();
        if (socket.User is { } user) PresenceChanged(user);
    }

    /// <summary>The plugin closed the connection: 1000 and 1001 end the session, other codes keep it resumable.</summary>
    public void ClosedByPlugin(SimSocket socket, int code)
    {
        var wasOpen = socket.Open;
        socket.ClosedByPlugin = true;
        if (!wasOpen) return;
        if (code is not (1000 or 1001) && socket.Heartbeats > 0 && socket.AcksSent == socket.Heartbeats && !socket.GaveReasonToLeave)
            FalseZombieCloses.Add($"{socket} ({socket.User}) closed with {code} at {now()} after {socket.Heartbeats} heartbeats, all acknowledged");
        Ended(socket, endsSession: code is 1000 or 1001);
    }

    private void Ended(SimSocket socket, bool endsSession)
    {
        if (socket.User is { } user) ListeningChanged(user);
        if (socket.Session is not { } session) return;
        if (endsSession) session.Valid = false;
        else if (Sockets.All(s => s == socket || s.Session != session || !s.Open)) session.EndedAtMs = now();
    }

    // ---- Discord's own actions ----

    /// <summary>Discord closes the connection with a code (a close frame).</summary>
    public void Close(SimSocket socket, int code, string reason)
    {
        if (!socket.Open) return;
        socket.EndedByDiscord = true;
        Ended(socket, endsSession: code is 1000 or 1001 or 4003 or 4007 or 4009 or 4015 or 4016 or 4004);
        EndConnection?.Invoke(socket, code, reason);
    }

    /// <summary>The TCP connection drops (no close frame).</summary>
    public void Drop(SimSocket socket)
    {
        if (!socket.Open) return;
        socket.EndedByDiscord = true;
        Ended(socket, endsSession: false);
        EndConnection?.Invoke(socket, null, "read tcp 10.0.0.2:41234->162.159.135.232:443: read: connection reset by peer");
    }

    public void Reconnect(SimSocket socket)
    {
        socket.GaveReasonToLeave = true;
        Send(socket, new JsonObject { ["op"] = 7, ["d"] = null });
    }

    public void InvalidSession(SimSocket socket, bool resumable)
    {
        socket.GaveReasonToLeave = true;
        if (!resumable)
        {
            // The session is gone; the connection may identify again (docs/discord-gateway.md, 'Reconnect (op 7) and Invalid Session (op 9)').
            if (socket.Session is { } session) session.Valid = false;
            socket.Session = null;
            socket.Identified = false;
            socket.SessionInvalidated = true;
            if (socket.User is { } user) ListeningChanged(user);
        }
        Send(socket, new JsonObject { ["op"] = 9, ["d"] = resumable });
    }

    public void Noise(SimSocket socket) =>
        Dispatch(socket, "MESSAGE_CREATE", new JsonObject { ["content"] = "hi", ["channel_id"] = "1" });

    public void HeartbeatRequest(SimSocket socket) => Send(socket, new JsonObject { ["op"] = 1, ["d"] = null });

    /// <summary>The plugin was unloaded: its sockets closed with 1001, which ends their sessions.</summary>
    public void Unloaded()
    {
        foreach (var socket in Sockets.Where(s => s.Open)) ClosedByPlugin(socket, 1001);
    }

    private void Dispatch(SimSocket socket, string type, JsonNode data)
    {
        var sequence = socket.Session is { } session ? ++session.Sequence : 1;
        Send(socket, new JsonObject { ["op"] = 0, ["t"] = type, ["s"] = sequence, ["d"] = data });
    }

    private void Send(SimSocket socket, JsonObject frame)
    {
        if (socket.Open) DeliverText?.Invoke(socket, frame);
    }

    // ---- REST ----

    /// <summary>discord.com's REST routes the plugin uses, or null for another host.</summary>
    public (int Status, string Body)? Rest(string method, string url, IReadOnlyDictionary<string, string> headers, string body)
    {
        if (!url.StartsWith("https://discord.com/", StringComparison.Ordinal)) return null;
        if (url.Contains("/gateway", StringComparison.Ordinal)) return (200, """{"url":"wss://gateway.discord.gg"}""");
        if (!url.EndsWith("/external-assets", StringComparison.Ordinal) || method != "POST") return (404, """{"message":"404: Not Found","code":0}""");
        var token = headers.FirstOrDefault(h => string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase)).Value ?? "";
        if (rejectedTokens.Contains(token) || !accounts.ContainsKey(token)) return (401, """{"message":"401: Unauthorized","code":0}""");
        var urls = JsonNode.Parse(body)?["urls"]?.AsArray().Select(u => u!.GetValue<string>()).ToArray() ?? [];
        var answer = new JsonArray([.. urls.Select(u => (JsonNode)new JsonObject { ["url"] = u, ["external_asset_path"] = World.MediaPathOf(u)[3..] })]);
        return (200, answer.ToJsonString());
    }

    /// <summary>The gorilla/websocket error text Navidrome hands on_error for a close code.</summary>
    public static string CloseErrorText(int code, string reason) => WebSocketService.CloseErrorText(code, reason);
}
