using System.Text;
using System.Text.Json;
using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.Artwork;

/// <summary>
/// The opt-in uguu.se route: Navidrome's own cover bytes (Subsonic getCoverArt) are
/// uploaded to a public, temporary file host, so Discord can fetch art from a server that is not on the internet.
/// Unlike the Go plugin (docs/go-plugin-weaknesses.md, 'uguu.se upload details'): the username is escaped, the file name follows the
/// content type, the multipart boundary is unique
/// per upload, and a User-Agent is sent. uguu deletes files after about 3 hours, so such art is trusted less long.
/// </summary>
public static class Uguu
{
    /// <summary>Upload endpoint.</summary>
    public const string UploadUrl = "https://uguu.se/upload";

    /// <summary>How long art uploaded to uguu is used (its files live about 3 h).</summary>
    public const long HitMs = 150 * 60_000L;

    /// <summary>Upload timeout.</summary>
    public const int TimeoutMs = 10_000;

    /// <summary>Cover bytes above this size are not uploaded.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>The Subsonic call that gets a track's cover (300 px) as the given user.</summary>
    public static string CoverArtUri(string trackId, string username) =>
        $"getCoverArt?id={Uri.EscapeDataString(trackId)}&size=300&u={Uri.EscapeDataString(username)}";

    /// <summary>The multipart upload of the cover bytes, or null when the bytes are unusable.</summary>
    public static HttpRequestSpec? Upload(string? contentType, string? dataBase64, long boundarySeed)
    {
        if (dataBase64 is null || contentType is null || !contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase)) return null;
        byte[] image;
        try { image = Convert.FromBase64String(dataBase64); }
        catch (FormatException) { return null; }
        if (image.Length == 0 || image.Length > MaxBytes) return null;

        var boundary = "----NavidromePresence" + boundarySeed.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        var extension = contentType.ToLowerInvariant() switch
        {
            "image/png" => "png",
            "image/webp" => "webp",
            "image/gif" => "gif",
            _ => "jpg",
        };
        using var body = new MemoryStream();
        void Text(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        Text($"--{boundary}\r\nContent-Disposition: form-data; name=\"files[]\"; filename=\"cover.{extension}\"\r\nContent-Type: {contentType}\r\n\r\n");
        body.Write(image);
        Text($"\r\n--{boundary}--\r\n");
        return new HttpRequestSpec(
            "POST", UploadUrl,
            [new Header("Content-Type", $"multipart/form-data; boundary={boundary}"), new Header("User-Agent", "navidrome-discord-presence/0.1")],
            Convert.ToBase64String(body.ToArray()), TimeoutMs, FollowRedirects: true, BodyIsBase64: true);
    }

    /// <summary>The uploaded file's URL from uguu's answer <c>{"success":true,"files":[{"url":…}]}</c>.</summary>
    public static string? Read(HttpOutcome outcome)
    {
        if (outcome is not HttpOutcome.Answered { Status: 200, Body: var body }) return null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("success", out var ok) || ok.ValueKind != JsonValueKind.True) return null;
            if (!root.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array || files.GetArrayLength() == 0) return null;
            var first = files[0];
            return first.ValueKind == JsonValueKind.Object && first.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String ? url.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
