using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Navidrome.DiscordPresence.TestHost.Network;

namespace Navidrome.DiscordPresence.TestHost.Discord;

/// <summary>
/// A fake Discord on 127.0.0.1 (the rules it imitates: docs/discord-gateway.md): a gateway WebSocket endpoint and a second one that
/// READY names as resume_gateway_url, speaking the JSON gateway — Hello with a chosen interval, READY/RESUMED,
/// ACKs (or none: a zombie), op 9 for a session it does not know — and the REST routes the plugin uses.
/// Scenario actions add op 7, op 9, server heartbeat requests, dispatch noise, any close code, dropped TCP.
/// Everything the plugin sends is recorded with its virtual time.
/// </summary>
public sealed partial class FakeDiscord : IDisposable
{
    public const string GatewayHost = "gateway.discord.gg";
    public const string ResumeHost = "gateway-us-east1-b.discord.gg";
    public const string RestHost = "discord.com";

    /// <summary>Discord's rule: 120 gateway events per connection per 60 s, else close 4008.</summary>
    public const int EventsPerMinute = 120;

    private readonly VirtualClock _clock;
    private readonly Transcript _transcript;
    private readonly NetworkLedger _ledger;
    private readonly MiniHttpServer _gateway, _resume, _rest;
    private readonly List<GatewayConnection> _connections = [];
    private readonly List<ReceivedFrame> _frames = [];
    private readonly List<PresenceRecord> _presences = [];
    private readonly List<SentFrame> _sent = [];
    private readonly Dictionary<string, DiscordSession> _sessions = [];
    private int _sessionCounter;
    private int _rateLimitCloses;

    /// <summary>Connections Discord closed with 4008 because the plugin sent more than 120 frames in a minute.</summary>
    public int RateLimitCloses => Volatile.Read(ref _rateLimitCloses);

    public FakeDiscord(VirtualClock clock, Transcript transcript, NetworkLedger ledger, FakeHttpLog httpLog)
    {
        _clock = clock;
        _transcript = transcript;
        _ledger = ledger;
        HttpLog = httpLog;
        _gateway = new MiniHttpServer(null, (request, socket, tcp) => Serve("gateway", request, socket, tcp));
        _resume = new MiniHttpServer(null, (request, socket, tcp) => Serve("resume", request, socket, tcp));
        _rest = new MiniHttpServer(Rest);
        // Busy accounts stream guild events as virtual time passes: the clock tells us when it moved.
        _clock.Moved += StreamGuildEvents;
    }

    // ---- What the scenario controls ----

    /// <summary>Discord accounts by token: the Navidrome user each token belongs to (for labels and targeting).</summary>
    public Dictionary<string, string> Accounts { get; } = [];
    /// <summary>Tokens Discord rejects (identify → close 4004; REST → 401).</summary>
    public HashSet<string> RejectedTokens { get; } = [];
    /// <summary>The heartbeat_interval in Hello.</summary>
    public int HeartbeatIntervalMs { get; set; } = 41_250;
    /// <summary>Users whose heartbeats get no ACK (a zombie connection); "*" for everyone.</summary>
    public HashSet<string> AcksWithheldFor { get; } = [];
    /// <summary>The status GET /api/v10/gateway answers (200 gives the URL).</summary>
    public int GatewayLookupStatus { get; set; } = 200;
    /// <summary>The status external-assets answers: 200, 401 or 429.</summary>
    public int AssetsStatus { get; set; } = 200;
    /// <summary>Retry-After seconds of a 429.</summary>
    public int AssetsRetryAfterSeconds { get; set; } = 30;

    public FakeHttpLog HttpLog { get; }

    private HostMap? _map;

    public void MapInto(HostMap map)
    {
        _map = map;
        map.Map(GatewayHost, _gateway.Port);
        map.Map(ResumeHost, _resume.Port);
        map.Map(RestHost, _rest.Port);
    }

    // ---- What was recorded ----

    public IReadOnlyList<GatewayConnection> Connections
    {
        get { lock (_connections) return [.. _connections]; }
    }

    public IReadOnlyList<ReceivedFrame> Frames
    {
        get { lock (_frames) return [.. _frames]; }
    }

    public IReadOnlyList<PresenceRecord> Presences
    {
        get { lock (_presences) return [.. _presences]; }
    }

    /// <summary>Every frame sent to the plugin: in Navidrome each is one plugin call.</summary>
    public IReadOnlyList<SentFrame> SentFrames
    {
        get { lock (_sent) return [.. _sent]; }
    }

    /// <summary>The user's newest open connection that identified or resumed, or null.</summary>
    public GatewayConnection? Current(string user) =>
        Connections.LastOrDefault(c => c.User == user && c.IsOpen);

    // ---- Serving a connection ----

    private async Task Serve(string endpoint, FakeRequest request, WebSocket socket, TcpClient tcp)
    {
        var link = int.TryParse(request.Header("X-Test-Link"), out var linkId) ? _ledger.Find(linkId) : _ledger.Find(0);
        GatewayConnection connection;
        lock (_connections)
        {
            connection = new GatewayConnection(_connections.Count + 1, endpoint, request.Query, _clock.ElapsedMs, socket, tcp, link);
            _connections.Add(connection);
        }
        _transcript.Add("discord", $"{connection.Label} opened on {endpoint} ?{request.Query}");
        try
        {
            await SendAsync(connection, new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = HeartbeatIntervalMs } }, $"op 10 HELLO {HeartbeatIntervalMs} ms").ConfigureAwait(false);
            link.ServerHandled(); // the handshake the client counted
            await ReceiveLoop(connection).ConfigureAwait(false);
        }
        finally
        {
            link.ServerGone();
            socket.Dispose();
            tcp.Dispose();
        }
    }

    private async Task ReceiveLoop(GatewayConnection connection)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            try
            {
                do
                {
                    result = await connection.Socket.ReceiveAsync(buffer, CancellationToken.None).ConfigureAwait(false);
                    message.Write(buffer, 0, result.Count);
                } while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
            }
            catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
            {
                EndConnection(connection, connection.ClosingByDiscord ? null : new ConnectionEnd(_clock.ElapsedMs, "plugin dropped", null, ""));
                return;
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                await OnCloseFrame(connection).ConfigureAwait(false);
                return;
            }
            try
            {
                await OnFrame(connection, Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length)).ConfigureAwait(false);
            }
            finally
            {
                connection.Link.ServerHandled();
            }
        }
    }

    private async Task OnCloseFrame(GatewayConnection connection)
    {
        var code = (int?)connection.Socket.CloseStatus;
        var reason = connection.Socket.CloseStatusDescription ?? "";
        if (connection.ClosingByDiscord)
        {
            // The plugin's answer to our close (not counted: the host's reader sent it): the end was recorded when we closed.
            EndConnection(connection, null);
            return;
        }
        try
        {
            await connection.Socket.CloseOutputAsync(code is null ? WebSocketCloseStatus.Empty : (WebSocketCloseStatus)code, null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            // Already gone.
        }
        // A client close with 1000/1001 ends the Discord session; any other code keeps it resumable.
        if (code is 1000 or 1001 && connection.Session is { } session) session.Valid = false;
        EndConnection(connection, new ConnectionEnd(_clock.ElapsedMs, "plugin", code ?? 1005, reason));
        connection.Link.ServerHandled();
    }

    private void EndConnection(GatewayConnection connection, ConnectionEnd? end)
    {
        lock (_connections)
        {
            if (connection.End is not null) return;
            connection.End = end ?? new ConnectionEnd(_clock.ElapsedMs, "discord", null, "");
        }
        if (end is not null)
            _transcript.Add("discord", $"{connection.Label} closed by {end.By}{(end.Code is { } c ? $" with {c}" : "")}{(end.Reason.Length > 0 ? $" \"{end.Reason}\"" : "")}");
    }

    private Task SendAsync(GatewayConnection connection, JsonObject frame, string description)
    {
        connection.Link.SentToClient();
        return SendCountedAsync(connection, frame, description);
    }

    /// <summary>Sends a frame the ledger already counted (so a batch can be counted before its first frame leaves).</summary>
    private async Task SendCountedAsync(GatewayConnection connection, JsonObject frame, string description)
    {
        await connection.SendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (description.Length > 0) _transcript.Add("discord", $"{connection.Label} ⇒ {description}");
            var bytes = Encoding.UTF8.GetBytes(frame.ToJsonString());
            await connection.Socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
            var sent = new SentFrame(_clock.ElapsedMs, connection.Number, connection.User, (int?)frame["op"] ?? -1, (string?)frame["t"], bytes.Length);
            lock (_sent) _sent.Add(sent);
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

    private Task Dispatch(GatewayConnection connection, string type, JsonNode data) =>
        SendAsync(connection, DispatchFrame(connection, type, data), $"op 0 {type} s={connection.Session?.Sequence ?? 1}");

    /// <summary>An op 0 frame with the session's next sequence number.</summary>
    private static JsonObject DispatchFrame(GatewayConnection connection, string type, JsonNode data)
    {
        var session = connection.Session;
        var sequence = session is null ? 1 : ++session.Sequence;
        return new JsonObject { ["op"] = 0, ["t"] = type, ["s"] = sequence, ["d"] = data };
    }

    public void Dispose()
    {
        _clock.Moved -= StreamGuildEvents;
        foreach (var connection in Connections) connection.Tcp.Dispose();
        _gateway.Dispose();
        _resume.Dispose();
        _rest.Dispose();
    }
}
