using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Navidrome.DiscordPresence.TestHost.Network;

namespace Navidrome.DiscordPresence.TestHost.Services;

/// <summary>
/// Navidrome's WebSocket service (docs/navidrome-host.md, 'How WebSocket closes arrive') over real ClientWebSocket connections:
/// - connect checks the scheme and the manifest's hosts, refuses a duplicate id ("" generates one), dials with a
///   30 s handshake timeout through <see cref="HostMap"/>, then starts one reader per connection;
/// - each reader calls the plugin strictly one frame at a time: the next frame is read only after the callback returns;
/// - a peer close with 1000/1001/1005 goes to nd_websocket_on_close, every other close or read failure to
///   nd_websocket_on_error with gorilla/websocket's error text; the id is freed only after that callback returns;
/// - a close the plugin asks for frees the id at once, then calls nd_websocket_on_close with the plugin's own
///   code and reason before the host call returns; the reader then ends without a callback;
/// - unload closes every connection with 1001 "plugin unloaded" and calls nothing.
/// </summary>
public sealed class WebSocketService(HostOptions options, HostMap map, NetworkLedger ledger, Ids ids, IPluginCallbacks plugin, Transcript transcript)
{
    public const string OnText = "nd_websocket_on_text_message";
    public const string OnBinary = "nd_websocket_on_binary_message";
    public const string OnClose = "nd_websocket_on_close";
    public const string OnError = "nd_websocket_on_error";

    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(10);

    private sealed class Connection(string id, ClientWebSocket socket, Link link)
    {
        public string Id { get; } = id;
        public ClientWebSocket Socket { get; } = socket;
        public Link Link { get; } = link;
        public SemaphoreSlim SendLock { get; } = new(1, 1);
        public volatile bool ClosedByHost;
    }

    // A null value reserves an id while its connection is being dialled.
    private readonly Dictionary<string, Connection?> _connections = new(StringComparer.Ordinal);
    private readonly List<Task> _readers = [];

    /// <summary>Ids of the connections registered now.</summary>
    public IReadOnlyList<string> OpenIds
    {
        get { lock (_connections) return [.. _connections.Where(c => c.Value is not null).Select(c => c.Key)]; }
    }

    public byte[] Call(string function, HostRequest request) => function switch
    {
        "websocket_connect" => Connect(request.String("url"), request.StringMap("headers"), request.String("connectionId")),
        "websocket_sendtext" => Send(request.String("connectionId"), Encoding.UTF8.GetBytes(request.String("message")), WebSocketMessageType.Text),
        "websocket_sendbinary" => Send(request.String("connectionId"), request.Bytes("data"), WebSocketMessageType.Binary),
        "websocket_closeconnection" => Close(request.String("connectionId"), (int)request.Int("code"), request.String("reason")),
        _ => throw new HostError($"unknown websocket function {function}"),
    };

    private byte[] Connect(string url, Dictionary<string, string> headers, string id)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) throw new HostError($"invalid URL \"{url}\"");
        if (uri.Scheme is not ("ws" or "wss")) throw new HostError($"invalid URL scheme \"{uri.Scheme}\": must be ws or wss");
        if (!HostPattern.Allowed(uri.Host, options.WebSocketHosts)) throw new HostError($"host \"{uri.Host}\" is not allowed");
        if (id.Length == 0) id = ids.Next();
        lock (_connections)
        {
            if (_connections.ContainsKey(id)) throw new HostError($"connection ID \"{id}\" already exists");
            _connections[id] = null;
        }

        var local = map.Local(uri);
        if (local is null)
        {
            Unreserve(id);
            transcript.Add("websocket", $"✗ {id} {url}: no such host");
            throw new HostError($"failed to connect: dial tcp: lookup {uri.Host}: no such host");
        }
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        foreach (var (name, value) in headers) socket.Options.SetRequestHeader(name, value);
        var link = ledger.Open();
        socket.Options.SetRequestHeader("X-Test-Link", link.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        link.SentToServer(); // the handshake: the server counts it down once it has sent its first frames
        try
        {
            using var timeout = new CancellationTokenSource(HandshakeTimeout);
            socket.ConnectAsync(local, timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or HttpRequestException or IOException)
        {
            link.ServerGone();
            link.ClientGone();
            socket.Dispose();
            Unreserve(id);
            transcript.Add("websocket", $"✗ {id} {url}: {Describe(e)}");
            throw new HostError($"failed to connect: {Describe(e)}");
        }

        var connection = new Connection(id, socket, link);
        lock (_connections) _connections[id] = connection;
        var reader = Task.Run(() => ReadLoop(connection));
        lock (_readers) _readers.Add(reader);
        return new HostResponse().Set("newConnectionId", id).ToBytes();
    }

    private void Unreserve(string id)
    {
        lock (_connections)
            if (_connections.TryGetValue(id, out var c) && c is null) _connections.Remove(id);
    }

    private Connection Find(string id)
    {
        lock (_connections)
            return _connections.TryGetValue(id, out var c) && c is not null ? c : throw new HostError($"connection ID \"{id}\" not found");
    }

    private byte[] Send(string id, byte[] data, WebSocketMessageType type)
    {
        var connection = Find(id);
        connection.Link.SentToServer();
        connection.SendLock.Wait();
        try
        {
            using var timeout = new CancellationTokenSource(SendTimeout);
            connection.Socket.SendAsync(data, type, true, timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            connection.Link.ServerHandled();
            throw new HostError($"failed to send message: {Describe(e)}");
        }
        finally
        {
            connection.SendLock.Release();
        }
        return HostResponse.Empty;
    }

    private byte[] Close(string id, int code, string reason)
    {
        var connection = Find(id);
        lock (_connections) _connections.Remove(id);
        connection.ClosedByHost = true;
        SendClose(connection, code, reason);
        plugin.Invoke(OnClose, new JsonObject { ["connectionId"] = id, ["code"] = code, ["reason"] = reason });
        return HostResponse.Empty;
    }

    /// <summary>Sends a close frame (or drops the TCP connection for codes a close frame cannot carry) and makes sure the socket ends.</summary>
    private static void SendClose(Connection connection, int code, string reason)
    {
        var sendable = code is >= 1000 and <= 4999 and not (1004 or 1005 or 1006 or 1015);
        if (sendable)
        {
            connection.Link.SentToServer();
            connection.SendLock.Wait();
            try
            {
                using var timeout = new CancellationTokenSource(SendTimeout);
                var text = Encoding.UTF8.GetByteCount(reason) > 123 ? reason[..Math.Min(reason.Length, 40)] : reason;
                connection.Socket.CloseOutputAsync((WebSocketCloseStatus)code, text, timeout.Token).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
            {
                connection.Link.ServerHandled();
                connection.Socket.Abort();
            }
            finally
            {
                connection.SendLock.Release();
            }
            // Like gorilla's Close after the close frame: do not wait long for the server's answer.
            _ = Task.Delay(2000).ContinueWith(_ => connection.Socket.Abort(), TaskScheduler.Default);
        }
        else
        {
            connection.Socket.Abort();
        }
    }

    /// <summary>Closes every connection with 1001 and no callback (plugin unload).</summary>
    public void CloseAll()
    {
        List<Connection> open;
        lock (_connections)
        {
            open = [.. _connections.Values.OfType<Connection>()];
            _connections.Clear();
        }
        foreach (var connection in open)
        {
            connection.ClosedByHost = true;
            SendClose(connection, 1001, "plugin unloaded");
        }
    }

    /// <summary>Waits for every reader to end (test teardown).</summary>
    public void WaitForReaders(TimeSpan timeout)
    {
        Task[] readers;
        lock (_readers) readers = [.. _readers];
        Task.WaitAll(readers, timeout);
    }

    private async Task ReadLoop(Connection connection)
    {
        var buffer = new byte[64 * 1024];
        var socket = connection.Socket;
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                try
                {
                    do
                    {
                        result = await socket.ReceiveAsync(buffer, CancellationToken.None).ConfigureAwait(false);
                        message.Write(buffer, 0, result.Count);
                    } while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
                }
                catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
                {
                    if (connection.ClosedByHost) return;
                    Finish(connection, OnError, new JsonObject { ["connectionId"] = connection.Id, ["error"] = ReadErrorText(e) });
                    return;
                }

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (connection.ClosedByHost) return;
                    var code = (int?)socket.CloseStatus ?? 1005;
                    var reason = socket.CloseStatusDescription ?? "";
                    // gorilla's default close handler answers with the same code (an empty close for 1005).
                    try
                    {
                        await socket.CloseOutputAsync(code == 1005 ? WebSocketCloseStatus.Empty : (WebSocketCloseStatus)code, null, CancellationToken.None).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or ArgumentException)
                    {
                        // The peer may already be gone; the close was still received.
                    }
                    Finish(connection, code is 1000 or 1001 or 1005 ? OnClose : OnError,
                        code is 1000 or 1001 or 1005
                            ? new JsonObject { ["connectionId"] = connection.Id, ["code"] = code, ["reason"] = reason }
                            : new JsonObject { ["connectionId"] = connection.Id, ["error"] = CloseErrorText(code, reason) });
                    return;
                }

                var input = result.MessageType == WebSocketMessageType.Text
                    ? new JsonObject { ["connectionId"] = connection.Id, ["message"] = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length) }
                    : new JsonObject { ["connectionId"] = connection.Id, ["data"] = Convert.ToBase64String(message.ToArray()) };
                try
                {
                    if (!connection.ClosedByHost) plugin.Invoke(result.MessageType == WebSocketMessageType.Text ? OnText : OnBinary, input);
                }
                finally
                {
                    connection.Link.ClientHandled();
                }
            }
        }
        finally
        {
            connection.Link.ClientGone();
            socket.Dispose();
        }
    }

    /// <summary>The final callback of a connection the peer ended; the id is freed after it returns.</summary>
    private void Finish(Connection connection, string export, JsonObject input)
    {
        try
        {
            plugin.Invoke(export, input);
        }
        finally
        {
            lock (_connections)
                if (_connections.TryGetValue(connection.Id, out var c) && ReferenceEquals(c, connection)) _connections.Remove(connection.Id);
            connection.Link.ClientHandled();
        }
    }

    /// <summary>gorilla/websocket's CloseError text: <c>websocket: close 4004: Authentication failed.</c></summary>
    public static string CloseErrorText(int code, string reason)
    {
        var name = code switch
        {
            1000 => " (normal)",
            1001 => " (going away)",
            1002 => " (protocol error)",
            1003 => " (unsupported data)",
            1005 => " (no status)",
            1006 => " (abnormal closure)",
            1007 => " (invalid payload data)",
            1008 => " (policy violation)",
            1009 => " (message too big)",
            1010 => " (mandatory extension missing)",
            1011 => " (internal server error)",
            1015 => " (TLS handshake error)",
            _ => "",
        };
        return $"websocket: close {code}{name}" + (reason.Length > 0 ? ": " + reason : "");
    }

    private static string ReadErrorText(Exception e) =>
        e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset } or IOException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionReset } }
            ? "read tcp 127.0.0.1->127.0.0.1: read: connection reset by peer"
            : CloseErrorText(1006, "unexpected EOF");

    private static string Describe(Exception e) => e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message;
}
