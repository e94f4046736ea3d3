using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace Navidrome.DiscordPresence.TestHost.Discord;

/// <summary>What a scenario can make Discord do to a user's current connection.</summary>
public sealed partial class FakeDiscord
{
    private GatewayConnection Target(string user) =>
        Current(user) ?? throw new InvalidOperationException($"Discord has no open connection identified for '{user}'");

    /// <summary>op 7: reconnect and resume.</summary>
    public void Reconnect(string user) =>
        SendAsync(Target(user), new JsonObject { ["op"] = 7, ["d"] = null }, "op 7 RECONNECT").GetAwaiter().GetResult();

    /// <summary>op 9 with the resumable flag.</summary>
    public void InvalidSession(string user, bool resumable)
    {
        var target = Target(user);
        if (!resumable)
        {
            // The session is gone; the connection may identify again (op 9 does not by itself need a new socket: see
            // docs/discord-gateway.md, 'Reconnect (op 7) and Invalid Session (op 9)').
            if (target.Session is { } session) session.Valid = false;
            target.Session = null;
            target.Identified = false;
        }
        SendAsync(target, new JsonObject { ["op"] = 9, ["d"] = resumable }, $"op 9 INVALID_SESSION ({(resumable ? "resumable" : "not resumable")})").GetAwaiter().GetResult();
    }

    /// <summary>Discord forgets the user's sessions (as after an outage): a resume gets op 9.</summary>
    public void ExpireSessions(string user)
    {
        lock (_sessions)
            foreach (var session in _sessions.Values.Where(s => s.User == user)) session.Valid = false;
        _transcript.Add("discord", $"forgot {user}'s sessions");
    }

    /// <summary>
    /// The gateway hosts stop (or start again) accepting connections: while down, their names point at a port
    /// nothing listens on, so a connect is refused.
    /// </summary>
    public void SetGatewayReachable(bool reachable)
    {
        if (_map is null) throw new InvalidOperationException("the fake Discord is not mapped into a host map");
        var closedPort = ClosedPort.Value;
        _map.Map(GatewayHost, reachable ? _gateway.Port : closedPort);
        _map.Map(ResumeHost, reachable ? _resume.Port : closedPort);
        _transcript.Add("discord", reachable ? "gateway reachable again" : "gateway unreachable (connections refused)");
    }

    /// <summary>A loopback port that was free a moment ago: connecting to it is refused.</summary>
    private static readonly Lazy<int> ClosedPort = new(() =>
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    });

    /// <summary>op 1 from the server: a heartbeat request.</summary>
    public void RequestHeartbeat(string user) =>
        SendAsync(Target(user), new JsonObject { ["op"] = 1, ["d"] = null }, "op 1 HEARTBEAT request").GetAwaiter().GetResult();

    /// <summary>
    /// Dispatches the plugin does not care about, each with a sequence number: user events, which are in no intent
    /// group, so they reach every session whatever its identify asked for (guild events: <see cref="BusyAccounts"/>;
    /// SESSIONS_REPLACE, which the plugin reads while yieldtootherapps is on: <see cref="SetOtherSession"/>).
    /// </summary>
    public void Noise(string user, int count)
    {
        var target = Target(user);
        for (var i = 0; i < count; i++)
        {
            var type = i % 2 == 0 ? "USER_NOTE_UPDATE" : "USER_SETTINGS_UPDATE";
            Dispatch(target, type, new JsonObject { ["id"] = $"noise-{i}", ["content"] = new string('x', 200) }).GetAwaiter().GetResult();
        }
    }

    /// <summary>Closes the user's connection with a code (4000–4999, 1000–1003, 1007–1014).</summary>
    public void Close(string user, int code, string reason)
    {
        // 1006 is never sent on the wire: it is what a client reports for a connection lost without a close frame.
        if (code == 1006) Drop(user);
        else CloseAsync(Target(user), code, reason).GetAwaiter().GetResult();
    }

    /// <summary>Drops the TCP connection without a close frame (the plugin sees 1006).</summary>
    public void Drop(string user)
    {
        var target = Target(user);
        target.ClosingByDiscord = true;
        lock (_connections) target.End ??= new ConnectionEnd(_clock.ElapsedMs, "discord dropped TCP", null, "");
        _transcript.Add("discord", $"{target.Label} TCP connection dropped");
        target.Link.SentToClient(); // the plugin's read failure is the message
        target.Tcp.Client.Shutdown(System.Net.Sockets.SocketShutdown.Both);
        target.Tcp.Close();
    }

    private async Task CloseAsync(GatewayConnection connection, int code, string reason)
    {
        if (code is 1000 or 1001 or 4003 or 4004 or 4007 or 4009 or >= 4010 and <= 4014 && connection.Session is { } session) session.Valid = false;
        connection.ClosingByDiscord = true;
        lock (_connections) connection.End ??= new ConnectionEnd(_clock.ElapsedMs, "discord", code, reason);
        _transcript.Add("discord", $"{connection.Label} ⇒ close {code} \"{reason}\"");
        connection.Link.SentToClient();
        await connection.SendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            // 1005 means "no status": a close frame with an empty body. .NET's WebSocket writes the 1005 code into
            // the frame instead (which a peer must reject), so the frame is written by hand: FIN + close, length 0.
            if (code == 1005) await connection.Tcp.GetStream().WriteAsync(new byte[] { 0x88, 0x00 }).ConfigureAwait(false);
            else await connection.Socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            connection.Link.ClientHandled();
        }
        finally
        {
            connection.SendLock.Release();
        }
    }
}
