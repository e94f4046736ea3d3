namespace Navidrome.DiscordPresence.TestHost.Network;

/// <summary>
/// Navidrome's requiredHosts matcher (docs/navidrome-host.md, 'HTTP and WebSocket hosts'): exact host, <c>*.example.com</c> (a suffix
/// match that does not match the apex), or <c>*</c>. Ports are stripped before matching.
/// </summary>
public static class HostPattern
{
    public static bool Allowed(string host, IReadOnlyList<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            if (pattern == "*") return true;
            if (pattern.StartsWith("*.", StringComparison.Ordinal))
            {
                if (host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1) return true;
            }
            else if (string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>http_send's rule when the manifest lists no hosts: public hosts only.</summary>
    public static bool IsPrivate(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || System.Net.IPAddress.TryParse(host, out var ip) && (System.Net.IPAddress.IsLoopback(ip) || IsPrivateV4(ip) || ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal);

    private static bool IsPrivateV4(System.Net.IPAddress ip)
    {
        if (ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork) return false;
        var b = ip.GetAddressBytes();
        return b[0] == 10 || b[0] == 172 && b[1] is >= 16 and <= 31 || b[0] == 192 && b[1] == 168 || b[0] == 169 && b[1] == 254;
    }
}
