using System.Text.Json.Nodes;
using Navidrome.DiscordPresence.Harness;
using Navidrome.DiscordPresence.TestHost.Discord;
using Navidrome.DiscordPresence.TestHost.Network;
using Navidrome.DiscordPresence.TestHost.Services;

namespace Navidrome.DiscordPresence.TestHost;

/// <summary>
/// Everything a run needs, wired together: one virtual clock and transcript, the fake Discord and web services on
/// 127.0.0.1 with their names mapped, and the Navidrome test host driving the plugin through a runner.
/// </summary>
public sealed class TestWorld : IDisposable
{
    public TestWorld(IPluginRunner runner, HostOptions options, string configJson)
    {
        Clock = new VirtualClock();
        Transcript = new Transcript(Clock);
        Ledger = new NetworkLedger();
        Map = new HostMap();
        HttpLog = new FakeHttpLog(Clock, Transcript);
        Discord = new FakeDiscord(Clock, Transcript, Ledger, HttpLog);
        Web = new FakeWebServices(HttpLog);
        Discord.MapInto(Map);
        Web.MapInto(Map);
        Host = new NavidromeTestHost(runner, options, Clock, Transcript, Map, Ledger);
        Host.Config.Save(configJson);
        foreach (var (token, user) in TokensIn(configJson)) Discord.Accounts[token] = user;
        Workers = options.ConcurrentWorkers
            ? new NavidromeWorkers(Ledger, options.Chaos is { } chaos ? worker => chaos.WorkerDelayMs(worker, Clock.NowMs) : null)
            : null;
        Scrobbler = new NavidromeScrobbler(Host, Workers);
    }

    public VirtualClock Clock { get; }
    public Transcript Transcript { get; }
    public NetworkLedger Ledger { get; }
    public HostMap Map { get; }
    public FakeHttpLog HttpLog { get; }
    public FakeDiscord Discord { get; }
    public FakeWebServices Web { get; }
    public NavidromeTestHost Host { get; }
    public NavidromeScrobbler Scrobbler { get; }
    public NavidromeWorkers? Workers { get; }

    /// <summary>The (token, username) pairs of a config's <c>users</c> array, so the fake Discord knows whose token is whose.</summary>
    public static IEnumerable<(string Token, string User)> TokensIn(string configJson)
    {
        var config = GoJson.Flatten(configJson);
        if (!config.TryGetValue("users", out var users)) yield break;
        JsonNode? list;
        try { list = JsonNode.Parse(users); }
        catch (System.Text.Json.JsonException) { yield break; }
        foreach (var entry in list as JsonArray ?? [])
            if (entry?["token"] is JsonValue token && entry["username"] is JsonValue user
                && token.TryGetValue<string>(out var t) && user.TryGetValue<string>(out var u))
                yield return (t, u);
    }

    public void Dispose()
    {
        Workers?.Dispose();
        Host.Dispose();
        Discord.Dispose();
        Web.Dispose();
    }
}
