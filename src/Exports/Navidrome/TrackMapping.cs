using Navidrome.DiscordPresence.Domain.Playback;

namespace Navidrome.DiscordPresence.Exports.Navidrome;

/// <summary>Turns Navidrome's TrackInfo into the core's <see cref="Track"/>; missing strings become empty.</summary>
internal static class TrackMapping
{
    public static Track ToTrack(TrackInfoDto dto)
    {
        var artist = dto.Artist ?? "";
        var primary = dto.Artists is { Length: > 0 } artists && !string.IsNullOrEmpty(artists[0].Name) ? artists[0].Name! : artist;
        return new Track(
            dto.Id ?? "",
            dto.Title ?? "",
            dto.Album ?? "",
            artist,
            dto.AlbumArtist ?? "",
            primary,
            double.IsFinite(dto.Duration) && dto.Duration > 0 ? dto.Duration : 0,
            dto.MbzRecordingId ?? "",
            dto.MbzAlbumId ?? "",
            dto.MbzReleaseGroupId ?? "",
            Names(dto.Artists),
            Names(dto.AlbumArtists),
            Math.Max(0, dto.TrackNumber),
            Math.Max(0, dto.DiscNumber));
    }

    /// <summary>An artist list as Navidrome displays one: the names joined with " • ".</summary>
    private static string Names(ArtistRefDto[]? artists) =>
        artists is null ? "" : string.Join(" • ", artists.Select(a => a.Name).Where(n => !string.IsNullOrEmpty(n)));
}
