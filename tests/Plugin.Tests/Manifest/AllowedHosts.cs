using System.Text.Json;

namespace Navidrome.DiscordPresence.Tests.Manifest;

/// <summary>The manifest's <c>requiredHosts</c>, matched as Navidrome matches them (exact, or <c>*.</c> for subdomains).</summary>
public static class AllowedHosts
{
    private static readonly JsonElement Permissions =
        JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("manifest.json"))).RootElement.GetProperty("permissions");

    /// <summary>The host patterns of a permission (<c>http</c> or <c>websocket</c>).</summary>
    public static string[] Of(string permission) =>
        [.. Permissions.GetProperty(permission).GetProperty("requiredHosts").EnumerateArray().Select(h => h.GetString()!)];

    /// <summary>True when <paramref name="url"/>'s host is allowed for <paramref name="permission"/>.</summary>
    public static bool Allow(string permission, string url)
    {
        var host = new Uri(url).Host;
        return Of(permission).Any(pattern => pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase));
    }
}
