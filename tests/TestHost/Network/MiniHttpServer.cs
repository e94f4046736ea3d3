using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;

namespace Navidrome.DiscordPresence.TestHost.Network;

/// <summary>An HTTP request a fake server received.</summary>
public sealed record FakeRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>What a fake server answers.</summary>
public sealed record FakeResponse(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null, string ContentType = "application/json")
{
    public static FakeResponse Json(int status, string body, params (string Name, string Value)[] headers) =>
        new(status, body, headers.ToDictionary(h => h.Name, h => h.Value));
}

/// <summary>
/// A minimal HTTP/1.1 server on a TcpListener at 127.0.0.1 (one request per connection, <c>Connection: close</c>),
/// which can also upgrade a request to a WebSocket (manual handshake, then <see cref="WebSocket.CreateFromStream(Stream, bool, string?, TimeSpan)"/>).
/// The fakes of Discord, Cover Art Archive, ListenBrainz Labs and uguu are built on it.
/// </summary>
public sealed class MiniHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<FakeRequest, FakeResponse>? _handle;
    private readonly Func<FakeRequest, WebSocket, TcpClient, Task>? _upgrade;

    public MiniHttpServer(Func<FakeRequest, FakeResponse>? handle, Func<FakeRequest, WebSocket, TcpClient, Task>? upgrade = null)
    {
        _handle = handle;
        _upgrade = upgrade;
        _listener.Start();
        _ = Task.Run(AcceptLoop);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        var upgraded = false;
        try
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            var request = await ReadRequest(stream).ConfigureAwait(false);
            if (request is null) return;
            if (string.Equals(request.Header("Upgrade"), "websocket", StringComparison.OrdinalIgnoreCase) && _upgrade is not null)
            {
                var key = request.Header("Sec-WebSocket-Key") ?? "";
                var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
                var head = $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head)).ConfigureAwait(false);
                var socket = WebSocket.CreateFromStream(stream, isServer: true, subProtocol: null, keepAliveInterval: TimeSpan.Zero);
                upgraded = true;
                await _upgrade(request, socket, client).ConfigureAwait(false);
                return;
            }
            var response = _handle?.Invoke(request) ?? new FakeResponse(404, "");
            await WriteResponse(stream, request.Method, response).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or WebSocketException)
        {
            // The client went away; nothing to answer.
        }
        finally
        {
            if (!upgraded) client.Dispose();
        }
    }

    private static async Task<FakeRequest?> ReadRequest(NetworkStream stream)
    {
        var head = new MemoryStream();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(one).ConfigureAwait(false) == 0) return null;
            head.WriteByte(one[0]);
            if (head.Length > 64 * 1024) return null;
        }
        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length < 2) return null;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0) headers.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }
        var length = headers.TryGetValue("Content-Length", out var l) && int.TryParse(l, out var n) ? n : 0;
        var body = new byte[length];
        var read = 0;
        while (read < length)
        {
            var got = await stream.ReadAsync(body.AsMemory(read)).ConfigureAwait(false);
            if (got == 0) break;
            read += got;
        }
        var target = parts[1];
        var question = target.IndexOf('?');
        return new FakeRequest(parts[0], question < 0 ? target : target[..question], question < 0 ? "" : target[(question + 1)..], headers, body);
    }

    private static bool EndsWithBlankLine(MemoryStream head)
    {
        if (head.Length < 4) return false;
        var b = head.GetBuffer();
        var n = (int)head.Length;
        return b[n - 4] == '\r' && b[n - 3] == '\n' && b[n - 2] == '\r' && b[n - 1] == '\n';
    }

    private static async Task WriteResponse(NetworkStream stream, string method, FakeResponse response)
    {
        var body = Encoding.UTF8.GetBytes(response.Body);
        var head = new StringBuilder();
        head.Append($"HTTP/1.1 {response.Status} {ReasonPhrase(response.Status)}\r\n");
        if (body.Length > 0) head.Append($"Content-Type: {response.ContentType}\r\n");
        head.Append($"Content-Length: {body.Length}\r\nConnection: close\r\n");
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>()) head.Append($"{name}: {value}\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString())).ConfigureAwait(false);
        if (method != "HEAD") await stream.WriteAsync(body).ConfigureAwait(false);
        await stream.FlushAsync().ConfigureAwait(false);
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        204 => "No Content",
        307 => "Temporary Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _listener.Dispose();
        _stop.Dispose();
    }
}
