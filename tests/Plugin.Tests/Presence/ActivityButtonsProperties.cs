using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Domain.Presence;
using Navidrome.DiscordPresence.Effects.Discord;
using Navidrome.DiscordPresence.Tests.Simulation;

namespace Navidrome.DiscordPresence.Tests.Presence;

/// <summary>
/// Whatever the button templates (even ones the checker would refuse), the track's tags and the links hold, what
/// goes out is at most two buttons, each with a label of 1–31 UTF-8 bytes and a public https URL of at most 512
/// bytes without credentials, and no configured token anywhere. The URL rule is restated here independently.
/// </summary>
public class ActivityButtonsProperties
{
    private static readonly string[] Tokens = Config.ConfigGen.Tokens;

    private static readonly Gen<string> Tags = Gen.OneOf(
        Gen.Elements("Blue in Green", "", " ", "Miles Davis", "AC/DC", "what?#&=", "🎵 ünïcödé", "a b"),
        Gen.Elements("localhost", "user:pw@evil.example", "https://192.168.1.2/", "//10.0.0.1", "@127.0.0.1", "%2F%2Flocalhost", "\n"),
        Gen.Elements(new string('x', 600), new string('é', 300)),
        Gen.Elements(Tokens).Select(t => "Live " + t),
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""));

    private static readonly Gen<string> LabelTemplates = Gen.OneOf(
        Gen.Elements("Listen", "{track}", "{artist} – {track} on {album}", "", "{genre}", "x", "{track}{track}{track}{track}"),
        Gen.Elements(Tokens).Select(t => "Me " + t),
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""));

    private static readonly Gen<string> UrlTemplates = Gen.OneOf(
        Gen.Elements("{spotifyurl}", "{musicbrainzurl}", "{musicbrainzalbumurl}", "https://example.org/{artist}/{track}",
            "https://www.youtube.com/results?search_query={artist}+{track}", "https://{artist}.example.org/", "https://{track}",
            "http://example.org/{track}", "https://localhost/{track}", "https://192.168.1.2/", "https://[::1]/", "https://[fd00::1]/x",
            "https://u:p@example.org/", "https://example.org/a b", "{track}", "{artist}{track}", "https:{track}", "ftp://example.org/",
            "https://example.org/?u={spotifyurl}", "{spotifyurl}{track}", "https://example.org/" + new string('a', 480) + "{track}",
            "https://music.local/", "https://printer/", "https://100.64.1.1/", "https://169.254.1.1/", "https://0.0.0.0/", ""),
        Gen.Elements(Tokens).Select(t => "https://example.org/?t=" + t),
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""));

    private static readonly Gen<string?> LinkValues = Gen.OneOf(
        Gen.Elements<string?>(null, "https://open.spotify.com/track/1", "https://musicbrainz.org/release/x", "http://example.org/",
            "https://localhost/", "https://u:p@example.org/", "https://10.1.2.3/", "https://example.org/" + new string('a', 600), ""),
        Gen.Elements(Tokens).Select(t => (string?)("https://example.org/?t=" + t)));

    private static readonly Gen<(PluginConfig Config, NowShowing Showing, Decorations Decorations)> Cases =
        from buttons in Gen.ListOf(from label in LabelTemplates from url in UrlTemplates select new ButtonTemplate(label, url)).Select(l => l.Take(4).ToArray())
        from title in Tags
        from artist in Tags
        from album in Tags
        from genre in Tags
        from paused in Gen.Elements(true, false)
        from spotify in LinkValues
        from recording in LinkValues
        from release in LinkValues
        let track = new Track("t", title, album, artist, artist, artist, 200)
        select (WorldGen.Config() with { Buttons = [.. buttons], Secrets = SecretScreen.Of(Tokens) },
            new NowShowing(track, paused, 5_000, 1, 1_800_000_000_000, "Player"),
            new Decorations(Links: new TrackLinks(spotify, recording, release)));

    [Property(MaxTest = 2000)]
    public Property No_button_ever_carries_a_private_credentialed_non_https_or_too_long_url_and_never_more_than_two() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var buttons = Sent(c);
            return (buttons.Count <= 2
                    && buttons.All(b => Publishable(b.Url))
                    && buttons.All(b => System.Text.Encoding.UTF8.GetByteCount(b.Label) is >= 1 and <= TextField.MaxLabelBytes && !string.IsNullOrWhiteSpace(b.Label)))
                .Label(string.Join(" | ", buttons));
        });

    [Property(MaxTest = 2000)]
    public Property No_button_carries_a_configured_token() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var sent = string.Join(" ", Sent(c).Select(b => b.Label + " " + b.Url));
            return Tokens.All(t => !sent.Contains(t, StringComparison.Ordinal)).Label(sent);
        });

    private static List<ActivityButton> Sent((PluginConfig Config, NowShowing Showing, Decorations Decorations) c) =>
        PresenceComposer.Compose(c.Showing, c.Config, c.Decorations, new TrackExtras(Genre: c.Showing.Track.Album)).Activities.Single().Buttons is { } b
            ? b.Second is { } second ? [b.First, second] : [b.First]
            : [];

    /// <summary>The rule, restated: https, no credentials, no spaces, a public host, at most 512 bytes.</summary>
    private static bool Publishable(string url)
    {
        if (url.Length == 0 || Encoding.UTF8.GetByteCount(url) > 512 || !url.StartsWith("https://", StringComparison.Ordinal)) return false;
        if (url.Any(char.IsWhiteSpace) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0) return false;
        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        if (host is "" or "localhost" || host.EndsWith(".local", StringComparison.Ordinal) || !host.Contains('.') && !host.Contains(':')) return false;
        if (!IPAddress.TryParse(host.Trim('[', ']'), out var ip)) return true;
        var b = ip.MapToIPv4().GetAddressBytes();
        return ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && !ip.IsIPv4MappedToIPv6
            ? !IPAddress.IsLoopback(ip) && !ip.IsIPv6LinkLocal && !ip.IsIPv6UniqueLocal && !ip.IsIPv6SiteLocal
            : b[0] is not (0 or 10 or 127) && !(b[0] == 192 && b[1] == 168) && !(b[0] == 172 && b[1] is >= 16 and <= 31)
                && !(b[0] == 169 && b[1] == 254) && !(b[0] == 100 && b[1] is >= 64 and <= 127);
    }
}
