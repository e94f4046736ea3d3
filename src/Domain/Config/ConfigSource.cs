namespace Navidrome.DiscordPresence.Domain.Config;

/// <summary>
/// The saved config, one key at a time: the raw text of a key, or null when it is not set. Readers ask only for
/// the keys they use, so a call that needs two keys reads two (the shell answers from Navidrome's config service).
/// </summary>
public delegate string? ConfigSource(string key);

/// <summary>Config sources over values already in hand.</summary>
public static class ConfigSources
{
    /// <summary>A source over a key → text map (tests, benchmarks, and Navidrome's flattened map).</summary>
    public static ConfigSource From(IReadOnlyDictionary<string, string> raw) => key => raw.TryGetValue(key, out var text) ? text : null;
}
