namespace Navidrome.DiscordPresence.TestHost.Network;

/// <summary>
/// The test host's name resolution: public host names (discord.com, gateway.discord.gg, …) point at local fake
/// servers on 127.0.0.1. A URL's scheme drops TLS (https → http, wss → ws); path and query are kept, so the plugin
/// talks to the real names and carries no test settings. Unmapped hosts do not resolve.
/// </summary>
public sealed class HostMap
{
    private readonly Dictionary<string, int> _ports = new(StringComparer.OrdinalIgnoreCase);

    public void Map(string host, int port)
    {
        lock (_ports) _ports[host] = port;
    }

    public bool TryResolve(string host, out int port)
    {
        lock (_ports) return _ports.TryGetValue(host, out port);
    }

    /// <summary>The local URL for <paramref name="url"/>, or null when its host is not mapped.</summary>
    public Uri? Local(Uri url)
    {
        if (!TryResolve(url.Host, out var port)) return null;
        var scheme = url.Scheme switch { "https" => "http", "wss" => "ws", var s => s };
        return new UriBuilder(url) { Scheme = scheme, Host = "127.0.0.1", Port = port }.Uri;
    }
}
