namespace Navidrome.DiscordPresence.TestHost;

/// <summary>
/// The host's wall clock in a test: it stands still until the scenario moves it, so a schedule due in an hour
/// fires in microseconds and every timestamp the plugin sees is exact. Network I/O keeps running in real time.
/// </summary>
public sealed class VirtualClock(long startUnixMs)
{
    /// <summary>A fixed, arbitrary start: 2026-01-01T12:00:00Z.</summary>
    public const long DefaultStartUnixMs = 1_767_268_800_000;

    private long _nowMs = startUnixMs;

    public VirtualClock() : this(DefaultStartUnixMs) { }

    /// <summary>Where the clock started (scenario time 0).</summary>
    public long StartUnixMs { get; } = startUnixMs;

    /// <summary>Current virtual time, Unix ms.</summary>
    public long NowMs => Interlocked.Read(ref _nowMs);

    /// <summary>Milliseconds since the start.</summary>
    public long ElapsedMs => NowMs - StartUnixMs;

    /// <summary>Moves the clock forward to <paramref name="unixMs"/>; the clock never goes back.</summary>
    public void MoveTo(long unixMs)
    {
        if (unixMs < NowMs) throw new InvalidOperationException($"the virtual clock cannot go back ({unixMs} < {NowMs})");
        Interlocked.Exchange(ref _nowMs, unixMs);
        Moved?.Invoke();
    }

    /// <summary>
    /// Raised after every move, on the mover's thread, before the host settles: a fake that produces traffic as time
    /// passes (a busy Discord account) sends it here, so the settle that follows waits for it.
    /// </summary>
    public event Action? Moved;

    /// <summary>Formats a scenario-relative time as h:mm:ss.fff (hours only when needed).</summary>
    public static string Format(long elapsedMs)
    {
        var t = TimeSpan.FromMilliseconds(elapsedMs);
        return t.TotalHours >= 1 ? $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}.{t.Milliseconds:000}" : $"{t.Minutes:00}:{t.Seconds:00}.{t.Milliseconds:000}";
    }
}
