using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Presence;

namespace Navidrome.DiscordPresence.Domain.Artwork;

/// <summary>
/// Chooses the images and links of a presence from what is known: the album's registered art, else the logo
/// (never blocking on a lookup); the pause icon while paused; the logo as small image when asked for and the large
/// image is real art; links to MusicBrainz pages (no lookup needed) or Spotify (search until a track is found).
/// </summary>
public static class ArtDecorations
{
    /// <summary>The decorations for what is showing, at <paramref name="nowMs"/>.</summary>
    public static Decorations For(NowShowing? showing, ArtView art, LinkView links, PluginConfig config, long nowMs)
    {
        if (showing is null) return Decorations.None;
        var logo = art.Fixed.Logo is { } l && nowMs < l.UntilMs ? l.Image : null;
        var pause = art.Fixed.Pause is { } p && nowMs < p.UntilMs ? p.Image : null;
        var albumArt = art.AlbumKey is not null && art.AlbumKey == AlbumKey.Of(showing.Track)
            && art.Album is { Outcome: ArtOutcome.Found, Image: { } image } entry && entry.IsValidAt(nowMs) ? image : null;

        var track = showing.Track;
        var images = new Decorations(
            LargeImage: albumArt ?? logo,
            PauseImage: pause,
            LogoImage: config.Artwork.ShowLogo && albumArt is not null ? logo : null,
            Links: config.Buttons.IsEmpty ? null : new TrackLinks(SpotifyLinks.For(track, links, nowMs).Details, Recording(track), Release(track)));
        switch (config.Links)
        {
            case LinkMode.MusicBrainz:
                return images with { DetailsUrl = Recording(track), LargeUrl = Release(track) };
            case LinkMode.Spotify:
                var (details, state) = SpotifyLinks.For(track, links, nowMs);
                return images with { DetailsUrl = details, StateUrl = state, LargeUrl = details };
            default:
                return images;
        }
    }

    private static string? Recording(Playback.Track track) =>
        track.MbzRecordingId.Length > 0 ? "https://musicbrainz.org/recording/" + Uri.EscapeDataString(track.MbzRecordingId) : null;

    private static string? Release(Playback.Track track) =>
        track.MbzAlbumId.Length > 0 ? "https://musicbrainz.org/release/" + Uri.EscapeDataString(track.MbzAlbumId) : null;
}
