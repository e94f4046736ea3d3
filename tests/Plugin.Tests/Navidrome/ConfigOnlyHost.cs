using System.Text;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Harness;

namespace Navidrome.DiscordPresence.Tests.Navidrome;

/// <summary>
/// The smallest host for export-level examples: a config map, a log, and host functions that accept every call
/// and remember it. Behaviour that needs real host semantics is tested against the test host (tests/TestHost).
/// </summary>
public sealed class ConfigOnlyHost(IReadOnlyDictionary<string, string> config) : IHostServices
{
    public List<(LogLevel Level, string Message)> Logs { get; } = [];
    public List<(string Function, string Request)> Calls { get; } = [];

    public byte[] CallHost(string function, byte[] requestJson)
    {
        Calls.Add((function, Encoding.UTF8.GetString(requestJson)));
        return "{}"u8.ToArray();
    }

    public string? GetConfig(string key) => config.GetValueOrDefault(key);
    public void Log(LogLevel level, string message) => Logs.Add((level, message));
    public long NowUnixMs() => 1_800_000_000_000;
    public double NextRandom() => 0.5;
}
