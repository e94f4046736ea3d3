namespace Navidrome.DiscordPresence.Domain.Presence;

/// <summary>
/// The links known for the track showing, as a button's URL template uses them (<c>{spotifyurl}</c>,
/// <c>{musicbrainzurl}</c>, <c>{musicbrainzalbumurl}</c>); null when there is none.
/// </summary>
public sealed record TrackLinks(string? Spotify = null, string? MusicBrainzRecording = null, string? MusicBrainzRelease = null)
{
    /// <summary>No links.</summary>
    public static readonly TrackLinks None = new();
}
