using System.Text;
using System.Text.Json.Nodes;

namespace Navidrome.DiscordPresence.TestHost.Services;

/// <summary>
/// Navidrome's KVStore (docs/navidrome-host.md, 'The KV store'): persistent (survives reloads; only a test's own reset
/// clears it), keys 1–256 bytes, total size capped by the manifest's maxSize, optional TTL.
/// </summary>
public sealed class KvStoreService(VirtualClock clock, long maxSizeBytes = 1024 * 1024)
{
    public const int MaxKeyBytes = 256;

    private sealed record Entry(byte[] Value, long ExpiresAtMs);

    private readonly SortedDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public byte[] Call(string function, HostRequest request) => function switch
    {
        "kvstore_set" => Set(request.String("key"), request.Bytes("value"), 0),
        "kvstore_setwithttl" => SetWithTtl(request),
        "kvstore_get" => Get(request.String("key")),
        "kvstore_getmany" => GetMany(request.StringList("keys")),
        "kvstore_has" => new HostResponse().Set("exists", Live(request.String("key")) is not null).ToBytes(),
        "kvstore_list" => List(request.String("prefix")),
        "kvstore_delete" => Delete(request.String("key")),
        "kvstore_deletebyprefix" => DeleteByPrefix(request.String("prefix")),
        "kvstore_getstorageused" => new HostResponse().Set("bytes", Used()).ToBytes(),
        _ => throw new HostError($"unknown kvstore function {function}"),
    };

    /// <summary>The stored values as UTF-8 text, for tests and transcripts.</summary>
    public IReadOnlyDictionary<string, string> Snapshot()
    {
        lock (_entries) return _entries.Where(e => IsLive(e.Value)).ToDictionary(e => e.Key, e => Encoding.UTF8.GetString(e.Value.Value));
    }

    private bool IsLive(Entry entry) => entry.ExpiresAtMs == 0 || entry.ExpiresAtMs > clock.NowMs;

    private static void CheckKey(string key)
    {
        if (key.Length == 0) throw new HostError("key cannot be empty");
        if (Encoding.UTF8.GetByteCount(key) > MaxKeyBytes) throw new HostError($"key exceeds maximum length of {MaxKeyBytes} bytes");
    }

    private byte[] SetWithTtl(HostRequest request)
    {
        var ttl = request.Int("ttlSeconds");
        if (ttl <= 0) throw new HostError("ttlSeconds must be greater than 0");
        return Set(request.String("key"), request.Bytes("value"), clock.NowMs + ttl * 1000);
    }

    private byte[] Set(string key, byte[] value, long expiresAtMs)
    {
        CheckKey(key);
        lock (_entries)
        {
            var old = _entries.TryGetValue(key, out var existing) ? Encoding.UTF8.GetByteCount(key) + existing.Value.Length : 0;
            if (Used() - old + Encoding.UTF8.GetByteCount(key) + value.Length > maxSizeBytes)
                throw new HostError($"storage limit exceeded: would use more than {maxSizeBytes} bytes");
            _entries[key] = new Entry(value, expiresAtMs);
        }
        return HostResponse.Empty;
    }

    private Entry? Live(string key)
    {
        lock (_entries)
            return _entries.TryGetValue(key, out var entry) && IsLive(entry) ? entry : null;
    }

    private byte[] Get(string key)
    {
        var entry = Live(key);
        return entry is null ? HostResponse.Empty : new HostResponse().SetBytes("value", entry.Value).Set("exists", true).ToBytes();
    }

    private byte[] GetMany(List<string> keys)
    {
        var values = new JsonObject();
        foreach (var key in keys)
            if (Live(key) is { } entry) values[key] = Convert.ToBase64String(entry.Value);
        return new HostResponse().Set("values", values).ToBytes();
    }

    private byte[] List(string prefix)
    {
        JsonArray keys;
        lock (_entries) keys = [.. _entries.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal) && IsLive(e.Value)).Select(e => (JsonNode)e.Key)];
        return new HostResponse().Set("keys", keys).ToBytes();
    }

    private byte[] Delete(string key)
    {
        lock (_entries) _entries.Remove(key);
        return HostResponse.Empty;
    }

    private byte[] DeleteByPrefix(string prefix)
    {
        if (prefix.Length == 0) throw new HostError("prefix cannot be empty");
        lock (_entries)
        {
            var doomed = _entries.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            foreach (var key in doomed) _entries.Remove(key);
            return new HostResponse().Set("deletedCount", (long)doomed.Count).ToBytes();
        }
    }

    private long Used()
    {
        lock (_entries) return _entries.Where(e => IsLive(e.Value)).Sum(e => (long)Encoding.UTF8.GetByteCount(e.Key) + e.Value.Value.Length);
    }
}
