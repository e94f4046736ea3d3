using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Navidrome.DiscordPresence.Harness;
using Navidrome.DiscordPresence.TestHost.Services;

namespace Navidrome.DiscordPresence.TestHost.Scenarios;

/// <summary>What a scale run measured.</summary>
public sealed record ScaleReport(
    int Users, double SimulatedHours, TimeSpan Wall, TimeSpan Cpu,
    IReadOnlyDictionary<int, int> FramesByOp, IReadOnlyDictionary<string, int> HttpByHost,
    int Connections, int HeartbeatsMissed, int PluginCalls, int FailedCalls, int Unsettled, int PresenceBudgetBreaches,
    IReadOnlyList<string> UsersWithSeveralConnections, string Transcript,
    int FramesToPlugin = 0, BusyFigures? Busy = null)
{
    public double UserHours => Users * SimulatedHours;

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine($"scale run: {Users} users, {SimulatedHours:0.##} simulated hours each ({UserHours:0.#} user-hours), wall {Wall.TotalSeconds:0.0} s");
        text.AppendLine($"  gateway frames sent by the plugin: {FramesByOp.Values.Sum()} ({FramesByOp.Values.Sum() / UserHours:0.#} per user-hour)");
        foreach (var (op, count) in FramesByOp.OrderBy(p => p.Key))
            text.AppendLine($"    op {op,2}: {count,7}  ({count / UserHours:0.#} per user-hour)");
        text.AppendLine($"  gateway connections: {Connections} ({Connections / UserHours:0.##} per user-hour)");
        text.AppendLine($"  HTTP calls: {HttpByHost.Values.Sum()} ({HttpByHost.Values.Sum() / UserHours:0.##} per user-hour)");
        foreach (var (host, count) in HttpByHost.OrderBy(p => p.Key)) text.AppendLine($"    {host}: {count}");
        text.AppendLine($"  heartbeats missed (gap longer than Hello's interval): {HeartbeatsMissed}");
        text.AppendLine($"  plugin calls: {PluginCalls} ({PluginCalls / UserHours:0.#} per user-hour), failed: {FailedCalls}");
        text.AppendLine($"    of them gateway frames Discord sent: {FramesToPlugin} ({FramesToPlugin / UserHours:0.#} per user-hour)");
        if (Busy is { } busy)
            text.AppendLine($"  busy accounts ({busy.EventsPerSecond:0.##} guild events/s each, READY {busy.ReadyBytes / 1024.0:0} KB): {busy.Produced} guild events produced ({busy.Produced / UserHours:0.#} per user-hour), {busy.Delivered} reached the plugin ({busy.Delivered / UserHours:0.#} per user-hour), {busy.Produced - busy.Delivered} kept back by the identify's intents{(busy.IntentsIgnored ? " (read as absent: --without-intents)" : "")}");
        text.AppendLine($"  process CPU time (plugin + test host + fakes): {Cpu.TotalSeconds:0.00} s = {Cpu.TotalMilliseconds / UserHours:0.#} ms per user-hour");
        text.AppendLine($"  presence-budget breaches: {PresenceBudgetBreaches}, unsettled waits: {Unsettled}");
        if (UsersWithSeveralConnections.Count > 0)
            text.AppendLine($"  users with more than one connection: {string.Join(", ", UsersWithSeveralConnections)}");
        return text.ToString();
    }
}

/// <summary>What the guild events of busy accounts came to in a scale run: produced by their servers, and how many reached the plugin.</summary>
public sealed record BusyFigures(double EventsPerSecond, int Produced, int Delivered, int ReadyBytes, bool IntentsIgnored);

/// <summary>
/// N users listening at once for a simulated time against the fake gateway: each plays an album track after
/// track, pauses now and then, skips sometimes, and stops at the end. With <c>busyEventsPerSecond</c> every account is a
/// busy one (<see cref="Discord.BusyAccount"/>), so the report shows what a busy listener costs; with
/// <c>identifyIntentsIgnored</c> the fake reads each identify as if it had no intents (what the plugin sent before
/// issue 10), for the figure to compare with. Not part of the
/// default test run.
/// </summary>
public static class ScaleRun
{
    public static ScaleReport Run(int users, TimeSpan duration, IPluginRunner runner, bool concurrentWorkers = false, int seed = 1, double? busyEventsPerSecond = null, bool identifyIntentsIgnored = false)
    {
        var names = Enumerable.Range(1, users).Select(i => $"user{i:000}").ToList();
        var config = new JsonObject
        {
            ["clientid"] = "123456789012345678",
            ["users"] = new JsonArray([.. names.Select(n => (JsonNode)new JsonObject { ["username"] = n, ["token"] = $"token-{n}-secret" })]),
        };
        var options = new HostOptions { Users = [.. names.Select(n => new NavidromeUser(n, n, false))], Seed = seed, ConcurrentWorkers = concurrentWorkers };
        using var world = new TestWorld(runner, options, config.ToJsonString());
        world.Discord.IdentifyIntentsIgnored = identifyIntentsIgnored;
        if (busyEventsPerSecond is { } rate)
            foreach (var name in names) world.Discord.MakeBusy(name, new Discord.BusyAccount(rate));
        var events = Plan(names, duration, seed);

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        world.Host.Load();
        world.Host.Settle();
        foreach (var e in events.OrderBy(e => e.AtMs).ThenBy(e => e.User, StringComparer.Ordinal))
        {
            world.Host.AdvanceTo(world.Clock.StartUnixMs + e.AtMs);
            world.Scrobbler.Report(e.User, e.Track, e.State, e.PositionMs);
        }
        world.Host.AdvanceTo(world.Clock.StartUnixMs + (long)duration.TotalMilliseconds);
        wall.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        var frames = world.Discord.Frames;
        return new ScaleReport(
            users, duration.TotalHours, wall.Elapsed, cpu,
            frames.GroupBy(f => f.Op).ToDictionary(g => g.Key, g => g.Count()),
            world.HttpLog.Records.GroupBy(r => r.Host).ToDictionary(g => g.Key, g => g.Count()),
            world.Discord.Connections.Count,
            MissedHeartbeats(world, world.Clock.ElapsedMs),
            world.Host.Calls.Count,
            world.Host.Calls.Count(c => !c.Succeeded && !(c.ReturnCode == -2 && c.Error is null)),
            world.Host.UnsettledCount,
            names.Count(n => Invariants.WorstWindow([.. world.Discord.Presences.Where(p => p.User == n).Select(p => p.AtElapsedMs)]) > Invariants.PresenceBudget),
            [.. world.Discord.Connections.GroupBy(c => c.User ?? "?").Where(g => g.Count() > 1).Select(g => $"{g.Key} ({g.Count()})")],
            world.Transcript.ToString(),
            world.Discord.SentFrames.Count,
            busyEventsPerSecond is { } eventsPerSecond ? BusyOutcome(world, eventsPerSecond) : null);
    }

    private static BusyFigures BusyOutcome(TestWorld world, double eventsPerSecond)
    {
        var connections = world.Discord.Connections;
        var produced = connections.Sum(c => c.GuildEventsProduced);
        var readyBytes = world.Discord.SentFrames.Where(f => f.Type == "READY").Select(f => f.Bytes).DefaultIfEmpty(0).Max();
        return new BusyFigures(eventsPerSecond, produced, produced - connections.Sum(c => c.GuildEventsWithheld), readyBytes, world.Discord.IdentifyIntentsIgnored);
    }

    private sealed record PlayEvent(long AtMs, string User, TrackInfo Track, string State, long PositionMs);

    /// <summary>Each user's hour: tracks of a few albums, a pause in about one track of five, a skip in one of six.</summary>
    private static List<PlayEvent> Plan(List<string> users, TimeSpan duration, int seed)
    {
        var events = new List<PlayEvent>();
        var end = (long)duration.TotalMilliseconds;
        foreach (var (user, index) in users.Select((u, i) => (u, i)))
        {
            var random = new Random(seed * 100_003 + index); // stable across processes (string hashes are not)
            var at = (long)random.Next(0, 120_000);
            var album = random.Next(0, 40);
            var trackNo = 0;
            TrackInfo? track = null;
            while (at < end - 60_000)
            {
                var lengthMs = random.Next(150, 420) * 1000L;
                track = new TrackInfo($"al{album}-t{trackNo}", $"Track {trackNo} of album {album}", $"Album {album}", $"Artist {album % 13}", lengthMs / 1000.0,
                    MbzAlbumId: $"00000000-0000-0000-0000-{album:000000000000}");
                events.Add(new PlayEvent(at, user, track, "playing", 0));
                var playedMs = random.Next(6) == 0 ? random.Next(5, 40) * 1000L : lengthMs; // a skip
                if (random.Next(5) == 0 && playedMs == lengthMs)
                {
                    var pauseAt = lengthMs / 2;
                    var pauseMs = random.Next(30, 300) * 1000L;
                    events.Add(new PlayEvent(at + pauseAt, user, track, "paused", pauseAt));
                    events.Add(new PlayEvent(at + pauseAt + pauseMs, user, track, "playing", pauseAt));
                    at += pauseMs;
                }
                at += playedMs;
                if (++trackNo % 10 == 0) album = random.Next(0, 40);
            }
            if (track is not null) events.Add(new PlayEvent(Math.Min(at, end - 1000), user, track, "stopped", 0));
        }
        return events;
    }

    /// <summary>Gaps longer than Hello's interval between a connection's opening, its heartbeats and its end.</summary>
    private static int MissedHeartbeats(TestWorld world, long endMs)
    {
        var interval = world.Discord.HeartbeatIntervalMs;
        var missed = 0;
        var frames = world.Discord.Frames;
        foreach (var connection in world.Discord.Connections)
        {
            var beats = frames.Where(f => f.ConnectionNumber == connection.Number && f.Op == 1).Select(f => f.AtElapsedMs).ToList();
            var marks = new List<long> { connection.OpenedAtMs };
            marks.AddRange(beats);
            marks.Add(connection.End?.AtElapsedMs ?? endMs);
            for (var i = 1; i < marks.Count; i++)
                if (marks[i] - marks[i - 1] > interval) missed++;
        }
        return missed;
    }
}
