using System.Text.RegularExpressions;
using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Effects.Discord;
using Navidrome.DiscordPresence.Exports;
using Navidrome.DiscordPresence.Exports.Host;
using Navidrome.DiscordPresence.Exports.Seam;
using Navidrome.DiscordPresence.Harness;
using Navidrome.DiscordPresence.Tests.Manifest;
using Xunit;

namespace Navidrome.DiscordPresence.Tests;

/// <summary>
/// Every case of the closed sets at the core's edges has a producer and a consumer (issue 13): each <see cref="Effect"/>
/// is emitted by the core and carried out by the interpreter against a host service, each <see cref="Input"/> is
/// produced by the shell (the export bindings or the interpreter's answers) and decided by the core. A case without
/// a producer is dead code and should go.
/// </summary>
public class CaseCoverageTests
{
    private static IEnumerable<string> Cases(Type closed) =>
        closed.GetNestedTypes().Where(t => t.IsSealed && t.IsSubclassOf(closed)).Select(t => t.Name);

    private static string Sources(string folder) =>
        string.Join("\n", Directory.EnumerateFiles(RepositoryFiles.Path("src", folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")).Select(File.ReadAllText));

    private static bool Constructs(string sources, string closed, string name) =>
        Regex.IsMatch(sources, $@"new {closed}\.{name}\(");

    [Fact]
    public void Every_effect_is_emitted_by_the_core()
    {
        var core = Sources("Domain");
        Assert.All(Cases(typeof(Effect)), name => Assert.True(Constructs(core, "Effect", name), $"the core never emits Effect.{name}"));
    }

    [Fact]
    public void Every_input_is_produced_by_the_shell()
    {
        var shell = Sources("Exports");
        Assert.All(Cases(typeof(Input)), name => Assert.True(Constructs(shell, "Input", name), $"the shell never produces Input.{name}"));
    }

    [Fact]
    public void Every_input_is_decided_by_the_core_without_falling_through()
    {
        var core = Sources("Domain");
        // Decided: named in the core's switches (the routing switch throws for an unnamed case).
        Assert.All(Cases(typeof(Input)), name => Assert.True(Regex.IsMatch(core, $@"Input\.{name}\b[^(]"), $"the core never decides Input.{name}"));
    }

    [Fact]
    public void Every_effect_is_carried_out_against_a_host_service()
    {
        EquatableArray<Effect> one =
        [
            new Effect.Connect("drp:1:alice", "wss://gateway.discord.gg/?v=10&encoding=json"),
            new Effect.Send("drp:1:alice", new GatewayFrame.Heartbeat(1)),
            new Effect.Close("drp:1:alice", 1000, "idle"),
            new Effect.ScheduleOnce("wake:1:alice", 1, "wake:1:alice"),
            new Effect.ScheduleRecurring("hb:1:alice", 41, "hb:1:alice"),
            new Effect.CancelSchedule("hb:1:alice"),
            new Effect.CacheSet("k", "v", 60),
            new Effect.CacheRemove("k"),
            new Effect.KvSet("k", "v"),
            new Effect.KvDelete("k"),
            new Effect.Http("gw:1:alice", new HttpRequestSpec("GET", "https://discord.com/api/v10/gateway", [], null, 1000, true)),
            new Effect.ArtworkUrl("nd-art:1:alice", "t1", 300),
            new Effect.SubsonicRaw("nd-cover:1:alice", "getCoverArt?id=t1"),
            new Effect.SubsonicCall("song:1:alice", "getSong?id=t1&u=alice"),
            new Effect.Log(LogLevel.Info, "hello"),
        ];
        Assert.Equal(Cases(typeof(Effect)).Order(), one.Items.Select(e => e.GetType().Name).Order());
        foreach (var effect in one)
        {
            var host = new RecordingHost(new Dictionary<string, string>());
            var seam = new Seam(host);
            var interpreter = new Interpreter(seam, new CallConfig(new RedactingHost(seam), "alice"), new HostFunctions(seam));
            interpreter.CarryOut([effect]);
            Assert.True(host.Calls.Count + host.Logs.Count > 0, $"{effect.GetType().Name} reached no host service");
        }
    }

    private sealed class Seam(RecordingHost host) : IPluginHost
    {
        public byte[] ReadInput() => [];
        public void WriteOutput(ReadOnlySpan<byte> utf8) { }
        public void SetError(string message) { }
        public string? GetConfig(string key) => host.GetConfig(key);
        public void Log(LogLevel level, string message) => host.Log(level, message);
        public byte[] CallHost(string function, ReadOnlySpan<byte> requestJson) => host.CallHost(function, requestJson.ToArray());
        public long NowUnixMs() => host.NowUnixMs();
        public double NextRandom() => host.NextRandom();
    }
}
