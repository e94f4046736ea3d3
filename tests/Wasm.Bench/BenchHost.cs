using System.Text;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Harness;

namespace Navidrome.DiscordPresence.Wasm.Bench;

/// <summary>A host that answers like a healthy Navidrome with nothing stored yet: the gateway URL, a socket id, empty cache.</summary>
internal sealed class BenchHost(long nowMs, int users = 1) : IHostServices
{
    private readonly Dictionary<string, string> config = new()
    {
        ["clientid"] = "123456789012345678",
        // alice, then users - 1 others: a call about alice still reads past them.
        ["users"] = "[" + string.Join(",", Enumerable.Range(0, users).Select(i =>
            $$"""{"username":"{{(i == 0 ? "alice" : $"user{i}")}}","token":"MTA5ODc2NTQzMjEwOTg3NjU0.GaBcDe.bench-token-{{i}}"}""")) + "]",
    };

    public byte[] CallHost(string function, byte[] requestJson) => Encoding.UTF8.GetBytes(function switch
    {
        "http_send" => """{"result":{"statusCode":200,"headers":{},"body":"eyJ1cmwiOiJ3c3M6Ly9nYXRld2F5LmRpc2NvcmQuZ2cifQ=="}}""", // {"url":"wss://gateway.discord.gg"}
        "websocket_connect" => """{"newConnectionId":"drp:1:alice"}""",
        "cache_getstring" or "kvstore_get" => """{"exists":false}""",
        _ => "{}",
    });

    public string? GetConfig(string key) => config.GetValueOrDefault(key);
    public void Log(LogLevel level, string message) { }
    public long NowUnixMs() => nowMs;
    public double NextRandom() => 0.5;
}
