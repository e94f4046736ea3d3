using System.Globalization;
using System.Text;
using System.Text.Json;
using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.Artwork;

/// <summary>
/// Discord's "proxy application assets" endpoint (see docs/discord-gateway.md, 'Images'):
/// <c>POST /api/v9/applications/{id}/external-assets</c> with <c>{"urls":[…]}</c> (1–2 URLs of ≤256 characters),
/// answered by <c>[{url, external_asset_path}]</c>; an image is then shown as <c>mp:</c> + path.
/// </summary>
public static class DiscordAssets
{
    /// <summary>At most this many URLs per request.</summary>
    public const int MaxUrls = 2;

    /// <summary>Timeout for registration: well under Navidrome's 30 s per call.</summary>
    public const int TimeoutMs = 5_000;

    /// <summary>The registration request; the body is written by a JSON encoder, the client id escaped.</summary>
    public static HttpRequestSpec Request(string clientId, IReadOnlyList<string> urls)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("urls");
            foreach (var url in urls) writer.WriteStringValue(url);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        var endpoint = $"https://discord.com/api/v9/applications/{Uri.EscapeDataString(clientId)}/external-assets";
        return new HttpRequestSpec("POST", endpoint, [new Header("Content-Type", "application/json")], Encoding.UTF8.GetString(buffer.ToArray()), TimeoutMs, FollowRedirects: false);
    }

    /// <summary>The <c>mp:</c> image of each registered URL in a 200 answer; empty for anything unreadable.</summary>
    public static IReadOnlyDictionary<string, string> Registered(string body)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Array) return result;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("url", out var url) || url.ValueKind != JsonValueKind.String
                    || !item.TryGetProperty("external_asset_path", out var path) || path.ValueKind != JsonValueKind.String) continue;
                var image = "mp:" + path.GetString();
                if (path.GetString()!.Length > 0 && image.Length <= 313) result[url.GetString()!] = image;
            }
        }
        catch (JsonException) { }
        return result;
    }

    /// <summary>How long a 429 asks us to wait: the Retry-After header, else the body's retry_after, else a minute.</summary>
    public static long RetryAfterMs(HttpOutcome.Answered answer)
    {
        foreach (var header in answer.Headers)
            if (string.Equals(header.Name, "Retry-After", StringComparison.OrdinalIgnoreCase)
                && double.TryParse(header.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                return Clamp(seconds);
        try
        {
            using var document = JsonDocument.Parse(answer.Body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("retry_after", out var retry) && retry.TryGetDouble(out var bodySeconds))
                return Clamp(bodySeconds);
        }
        catch (JsonException) { }
        return 60_000;
    }

    private static long Clamp(double seconds) => (long)(Math.Clamp(seconds, 1, 3600) * 1000);
}
