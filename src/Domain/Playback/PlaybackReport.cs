namespace Navidrome.DiscordPresence.Domain.Playback;

/// <summary>The player states of Navidrome 0.62+'s PlaybackReport (see docs/navidrome-host.md, 'Which calls arrive, and from where').</summary>
public enum ReportState { Starting, Playing, Paused, Stopped, Expired }

/// <summary>
/// One PlaybackReport (Navidrome 0.62+). <paramref name="Rate"/> is already normalised: a rate that was not
/// positive and finite arrives here as 1. <paramref name="TimestampMs"/> is the server time of the report.
/// </summary>
public sealed record PlaybackReport(
    Track Track,
    ReportState State,
    long PositionMs,
    double Rate,
    string PlayerId,
    string PlayerName,
    long TimestampMs)
{
    /// <summary>The rate rule of the ABI: anything not positive and finite means normal speed.</summary>
    public static double NormaliseRate(double rate) => rate > 0 && double.IsFinite(rate) ? rate : 1.0;
}
