using System.Globalization;
using System.Text;
using System.Text.Json;
using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Gateway;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Domain.Presence;
using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.Artwork;

/// <summary>A track's Spotify link as looked up, with its own expiry (see <see cref="AlbumArt"/> for why).</summary>
public sealed record SpotifyLink(string? TrackUrl, long UntilMs)
{
    /// <summary>A found track link is trusted for 30 days.</summary>
    public const long FoundMs = 30L * 24 * 3600_000;

    /// <summary>"No Spotify track" is trusted for 4 hours; the search link is shown meanwhile.</summary>
    public const long MissingMs = 4 * 3600_000L;

    /// <summary>A lookup that failed for a passing reason is retried after 10 minutes, not cached as a miss
    /// (see docs/go-plugin-weaknesses.md, 'Spotify lookups').</summary>
    public const long FailedMs = 10 * 60_000L;
}

/// <summary>The Spotify link of the track in focus, as loaded for one decision.</summary>
public sealed record LinkView(string? TrackKey, SpotifyLink? Link)
{
    /// <summary>Nothing known.</summary>
    public static readonly LinkView None = new(null, null);
}

/// <summary>
/// Clickable Spotify links through ListenBrainz Labs: by recording MBID, else by
/// artist, title and album; the search page is the link until (or unless) a track is found. Runs in its own timer
/// call like the art lookup, so it never delays a presence.
/// </summary>
public static class SpotifyLinks
{
    private const string ByMbid = "lb-mbid", ByMetadata = "lb-meta";

    /// <summary>Timeout per lookup.</summary>
    public const int TimeoutMs = 5_000;

    /// <summary>The key of a track's link: its primary artist, title and album, case-folded.</summary>
    public static string? KeyOf(Track track) =>
        track.Title.Length == 0 ? null
            : "spotify-" + AlbumKey.Number(track.PrimaryArtist.ToLowerInvariant() + "\u0000" + track.Title.ToLowerInvariant() + "\u0000" + track.Album.ToLowerInvariant()).ToString("x", CultureInfo.InvariantCulture);

    /// <summary>Spotify's search page for some words.</summary>
    public static string SearchUrl(string words) => "https://open.spotify.com/search/" + Uri.EscapeDataString(words.Trim());

    /// <summary>The links to show for a track: the found track page, else the search page; the artist always links to a search.</summary>
    public static (string Details, string State) For(Track track, LinkView view, long nowMs)
    {
        var found = view.TrackKey == KeyOf(track) && view.Link is { TrackUrl: { } url } link && nowMs < link.UntilMs ? url : null;
        return (found ?? SearchUrl(track.Artist + " " + track.Title), SearchUrl(track.Artist));
    }

    /// <summary>Advances the link lookup for one input (when the links mode or a button uses the Spotify link).</summary>
    public static Step Decide(Input input, UserState state, DiscordUser account, PluginConfig config, Moment now)
    {
        if (!config.LooksUpSpotify || state.Token.RejectedFingerprint == account.TokenFingerprint) return new Step(state, []);
        if (TrackLookup.InFocus(state, config, now.NowMs, KeyOf, state.Links.TrackKey) is not (var track, var number)) return new Step(state, []);
        var known = state.Links.Link is { } link && now.NowMs < link.UntilMs;

        switch (input)
        {
            case Input.TimerFired when TrackLookup.IsTimer(input, TimerKind.Links, number):
                if (known) return new Step(state, []);
                return track.MbzRecordingId.Length > 0
                    ? Ask(state, ByMbid, number, account, Body(w => w.WriteString("recording_mbid", track.MbzRecordingId)))
                    : Ask(state, ByMetadata, number, account, Metadata(track));
            case Input.HttpAnswered h when HttpTags.TryParse(h.Tag, out var purpose, out var tagNumber, out _) && tagNumber == number && purpose is ByMbid or ByMetadata:
                var (trackId, definite) = Read(h.Outcome);
                if (trackId is not null) return Store(state, new SpotifyLink("https://open.spotify.com/track/" + trackId, now.NowMs + SpotifyLink.FoundMs));
                if (purpose == ByMbid) return Ask(state, ByMetadata, number, account, Metadata(track));
                return Store(state, definite ? new SpotifyLink(null, now.NowMs + SpotifyLink.MissingMs) : new SpotifyLink(null, now.NowMs + SpotifyLink.FailedMs));
            default:
                return TrackLookup.ScheduleUnlessKnown(state, known, TimerKind.Links, number, account.Username);
        }
    }

    private static Step Store(UserState state, SpotifyLink link) => new(state with { Links = state.Links with { Link = link } }, []);

    private static Step Ask(UserState state, string purpose, long number, DiscordUser account, string body) =>
        new(state, [new Effect.Http(HttpTags.Make(purpose, number, account.Username), new HttpRequestSpec(
            "POST",
            $"https://labs.api.listenbrainz.org/{(purpose == ByMbid ? "spotify-id-from-mbid" : "spotify-id-from-metadata")}/json",
            [new Header("Content-Type", "application/json")],
            body,
            TimeoutMs,
            FollowRedirects: true))]);

    private static string Metadata(Track track) => Body(w =>
    {
        w.WriteString("artist_name", track.PrimaryArtist);
        w.WriteString("track_name", track.Title);
        w.WriteString("release_name", track.Album);
    });

    /// <summary>A one-element JSON array holding one object, written by a JSON encoder (see docs/go-plugin-weaknesses.md,
    /// 'JSON written by hand').</summary>
    private static string Body(Action<Utf8JsonWriter> fields)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStartObject();
            fields(writer);
            writer.WriteEndObject();
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The first base-62 Spotify track id in an answer; (null, true) for a definite "none", (null, false) for a failure.</summary>
    public static (string? TrackId, bool Definite) Read(HttpOutcome outcome)
    {
        if (outcome is not HttpOutcome.Answered { Status: 200, Body: var body }) return (null, false);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Array) return (null, false);
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("spotify_track_ids", out var ids) || ids.ValueKind != JsonValueKind.Array) continue;
                foreach (var id in ids.EnumerateArray())
                    if (id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 and <= 64 } text && text.All(char.IsAsciiLetterOrDigit))
                        return (text, true);
            }
            return (null, true);
        }
        catch (JsonException)
        {
            return (null, false);
        }
    }
}
