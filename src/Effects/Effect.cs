using Navidrome.DiscordPresence.Effects.Discord;

namespace Navidrome.DiscordPresence.Effects;

/// <summary>
/// What the core asks the shell to do. The interpreter in src/Exports carries each case out against one
/// Navidrome host service, in the order given. Effects never hold a Discord token: frames and requests that
/// need one name the user, and the interpreter adds that user's token at the last moment.
/// Effects that answer (connect, send, HTTP) come back to the core as inputs carrying the same correlation data.
/// </summary>
public abstract record Effect
{
    private Effect() { }

    /// <summary>Open a gateway WebSocket under our own connection id. A failure comes back as a connect-failed input.</summary>
    public sealed record Connect(string ConnectionId, string Url) : Effect;

    /// <summary>Send one gateway frame as a text message. A failure comes back as a send-failed input.</summary>
    public sealed record Send(string ConnectionId, GatewayFrame Frame) : Effect;

    /// <summary>Close a gateway WebSocket with a code and reason.</summary>
    public sealed record Close(string ConnectionId, int Code, string Reason) : Effect;

    /// <summary>Run the scheduler callback once, after a delay, with a payload.</summary>
    public sealed record ScheduleOnce(string ScheduleId, int DelaySeconds, string Payload) : Effect;

    /// <summary>Run the scheduler callback every <paramref name="EverySeconds"/> seconds until cancelled.</summary>
    public sealed record ScheduleRecurring(string ScheduleId, int EverySeconds, string Payload) : Effect;

    /// <summary>Cancel a schedule; an unknown id is not an error.</summary>
    public sealed record CancelSchedule(string ScheduleId) : Effect;

    /// <summary>Store a string in the host cache (volatile, wiped on plugin reload).</summary>
    public sealed record CacheSet(string Key, string Value, int TtlSeconds) : Effect;

    /// <summary>Remove a key from the host cache.</summary>
    public sealed record CacheRemove(string Key) : Effect;

    /// <summary>Store a string in the KV store (persistent across reloads and restarts).</summary>
    public sealed record KvSet(string Key, string Value) : Effect;

    /// <summary>Delete a key from the KV store.</summary>
    public sealed record KvDelete(string Key) : Effect;

    /// <summary>
    /// Send an HTTP request; the answer comes back as an HTTP-answered input with the same <paramref name="Tag"/>.
    /// When <paramref name="AuthorizeAs"/> names a user, the interpreter adds that user's token as the
    /// Authorization header, and only for discord.com.
    /// </summary>
    public sealed record Http(string Tag, HttpRequestSpec Request, string? AuthorizeAs = null) : Effect;

    /// <summary>Ask Navidrome for a track's public artwork URL (Artwork service); answered with the same <paramref name="Tag"/>.</summary>
    public sealed record ArtworkUrl(string Tag, string TrackId, int Size) : Effect;

    /// <summary>Call Navidrome's Subsonic API for raw bytes (getCoverArt); answered with the same <paramref name="Tag"/>.</summary>
    public sealed record SubsonicRaw(string Tag, string Uri) : Effect;

    /// <summary>Call Navidrome's Subsonic API for its JSON answer (getSong); answered with the same <paramref name="Tag"/>.</summary>
    public sealed record SubsonicCall(string Tag, string Uri) : Effect;

    /// <summary>Write one line to Navidrome's log.</summary>
    public sealed record Log(LogLevel Level, string Message) : Effect;
}

/// <summary>Log levels of Navidrome's plugin log.</summary>
public enum LogLevel { Debug, Info, Warn, Error }

/// <summary>
/// An HTTP request as the host's http_send takes it. The body is UTF-8 text, or raw bytes given as base64 when
/// <paramref name="BodyIsBase64"/> (an image upload).
/// </summary>
public sealed record HttpRequestSpec(
    string Method,
    string Url,
    EquatableArray<Header> Headers,
    string? Body,
    int TimeoutMs,
    bool FollowRedirects,
    bool BodyIsBase64 = false);

/// <summary>One HTTP header.</summary>
public sealed record Header(string Name, string Value);
