namespace Navidrome.DiscordPresence.Exports;

/// <summary>
/// The Navidrome exports this plugin implements (docs/navidrome-host.md, 'The exports and what their results mean'). The wasm module exports exactly
/// these names, each returning an i32; exporting any other <c>nd_*</c> name would claim another capability.
/// </summary>
public static class ExportNames
{
    /// <summary>Lifecycle: called at every load.</summary>
    public const string OnInit = "nd_on_init";
    /// <summary>Scrobbler: is this Navidrome user configured here?</summary>
    public const string IsAuthorized = "nd_scrobbler_is_authorized";
    /// <summary>Scrobbler: NowPlaying (all versions).</summary>
    public const string NowPlaying = "nd_scrobbler_now_playing";
    /// <summary>Scrobbler: a finished play; this plugin keeps no history.</summary>
    public const string Scrobble = "nd_scrobbler_scrobble";
    /// <summary>Scrobbler: PlaybackReport (0.62+).</summary>
    public const string PlaybackReport = "nd_scrobbler_playback_report";
    /// <summary>WebSocket: a text frame.</summary>
    public const string OnTextMessage = "nd_websocket_on_text_message";
    /// <summary>WebSocket: a binary frame.</summary>
    public const string OnBinaryMessage = "nd_websocket_on_binary_message";
    /// <summary>WebSocket: closed with 1000, 1001 or 1005, or closed by us.</summary>
    public const string OnClose = "nd_websocket_on_close";
    /// <summary>WebSocket: any other close or read failure.</summary>
    public const string OnError = "nd_websocket_on_error";
    /// <summary>Scheduler: a schedule fired.</summary>
    public const string SchedulerCallback = "nd_scheduler_callback";

    /// <summary>Every export, in a fixed order.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        OnInit, IsAuthorized, NowPlaying, Scrobble, PlaybackReport,
        OnTextMessage, OnBinaryMessage, OnClose, OnError, SchedulerCallback,
    ];
}
