using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Harness;

/// <summary>
/// Everything a plugin call can reach on the host side: Navidrome's host functions (by their
/// <c>extism:host/user</c> name, JSON in and out), the flattened config, the log, the clock and randomness.
/// The test host implements it; a runner (managed or wasm) exposes it to the plugin.
/// </summary>
public interface IHostServices
{
    /// <summary>Calls a host function such as <c>cache_getstring</c>; failures come back as <c>{"error":…}</c>.</summary>
    byte[] CallHost(string function, byte[] requestJson);

    /// <summary>A config value, or null when the key is absent.</summary>
    string? GetConfig(string key);

    /// <summary>Receives one plugin log line.</summary>
    void Log(LogLevel level, string message);

    /// <summary>The host's wall clock (virtual in tests), Unix milliseconds.</summary>
    long NowUnixMs();

    /// <summary>A uniform number in [0, 1).</summary>
    double NextRandom();
}

/// <summary>How one export call ended, as Navidrome sees it.</summary>
public sealed record CallResult(int ReturnCode, byte[] Output, string? Error)
{
    /// <summary>Navidrome's reading: an error message makes the call fail whatever the code; -2 alone is "not implemented".</summary>
    public bool Succeeded => Error is null && ReturnCode == 0;
}

/// <summary>Calls one export of a plugin with a fresh instance, as Navidrome does for every call.</summary>
public interface IPluginRunner
{
    /// <summary>Runs <paramref name="export"/> with <paramref name="input"/> against <paramref name="host"/>.</summary>
    CallResult Call(string export, byte[] input, IHostServices host);
}
