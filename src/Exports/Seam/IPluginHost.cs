using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Exports.Seam;

/// <summary>
/// The single seam between the plugin and whatever runs it. Everything above it is
/// ordinary .NET; below it sit exactly two implementations: the wasm one (Extism kernel imports and Navidrome's
/// <c>extism:host/user</c> functions) and the test host's. One instance serves one export call.
/// </summary>
public interface IPluginHost
{
    /// <summary>The call's input: a UTF-8 JSON document (Extism input buffer).</summary>
    byte[] ReadInput();

    /// <summary>Sets the call's output (Extism output_set). Exports without a result never call this.</summary>
    void WriteOutput(ReadOnlySpan<byte> utf8);

    /// <summary>Marks the call as failed with a message (Extism error_set).</summary>
    void SetError(string message);

    /// <summary>One config value from Navidrome's flattened config map, or null when the key is absent.</summary>
    string? GetConfig(string key);

    /// <summary>Writes a line to Navidrome's plugin log.</summary>
    void Log(LogLevel level, string message);

    /// <summary>
    /// Calls a Navidrome host function (an <c>extism:host/user</c> import such as <c>cache_getstring</c>) with a
    /// JSON request and returns its JSON response. Transport problems come back as <c>{"error": …}</c>.
    /// </summary>
    byte[] CallHost(string function, ReadOnlySpan<byte> requestJson);

    /// <summary>Wall-clock time as Unix milliseconds (the test host runs a virtual clock).</summary>
    long NowUnixMs();

    /// <summary>A uniform random number in [0, 1), for jitter.</summary>
    double NextRandom();
}
