using System.Text.Json.Nodes;

namespace Navidrome.DiscordPresence.Tests.Simulation.Concurrency;

/// <summary>
/// One WebSocket as both ends see it: Navidrome's registration (id, reader lane) and Discord's connection (session,
/// presences, heartbeats). Two dials with one id give two sockets; only the one registered last receives sends.
/// </summary>
public sealed class SimSocket(int number, string connectionId, string? user, Lane reader, long openedAtMs)
{
    public int Number { get; } = number;
    public string ConnectionId { get; } = connectionId;

    /// <summary>The Navidrome user, from the connection id or, failing that, from the token that identified.</summary>
    public string? User { get; set; } = user;

    /// <summary>Navidrome's reader for this socket: its callbacks run in order.</summary>
    public Lane Reader { get; } = reader;

    public long OpenedAtMs { get; } = openedAtMs;

    /// <summary>The plugin closed it (or the plugin was unloaded): no more callbacks.</summary>
    public bool ClosedByPlugin { get; set; }

    /// <summary>Discord ended it; its last callback may still be queued.</summary>
    public bool EndedByDiscord { get; set; }

    public bool Open => !ClosedByPlugin && !EndedByDiscord;

    /// <summary>The error of the first send that failed on it: Navidrome's gorilla/websocket keeps a connection's first
    /// write error and fails every later write with it.</summary>
    public string? WriteError { get; set; }

    public bool Identified { get; set; }

    /// <summary>Discord sent op 9 (not resumable) on this connection: it waits for a new identify.</summary>
    public bool SessionInvalidated { get; set; }
    public DiscordSession? Session { get; set; }

    /// <summary>The presence Discord shows for this connection's session (identify's or the last op 3).</summary>
    public JsonNode? Presence { get; set; }

    /// <summary>When each op 3 arrived.</summary>
    public List<long> PresenceTimes { get; } = [];

    public int Heartbeats { get; set; }
    public int AcksSent { get; set; }

    /// <summary>When the last heartbeat (op 1) arrived, or null: Discord times a connection out from this, else from its opening.</summary>
    public long? LastHeartbeatMs { get; set; }

    /// <summary>Discord closed it for sending no heartbeat in time.</summary>
    public bool TimedOut { get; set; }

    /// <summary>Discord withheld an ACK or asked the plugin to reconnect (op 7, op 9) on this connection: a plugin close is then justified.</summary>
    public bool GaveReasonToLeave { get; set; }

    public override string ToString() => $"socket #{Number} '{ConnectionId}'";
}

/// <summary>A Discord session: resumable for a while after its connection ended, unless ended for good.</summary>
public sealed class DiscordSession(string id, string user, string token)
{
    public string Id { get; } = id;
    public string User { get; } = user;
    public string Token { get; } = token;
    public bool Valid { get; set; } = true;
    public long Sequence { get; set; }

    /// <summary>When its last connection ended, or null while one is open.</summary>
    public long? EndedAtMs { get; set; }
}
