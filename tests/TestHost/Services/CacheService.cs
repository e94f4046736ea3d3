namespace Navidrome.DiscordPresence.TestHost.Services;

/// <summary>
/// Navidrome's plugin cache (docs/navidrome-host.md, 'The cache'): in memory, no size limit, TTL in seconds with 0 or less
/// meaning 24 h, reads type-strict, and every get/has of a live entry extends its expiry by its TTL (ttlcache's
/// touch-on-hit default). Wiped when the plugin is reloaded.
/// </summary>
public sealed class CacheService(VirtualClock clock)
{
    public const long DefaultTtlSeconds = 24 * 3600;

    private enum Kind { String, Int, Float, Bytes }

    private sealed record Entry(Kind Kind, object Value, long TtlMs, long ExpiresAtMs);

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Handles one cache_* host function.</summary>
    public byte[] Call(string function, HostRequest request) => function switch
    {
        "cache_setstring" => Set(request, Kind.String, request.String("value")),
        "cache_setint" => Set(request, Kind.Int, request.Int("value")),
        "cache_setfloat" => Set(request, Kind.Float, request.Float("value")),
        "cache_setbytes" => Set(request, Kind.Bytes, request.Bytes("value")),
        "cache_getstring" => Get(request, Kind.String, (r, v) => r.Set("value", (string)v)),
        "cache_getint" => Get(request, Kind.Int, (r, v) => r.Set("value", (long)v)),
        "cache_getfloat" => Get(request, Kind.Float, (r, v) => r.Set("value", (double)v)),
        "cache_getbytes" => Get(request, Kind.Bytes, (r, v) => r.SetBytes("value", (byte[])v)),
        "cache_has" => new HostResponse().Set("exists", Touch(request.String("key")) is not null).ToBytes(),
        "cache_remove" => Remove(request.String("key")),
        _ => throw new HostError($"unknown cache function {function}"),
    };

    /// <summary>Empties the cache (a reload).</summary>
    public void Clear()
    {
        lock (_entries) _entries.Clear();
    }

    /// <summary>The live string entries, for tests and transcripts.</summary>
    public IReadOnlyDictionary<string, string> Strings
    {
        get
        {
            lock (_entries)
                return _entries.Where(e => e.Value.Kind == Kind.String && e.Value.ExpiresAtMs > clock.NowMs)
                    .ToDictionary(e => e.Key, e => (string)e.Value.Value);
        }
    }

    private byte[] Set(HostRequest request, Kind kind, object value)
    {
        var key = request.String("key");
        var ttlSeconds = request.Int("ttlSeconds");
        var ttlMs = (ttlSeconds <= 0 ? DefaultTtlSeconds : ttlSeconds) * 1000;
        lock (_entries) _entries[key] = new Entry(kind, value, ttlMs, clock.NowMs + ttlMs);
        return HostResponse.Empty;
    }

    private byte[] Get(HostRequest request, Kind kind, Action<HostResponse, object> write)
    {
        var entry = Touch(request.String("key"));
        var response = new HostResponse();
        if (entry is not null && entry.Kind == kind)
        {
            write(response, entry.Value);
            response.Set("exists", true);
        }
        return response.ToBytes();
    }

    /// <summary>The live entry under the key, its expiry pushed out by its TTL; expired entries are dropped.</summary>
    private Entry? Touch(string key)
    {
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out var entry)) return null;
            if (entry.ExpiresAtMs <= clock.NowMs)
            {
                _entries.Remove(key);
                return null;
            }
            var touched = entry with { ExpiresAtMs = clock.NowMs + entry.TtlMs };
            _entries[key] = touched;
            return touched;
        }
    }

    private byte[] Remove(string key)
    {
        lock (_entries) _entries.Remove(key);
        return HostResponse.Empty;
    }
}
