namespace Navidrome.DiscordPresence.Domain.Playback;

/// <summary>
/// The track facts the plugin uses, taken from Navidrome's TrackInfo (built by <c>mediaFileToTrackInfo</c> in
/// Navidrome's plugins/scrobbler_adapter.go).
/// Strings are never null: Navidrome always sends title, album, artist and albumArtist; MusicBrainz ids may be empty.
/// <see cref="Artists"/> and <see cref="AlbumArtists"/> are the names of the artist lists joined with " • " (empty when
/// not sent); track and disc numbers are 0 when unknown.
/// </summary>
public sealed record Track(
    string Id,
    string Title,
    string Album,
    string Artist,
    string AlbumArtist,
    string PrimaryArtist,
    double DurationSeconds,
    string MbzRecordingId = "",
    string MbzAlbumId = "",
    string MbzReleaseGroupId = "",
    string Artists = "",
    string AlbumArtists = "",
    int TrackNumber = 0,
    int DiscNumber = 0)
{
    /// <summary>The duration in whole milliseconds (0 when unknown).</summary>
    public long DurationMs => DurationSeconds > 0 && double.IsFinite(DurationSeconds) ? (long)Math.Round(DurationSeconds * 1000) : 0;
}
