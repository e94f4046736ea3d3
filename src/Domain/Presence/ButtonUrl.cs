using System.Text;
using Navidrome.DiscordPresence.Domain.Artwork;
using Navidrome.DiscordPresence.Domain.Playback;

namespace Navidrome.DiscordPresence.Domain.Presence;

/// <summary>
/// A button's URL: its template rendered, and the rule for what may be sent. Discord takes any URL of 1–512
/// characters; we send only https URLs of at most 512 bytes of UTF-8 (the stricter count) without credentials,
/// spaces or control characters, whose host is public (<see cref="ShareableUrl.HasPublicHost"/>): Discord shows a
/// button to everyone who can see the user, so a LAN address or a password in it would be published.
/// </summary>
public static class ButtonUrl
{
    /// <summary>Discord's limit on a button URL.</summary>
    public const int MaxBytes = 512;

    /// <summary>The links a URL template may use besides the text placeholders.</summary>
    public static readonly IReadOnlyList<string> LinkPlaceholders = ["{spotifyurl}", "{musicbrainzurl}", "{musicbrainzalbumurl}"];

    /// <summary>Every placeholder a URL template may use.</summary>
    public static readonly IReadOnlyList<string> Placeholders = [.. Template.Placeholders, .. LinkPlaceholders];

    /// <summary>Why a URL may not go on a button.</summary>
    public enum Fault { None, NotAnAddress, NotHttps, Credentials, PrivateHost, TooLong }

    /// <summary>What is wrong with <paramref name="url"/> as a button's URL (<see cref="Fault.None"/>: nothing).</summary>
    public static Fault FaultOf(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return Fault.NotAnAddress;
        // "https:host" parses as absolute too; only the full form is what Discord's client opens.
        if (uri.Scheme != Uri.UriSchemeHttps || !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) return Fault.NotHttps;
        if (uri.UserInfo.Length > 0) return Fault.Credentials;
        if (!ShareableUrl.HasPublicHost(uri)) return Fault.PrivateHost;
        return Encoding.UTF8.GetByteCount(url) > MaxBytes ? Fault.TooLong : Fault.None;
    }

    /// <summary>
    /// The URL template with its placeholders filled in for <paramref name="track"/>. Every value is URL-encoded,
    /// except a link placeholder that starts the template: that one is the address itself.
    /// </summary>
    public static string Render(string template, Track track, TemplateContext? context, TrackLinks? links) =>
        Render(template, name => LinkOf(name, links) ?? Template.ValueOf(name, track, context));

    /// <summary>The URL template with each placeholder's value from <paramref name="valueOf"/> (null: not a placeholder, kept as written).</summary>
    public static string Render(string template, Func<string, string?> valueOf)
    {
        var output = new StringBuilder(template.Length + 64);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0) break;
            var close = template.IndexOf('}', open + 1);
            if (close < 0) break;
            var name = template.Substring(open + 1, close - open - 1);
            if (valueOf(name) is not { } value)
            {
                output.Append(template, i, open + 1 - i);
                i = open + 1;
                continue;
            }
            output.Append(template, i, open - i);
            output.Append(open == 0 && IsLink(name) ? value : Uri.EscapeDataString(value));
            i = close + 1;
        }
        return output.Append(template, i, template.Length - i).ToString().Trim();
    }

    /// <summary>True for the name (without braces) of a link placeholder.</summary>
    public static bool IsLink(string name) => name is "spotifyurl" or "musicbrainzurl" or "musicbrainzalbumurl";

    private static string? LinkOf(string name, TrackLinks? links) => name switch
    {
        "spotifyurl" => links?.Spotify ?? "",
        "musicbrainzurl" => links?.MusicBrainzRecording ?? "",
        "musicbrainzalbumurl" => links?.MusicBrainzRelease ?? "",
        _ => null,
    };
}
