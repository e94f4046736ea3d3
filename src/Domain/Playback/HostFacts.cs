namespace Navidrome.DiscordPresence.Domain.Playback;

/// <summary>
/// What the plugin has learnt about the Navidrome it runs in. Once any PlaybackReport has arrived the host is
/// 0.62+, where NowPlaying is only a subset of PlaybackReport, so NowPlaying is ignored from then on: that is how
/// one change that arrives both ways is never sent twice.
/// </summary>
public sealed record HostFacts(bool SendsPlaybackReports)
{
    /// <summary>Nothing learnt yet.</summary>
    public static readonly HostFacts Unknown = new(false);
}
