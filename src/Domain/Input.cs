using Navidrome.DiscordPresence.Domain.Gateway;
using Navidrome.DiscordPresence.Domain.Playback;

namespace Navidrome.DiscordPresence.Domain;

/// <summary>
/// Everything that can happen to the plugin, in the past tense. Each Navidrome export call becomes one input;
/// answers to effects (connect, send, HTTP) come back as inputs too. Time and jitter are not here: they come
/// with every decision as a <see cref="Moment"/>.
/// </summary>
public abstract record Input
{
    private Input() { }

    /// <summary>A PlaybackReport (Navidrome 0.62+).</summary>
    public sealed record PlaybackReported(string User, PlaybackReport Report) : Input;

    /// <summary>A NowPlaying call (every version; the only live signal before 0.62). Position is in milliseconds.</summary>
    public sealed record NowPlayingReported(string User, Track Track, long PositionMs) : Input;

    /// <summary>A schedule fired: nd_scheduler_callback.</summary>
    public sealed record TimerFired(string ScheduleId, string Payload) : Input;

    /// <summary>A text frame arrived on one of our gateway connections.</summary>
    public sealed record FrameReceived(string ConnectionId, InboundFrame Frame) : Input;

    /// <summary>A gateway connection closed with a code: on_close, or an on_error whose text carries a close code.</summary>
    public sealed record SocketClosed(string ConnectionId, int Code, string Reason) : Input;

    /// <summary>A gateway connection failed without a close code (reset, timeout): on_error.</summary>
    public sealed record SocketFailed(string ConnectionId, string Error) : Input;

    /// <summary>The host could not open a connection we asked for.</summary>
    public sealed record ConnectFailed(string ConnectionId, HostFailure Failure) : Input;

    /// <summary>The host could not send a frame on a connection.</summary>
    public sealed record SendFailed(string ConnectionId, HostFailure Failure) : Input;

    /// <summary>The host refused to arm a schedule (one-time or recurring) due in <paramref name="DelaySeconds"/>.</summary>
    public sealed record ScheduleFailed(string ScheduleId, int DelaySeconds, HostFailure Failure) : Input;

    /// <summary>Navidrome answered an artwork URL request: a URL, or an error text.</summary>
    public sealed record ArtworkAnswered(string Tag, string? Url, string? Error) : Input;

    /// <summary>Navidrome's Subsonic API answered a raw call: content type and bytes (base64), or an error text.</summary>
    public sealed record SubsonicAnswered(string Tag, string? ContentType, string? DataBase64, string? Error) : Input;

    /// <summary>Navidrome's Subsonic API answered a JSON call: the response text, or an error text.</summary>
    public sealed record SubsonicCallAnswered(string Tag, string? ResponseJson, string? Error) : Input;

    /// <summary>An HTTP request we asked for was answered (or failed to be).</summary>
    public sealed record HttpAnswered(string Tag, HttpOutcome Outcome) : Input;
}

/// <summary>
/// The shell's clock and dice for one decision: wall-clock Unix milliseconds, and a uniform number in [0, 1)
/// for jitter. The core never reads a clock or a random source itself.
/// </summary>
public readonly record struct Moment(long NowMs, double Jitter);

/// <summary>How an HTTP request ended: a status with headers and body, or a transport failure.</summary>
public abstract record HttpOutcome
{
    private HttpOutcome() { }

    /// <summary>The server answered (any status, 4xx and 5xx included).</summary>
    public sealed record Answered(int Status, Effects.EquatableArray<Effects.Header> Headers, string Body) : HttpOutcome;

    /// <summary>No answer: timeout, DNS, refused, not allowed by the manifest.</summary>
    public sealed record Failed(string Error) : HttpOutcome;
}
