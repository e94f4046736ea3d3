using System.Text;
using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Harness;

/// <summary>
/// The smallest host, for export-level examples and artifact parity tests: a fixed config, a fixed clock and random
/// number, host functions answered by <see cref="Answer"/> (every call accepted by default), and a record of every
/// host call and log line. Behaviour that needs Navidrome's semantics is tested against the test host (tests/TestHost).
/// </summary>
public sealed class RecordingHost(IReadOnlyDictionary<string, string> config) : IHostServices
{
    public List<(string Function, string Request)> Calls { get; } = [];
    public List<(LogLevel Level, string Message)> Logs { get; } = [];
    /// <summary>Every config key the plugin asked for, in order.</summary>
    public List<string> ConfigReads { get; } = [];
    public Func<string, string, string> Answer { get; init; } = (_, _) => "{}";

    public byte[] CallHost(string function, byte[] requestJson)
    {
        var request = Encoding.UTF8.GetString(requestJson);
        Calls.Add((function, request));
        return Encoding.UTF8.GetBytes(Answer(function, request));
    }

    public string? GetConfig(string key)
    {
        ConfigReads.Add(key);
        return config.GetValueOrDefault(key);
    }
    public void Log(LogLevel level, string message) => Logs.Add((level, message));
    public long NowUnixMs() => 1_764_000_000_000;
    public double NextRandom() => 0.5;
}
