using Navidrome.DiscordPresence.Domain.Hashing;
using Navidrome.DiscordPresence.Domain.Playback;

namespace Navidrome.DiscordPresence.Domain.Artwork;

/// <summary>
/// Art is looked up and registered once per album, not per track (see docs/go-plugin-weaknesses.md, 'Image registration gaps'):
/// the key is the MusicBrainz release id
/// when there is one, else a hash of album artist and album title; a track without an album is its own key.
/// </summary>
public static class AlbumKey
{
    /// <summary>The album key of a track, or null when the track names neither an album nor an id.</summary>
    public static string? Of(Track track)
    {
        if (track.MbzAlbumId.Length > 0) return "mbz-" + track.MbzAlbumId.ToLowerInvariant();
        if (track.Album.Trim().Length == 0)
            return track.Id.Length > 0 ? "track-" + Fnv1a.Hex(track.Id) : null;
        var artist = (track.AlbumArtist.Length > 0 ? track.AlbumArtist : track.Artist).Trim().ToLowerInvariant();
        return "name-" + Fnv1a.Hex(artist + "\u0000" + track.Album.Trim().ToLowerInvariant());
    }

    /// <summary>A number for an album key, for schedule ids and HTTP tags.</summary>
    public static long Number(string albumKey) => (long)(Fnv1a.Hash(albumKey) & long.MaxValue);
}
