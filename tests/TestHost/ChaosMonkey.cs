using System.Text;

namespace Navidrome.DiscordPresence.TestHost;

/// <summary>
/// The seeded disorder of <c>./scenarios.sh --chaos SEED</c>: WebSocket dials that take 0–60 ms of real time,
/// timers due at one instant fired in a shuffled order, short pauses before the scrobbler workers' calls, and
/// host calls that fail (scheduler calls, cache and KV reads and writes, WebSocket sends, HTTP requests).
/// Every decision is a hash of the seed, the host function, its request, the virtual instant and how often that
/// same call was seen at that instant — not a shared random sequence — so the decisions do not depend on which
/// thread asks first, and a seed replays the same faults as far as the real threads let the plugin make the
/// same calls. <see cref="Injecting"/> is switched off for the quiet tail, when the plugin must recover.
/// </summary>
public sealed class ChaosMonkey(int seed)
{
    /// <summary>Failure odds per host function family, in percent: rare enough that a scenario still makes progress.</summary>
    private static readonly (string Prefix, int Percent, string Error)[] Faults =
    [
        ("scheduler_", 8, "chaos: scheduler unavailable"),
        ("cache_", 4, "chaos: cache unavailable"),
        ("kvstore_", 4, "chaos: kvstore: database is locked"),
        ("websocket_sendtext", 5, "chaos: write: broken pipe"),
        ("http_send", 10, "chaos: context deadline exceeded (Client.Timeout exceeded while awaiting headers)"),
    ];

    private readonly Dictionary<ulong, int> _seen = [];
    private readonly Dictionary<string, int> _injected = new(StringComparer.Ordinal);

    public int Seed { get; } = seed;

    /// <summary>False during the quiet tail: no more faults, delays or shuffles.</summary>
    public bool Injecting { get; set; } = true;

    /// <summary>How many faults were injected, per host function.</summary>
    public IReadOnlyDictionary<string, int> Injected
    {
        get { lock (_injected) return new Dictionary<string, int>(_injected, StringComparer.Ordinal); }
    }

    /// <summary>The error this host call fails with, or null when it goes through.</summary>
    public string? FaultFor(string function, byte[] request, long nowMs)
    {
        if (!Injecting) return null;
        foreach (var (prefix, percent, error) in Faults)
        {
            if (!function.StartsWith(prefix, StringComparison.Ordinal)) continue;
            if (Draw(function, request, nowMs) % 100 >= (ulong)percent) return null;
            lock (_injected) _injected[function] = _injected.GetValueOrDefault(function) + 1;
            return error;
        }
        return null;
    }

    /// <summary>How long a WebSocket dial takes before it starts, in real milliseconds (0–60).</summary>
    public int DialDelayMs(byte[] request, long nowMs) => Injecting ? (int)(Draw("dial", request, nowMs) % 61) : 0;

    /// <summary>A real pause (0–20 ms) before a scrobbler worker's call, so the two workers overlap differently.</summary>
    public int WorkerDelayMs(string what, long nowMs) => Injecting ? (int)(Draw("worker", Encoding.UTF8.GetBytes(what), nowMs) % 21) : 0;

    /// <summary>The order in which timers due together start (they run concurrently; this decides who starts first).</summary>
    public IReadOnlyList<T> Shuffle<T>(IReadOnlyList<T> items, Func<T, string> key, long nowMs)
    {
        if (!Injecting) return items;
        return [.. items.OrderBy(i => Draw("order", Encoding.UTF8.GetBytes(key(i)), nowMs))];
    }

    private ulong Draw(string what, byte[] request, long nowMs)
    {
        var hash = Fnv(Fnv(Fnv(14695981039346656037UL ^ (ulong)(uint)Seed, Encoding.UTF8.GetBytes(what)), request), BitConverter.GetBytes(nowMs));
        int occurrence;
        lock (_seen)
        {
            occurrence = _seen.GetValueOrDefault(hash);
            _seen[hash] = occurrence + 1;
        }
        return Mix(Fnv(hash, BitConverter.GetBytes(occurrence)));
    }

    private static ulong Fnv(ulong hash, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes) hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }

    /// <summary>A finaliser (splitmix64's) so that nearby inputs give unrelated draws.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
        return z ^ (z >> 31);
    }
}
