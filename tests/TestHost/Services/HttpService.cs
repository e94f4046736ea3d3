using System.Net;
using System.Text.Json.Nodes;
using Navidrome.DiscordPresence.TestHost.Network;

namespace Navidrome.DiscordPresence.TestHost.Services;

/// <summary>One request the plugin made through http_send, and how it ended.</summary>
public sealed record HttpExchange(long AtElapsedMs, string Method, string Url, IReadOnlyDictionary<string, string> Headers, byte[] Body, int Status, string? Error);

/// <summary>
/// Navidrome's http_send (docs/navidrome-host.md, 'HTTP and WebSocket hosts') over a real HttpClient: http/https only, the manifest's
/// allowed hosts checked on every hop, up to 5 redirects unless noFollowRedirects, timeoutMs (0 → 10 s) as a real
/// timeout, 4xx/5xx as results, transport failures and timeouts as Go-style error texts, response headers with
/// Go-canonical names and their first value, bodies base64 and cut at 10 MiB. Host names resolve through
/// <see cref="HostMap"/> to the local fakes.
/// </summary>
public sealed class HttpService(HostOptions options, HostMap map, VirtualClock clock, Transcript transcript) : IDisposable
{
    public const int DefaultTimeoutMs = 10_000;
    public const int MaxBodyBytes = 10 * 1024 * 1024;
    public const int MaxRedirects = 5;

    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.Zero,
    }) { Timeout = Timeout.InfiniteTimeSpan };

    private readonly List<HttpExchange> _exchanges = [];

    /// <summary>Every request so far.</summary>
    public IReadOnlyList<HttpExchange> Exchanges
    {
        get { lock (_exchanges) return [.. _exchanges]; }
    }

    public byte[] Call(string function, HostRequest request)
    {
        if (function != "http_send") throw new HostError($"unknown http function {function}");
        var spec = request.Object("request");
        var method = spec.String("method").ToUpperInvariant();
        if (method.Length == 0) method = "GET";
        var url = spec.String("url");
        var headers = spec.StringMap("headers");
        var body = spec.Bytes("body");
        var timeoutMs = spec.Int("timeoutMs") is var t && t > 0 ? t : DefaultTimeoutMs;
        var follow = !spec.Bool("noFollowRedirects");

        var start = clock.ElapsedMs;
        try
        {
            var (status, responseHeaders, responseBody) = Send(method, url, headers, body, (int)timeoutMs, follow);
            Record(new HttpExchange(start, method, url, headers, body, status, null));
            var result = new JsonObject { ["statusCode"] = status };
            if (responseHeaders.Count > 0) result["headers"] = new JsonObject(responseHeaders.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value)));
            if (responseBody.Length > 0) result["body"] = Convert.ToBase64String(responseBody);
            return new HostResponse().Set("result", result).ToBytes();
        }
        catch (HostError e)
        {
            Record(new HttpExchange(start, method, url, headers, body, 0, e.Message));
            transcript.Add("http", $"✗ {method} {url}: {e.Message}");
            throw;
        }
    }

    private void Record(HttpExchange exchange)
    {
        lock (_exchanges) _exchanges.Add(exchange);
    }

    private (int Status, Dictionary<string, string> Headers, byte[] Body) Send(string method, string url, Dictionary<string, string> headers, byte[] body, int timeoutMs, bool follow)
    {
        using var timeout = new CancellationTokenSource(timeoutMs);
        var current = Check(url);
        for (var hop = 0; ; hop++)
        {
            var local = map.Local(current) ?? throw new HostError($"{GoMethod(method)} \"{current}\": dial tcp: lookup {current.Host}: no such host");
            using var message = new HttpRequestMessage(new HttpMethod(method), local);
            if (body.Length > 0) message.Content = new ByteArrayContent(body); // a 301/302/303 hop turned into a GET drops it
            foreach (var (name, value) in headers)
                if (!message.Headers.TryAddWithoutValidation(name, value)) (message.Content ??= new ByteArrayContent([])).Headers.TryAddWithoutValidation(name, value);
            message.Headers.Host = current.IsDefaultPort ? current.Host : $"{current.Host}:{current.Port}";
            message.Headers.TryAddWithoutValidation("User-Agent", headers.TryGetValue("User-Agent", out var ua) ? ua : "Go-http-client/1.1");

            HttpResponseMessage response;
            try { response = _client.Send(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token); }
            catch (OperationCanceledException) { throw new HostError($"{GoMethod(method)} \"{current}\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"); }
            catch (HttpRequestException e) { throw new HostError($"{GoMethod(method)} \"{current}\": {e.Message}"); }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (follow && status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location && hop < MaxRedirects)
                {
                    current = Check(new Uri(current, location).ToString());
                    if (status is 301 or 302 or 303 && method != "HEAD") { method = "GET"; body = []; }
                    continue;
                }
                var answerHeaders = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
                    answerHeaders.TryAdd(Canonical(name), values.FirstOrDefault() ?? "");
                byte[] answerBody;
                try
                {
                    using var stream = response.Content.ReadAsStream(timeout.Token);
                    using var buffer = new MemoryStream();
                    var chunk = new byte[81920];
                    int read;
                    while (buffer.Length < MaxBodyBytes && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, MaxBodyBytes - buffer.Length))) > 0)
                        buffer.Write(chunk, 0, read);
                    answerBody = buffer.ToArray();
                }
                catch (OperationCanceledException) { throw new HostError($"{GoMethod(method)} \"{current}\": context deadline exceeded (Client.Timeout exceeded while reading body)"); }
                return (status, answerHeaders, answerBody);
            }
        }
    }

    private Uri Check(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) throw new HostError($"invalid URL \"{url}\"");
        if (uri.Scheme is not ("http" or "https")) throw new HostError($"invalid URL scheme \"{uri.Scheme}\": must be http or https");
        var allowed = options.HttpHosts.Count == 0 ? !HostPattern.IsPrivate(uri.Host) : HostPattern.Allowed(uri.Host, options.HttpHosts);
        if (!allowed) throw new HostError($"host \"{uri.Host}\" is not allowed");
        return uri;
    }

    private static string GoMethod(string method) => method.Length == 0 ? "Get" : char.ToUpperInvariant(method[0]) + method[1..].ToLowerInvariant();

    /// <summary>Go's textproto canonical header name: Content-Type, Retry-After, X-Ratelimit-Remaining.</summary>
    public static string Canonical(string name) =>
        string.Join('-', name.Split('-').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..].ToLowerInvariant()));

    public void Dispose() => _client.Dispose();
}
