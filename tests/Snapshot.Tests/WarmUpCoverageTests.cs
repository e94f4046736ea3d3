using System.Text;
using System.Text.Json;
using Navidrome.DiscordPresence.Domain.Gateway;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Exports.Host;
using Navidrome.DiscordPresence.Harness;
using Xunit;

namespace Navidrome.DiscordPresence.Snapshot.Tests;

/// <summary>
/// The warm-up reaches every host function the plugin imports: code it never runs is prepared again in every
/// instance. Played here through the managed plugin, the same code the module runs, with the warm-up's own host.
/// </summary>
public class WarmUpCoverageTests
{
    [Fact]
    public void The_warm_up_calls_every_host_function_and_every_call_succeeds()
    {
        var host = new WarmUpCalls.Host();
        var services = new Services(host);
        var runner = new ManagedPluginRunner();
        var failures = new List<string>();
        var fired = new HashSet<string>();
        void Call(string export, string input)
        {
            var result = runner.Call(export, Encoding.UTF8.GetBytes(input.Replace(WarmUpCalls.CurrentConnection, host.Connection, StringComparison.Ordinal)), services);
            if (!result.Succeeded) failures.Add($"{export}: {result.ReturnCode} {result.Error}");
        }
        foreach (var (user, config) in WarmUpCalls.Passes)
        {
            services.Config = config;
            foreach (var step in WarmUpCalls.Session(user))
            {
                if (!step.FiresTimers) { Call(step.Export, step.Input); continue; }
                foreach (var (id, payload, recurring) in host.TakeTimers())
                {
                    fired.Add(id);
                    Call("nd_scheduler_callback", JsonSerializer.Serialize(new Dictionary<string, object> { ["scheduleId"] = id, ["payload"] = payload, ["isRecurring"] = recurring }));
                }
            }
        }
        Assert.Empty(failures);
        Assert.Empty(HostFunctionNames.All.Except(services.Called).Except(NotPlayed));
        // The recovery paths of failed host calls run too: a broken send, a write that keeps failing, a stray connection.
        Assert.Contains(services.Logs, l => l.Contains("a gateway send failed", StringComparison.Ordinal));
        Assert.Contains(services.Logs, l => l.Contains("failed 3 times", StringComparison.Ordinal));
        Assert.Contains(services.Logs, l => l.Contains("is newer than the stored session", StringComparison.Ordinal));
        // The wake a lookup's answer arms to settle the lookups (GatewaySession.Settle.cs) fires too, for each pass.
        foreach (var (user, _) in WarmUpCalls.Passes)
            Assert.Contains(GatewayIds.Schedule(TimerKind.Wake, (Services.NowMs / 1000 + GatewaySession.SettleSeconds) * 1000, user), fired);
    }

    /// <summary>
    /// Host functions the warm-up cannot reach, each with why. kvstore_delete: since playback and NowPlaying carry a
    /// change stamp (the stale-read guard), a stopped player is stored, not deleted; the only KV delete left is a
    /// rejected token's verdict lifted by a new token in the config, which the warm-up's fixed configs do not play.
    /// Its call is the same host-call plumbing as kvstore_set, which the warm-up runs.
    /// </summary>
    private static readonly string[] NotPlayed = [HostFunctionNames.KvDelete];

    private sealed class Services(WarmUpCalls.Host host) : IHostServices
    {
        public IReadOnlyDictionary<string, string> Config { get; set; } = new Dictionary<string, string>();
        public HashSet<string> Called { get; } = [];
        public List<string> Logs { get; } = [];

        public byte[] CallHost(string function, byte[] requestJson)
        {
            Called.Add(function);
            return Encoding.UTF8.GetBytes(host.Answer(function, Encoding.UTF8.GetString(requestJson)));
        }

        public string? GetConfig(string key) => Config.GetValueOrDefault(key);
        public void Log(LogLevel level, string message) => Logs.Add(message);
        public const long NowMs = 1_800_000_000_000;
        public long NowUnixMs() => NowMs;
        public double NextRandom() => 0.5;
    }
}
