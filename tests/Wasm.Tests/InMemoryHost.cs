using System.Text;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Harness;

namespace Navidrome.DiscordPresence.Wasm.Tests;

/// <summary>A small host for artifact tests: fixed config, a fixed clock, and a record of host calls and log lines.</summary>
internal sealed class InMemoryHost(IReadOnlyDictionary<string, string> config) : IHostServices
{
    public List<(string Function, string Request)> Calls { get; } = [];
    public List<(LogLevel Level, string Message)> Logs { get; } = [];
    public Func<string, string, string> Answer { get; init; } = (_, _) => "{}";

    public byte[] CallHost(string function, byte[] requestJson)
    {
        var request = Encoding.UTF8.GetString(requestJson);
        Calls.Add((function, request));
        return Encoding.UTF8.GetBytes(Answer(function, request));
    }

    public string? GetConfig(string key) => config.GetValueOrDefault(key);
    public void Log(LogLevel level, string message) => Logs.Add((level, message));
    public long NowUnixMs() => 1_764_000_000_000;
    public double NextRandom() => 0.5;
}
