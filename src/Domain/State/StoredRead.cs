namespace Navidrome.DiscordPresence.Domain.State;

/// <summary>
/// One read of a stored key: its text, nothing stored (<see cref="Text"/> null), or a read the host failed
/// (<see cref="Error"/>). A failed read is not "nothing stored": deciding from the initial value instead would think
/// an open session Idle and open a second connection, or forget a playing track.
/// </summary>
public readonly record struct StoredRead
{
    private StoredRead(string? text, string? error) => (Text, Error) = (text, error);

    /// <summary>The stored text; null when nothing is stored or the read failed.</summary>
    public string? Text { get; }

    /// <summary>The host's error text when the read failed.</summary>
    public string? Error { get; }

    /// <summary>A read that worked: the text, or null for no such key.</summary>
    public static StoredRead Of(string? text) => new(text, null);

    /// <summary>A read the host failed.</summary>
    public static StoredRead Failed(string error) => new(null, error);
}

/// <summary>What <see cref="StoredState.Load"/> gives: the state, or the first key that could not be read.</summary>
public abstract record StateLoad
{
    private StateLoad() { }

    /// <summary>Every part asked for was read (absent or undecodable parts are initial).</summary>
    public sealed record Loaded(UserState State) : StateLoad;

    /// <summary>The host failed to read <paramref name="Key"/>; nothing after it was read.</summary>
    public sealed record Unavailable(string Key, string Error) : StateLoad;
}
