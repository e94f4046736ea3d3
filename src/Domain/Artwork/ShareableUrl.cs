using System.Net;
using System.Net.Sockets;

namespace Navidrome.DiscordPresence.Domain.Artwork;

/// <summary>
/// Which image URLs may be handed to Discord (see docs/go-plugin-weaknesses.md, 'Unreachable art URLs sent to Discord'):
/// only http(s) URLs without credentials whose host is not
/// localhost, a private, loopback, link-local or shared address, and at most 256 characters (Discord's limit for
/// external-assets sources). Discord's media proxy could not fetch the others, and they would reveal the LAN.
/// Host names that merely resolve to private addresses cannot be told apart here (the plugin has no DNS).
/// </summary>
public static class ShareableUrl
{
    /// <summary>Discord's limit on a source URL for external-assets.</summary>
    public const int MaxLength = 256;

    /// <summary>True when the URL may be sent to Discord.</summary>
    public static bool IsShareable(string? url)
    {
        if (url is null || url.Length > MaxLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return false;
        return (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.UserInfo.Length == 0 && HasPublicHost(uri);
    }

    /// <summary>
    /// True when the host is a public name or address: not localhost, not a single-label or .local/.internal name, not
    /// a private, loopback, link-local or shared address. Activity buttons use the same rule.
    /// </summary>
    public static bool HasPublicHost(Uri uri)
    {
        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        if (host.Length == 0 || host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal)
            || host.EndsWith(".local", StringComparison.Ordinal) || host.EndsWith(".internal", StringComparison.Ordinal)
            || !host.Contains('.') && !host.Contains(':')) return false;
        return !IPAddress.TryParse(host.Trim('[', ']'), out var ip) || IsPublic(ip);
    }

    private static bool IsPublic(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)) return false;
        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
            return !(ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6UniqueLocal || ip.IsIPv6Multicast);
        var b = ip.GetAddressBytes();
        return !(b[0] == 10 || b[0] == 0 || b[0] >= 224
            || b[0] == 172 && b[1] >= 16 && b[1] <= 31
            || b[0] == 192 && b[1] == 168
            || b[0] == 169 && b[1] == 254
            || b[0] == 100 && b[1] >= 64 && b[1] <= 127);
    }
}
