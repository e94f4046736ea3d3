using System.Globalization;
using System.Text.Json.Nodes;

namespace Navidrome.DiscordPresence.TestHost;

/// <summary>
/// What the test host takes from the plugin's manifest.json, as Navidrome does at load: the declared permissions
/// (host functions exist only for those, config always), the WebSocket and HTTP allowed hosts, the KV size limit.
/// </summary>
public static class PluginManifest
{
    /// <summary>Options with the manifest's permissions, hosts and KV limit applied to <paramref name="options"/>.</summary>
    public static HostOptions Apply(string manifestPath, HostOptions options)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))?.AsObject() ?? throw new InvalidDataException($"{manifestPath} is not a JSON object");
        var permissions = manifest["permissions"] as JsonObject ?? [];
        return options with
        {
            Permissions = permissions.Select(p => p.Key).ToHashSet(StringComparer.Ordinal),
            WebSocketHosts = Hosts(permissions["websocket"]),
            HttpHosts = Hosts(permissions["http"]),
            KvMaxSizeBytes = permissions["kvstore"]?["maxSize"] is JsonValue size ? ParseSize(size.GetValue<string>()) : 1_000_000,
        };
    }

    /// <summary>The manifest.json next to DiscordPresence.sln above <paramref name="start"/>, or null.</summary>
    public static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DiscordPresence.sln")))
                return File.Exists(Path.Combine(dir.FullName, "manifest.json")) ? Path.Combine(dir.FullName, "manifest.json") : null;
        return null;
    }

    private static List<string> Hosts(JsonNode? permission) =>
        permission?["requiredHosts"] is JsonArray hosts ? [.. hosts.Select(h => h!.GetValue<string>())] : [];

    /// <summary>go-humanize's ParseBytes for the sizes a manifest uses: "1MB" (SI, 10^6), "1MiB" (2^20), "512KB", "2000".</summary>
    public static long ParseSize(string text)
    {
        var t = text.Trim().Replace(" ", "", StringComparison.Ordinal);
        var unitAt = t.TakeWhile(c => char.IsAsciiDigit(c) || c == '.').Count();
        var number = double.Parse(t[..unitAt], CultureInfo.InvariantCulture);
        var factor = t[unitAt..].ToUpperInvariant() switch
        {
            "" or "B" => 1d,
            "KB" or "K" => 1e3,
            "MB" or "M" => 1e6,
            "GB" or "G" => 1e9,
            "KIB" => 1024d,
            "MIB" => 1024d * 1024,
            "GIB" => 1024d * 1024 * 1024,
            _ => throw new FormatException($"unknown size unit in '{text}'"),
        };
        return (long)(number * factor);
    }
}
