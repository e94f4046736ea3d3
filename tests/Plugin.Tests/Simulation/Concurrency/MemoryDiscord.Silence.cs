namespace Navidrome.DiscordPresence.Tests.Simulation.Concurrency;

/// <summary>
/// Discord closes a connection that stops heartbeating: "If your app fails to send a heartbeat event in time, your
/// connection will be closed and you will be forced to Resume" (Discord developer docs, Gateway, "Sending
/// Heartbeats" → "Heartbeat Interval"). So a connection nobody beats on (one a racing call leaked, an unregistered
/// twin of a dial, one whose heartbeat timer was lost) cannot hide: it ends, and its reader's last callback reaches
/// the plugin. The docs name no close code and no grace ("there is already tolerance in the heartbeat_interval"): the
/// model allows <see cref="SilenceGraceMs"/> after the interval, counted from the last heartbeat or, before the first,
/// from Hello. Since the session stays resumable ("forced to Resume"), the end is one that keeps it: a close frame
/// 4000 (unknown error; not 1000/1001, which end the session, nor 4009, whose session must start anew) on odd
/// connections and a TCP drop without a close frame on even ones, since a connection that went quiet is often one
/// whose close frame never arrives; the plugin's two ways of hearing of an end are both exercised.
/// </summary>
public sealed partial class MemoryDiscord
{
    /// <summary>How long after the heartbeat interval Discord waits for a heartbeat before it closes the connection.</summary>
    public const long SilenceGraceMs = 5_000;

    /// <summary>Off: Discord keeps a silent connection open (to see what the plugin notices by itself).</summary>
    public bool ClosesSilentConnections { get; set; } = true;

    /// <summary>The connections Discord closed for missing heartbeats, for a failure message.</summary>
    public List<string> TimedOut { get; } = [];

    /// <summary>When the next open connection runs out of time to heartbeat, or null.</summary>
    public long? NextSilenceDeadlineMs => ClosesSilentConnections
        ? Sockets.Where(s => s.Open).Select(s => (long?)SilenceDeadline(s)).Min()
        : null;

    /// <summary>Closes every open connection whose time to heartbeat has run out.</summary>
    public void CloseSilentConnections()
    {
        if (!ClosesSilentConnections) return;
        foreach (var socket in Sockets.Where(s => s.Open && SilenceDeadline(s) <= now()).ToList())
        {
            socket.TimedOut = true;
            socket.GaveReasonToLeave = true;
            TimedOut.Add($"{socket} ({socket.User}) at {now()}: no heartbeat since {socket.LastHeartbeatMs?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "it opened"}");
            if (socket.Number % 2 == 1) Close(socket, 4000, "Unknown error.");
            else Drop(socket);
        }
    }

    private static long SilenceDeadline(SimSocket socket) =>
        (socket.LastHeartbeatMs ?? socket.OpenedAtMs) + HeartbeatIntervalMs + SilenceGraceMs;
}
