using Navidrome.DiscordPresence.TestHost.Discord;

namespace Navidrome.DiscordPresence.TestHost.Scenarios;

/// <summary>
/// What every run must keep, checked after the last step whatever the scenario says:
/// - no Discord token in a plugin log line, call error, schedule id, cache key, KV key or connection id;
/// - no token (nor any Authorization header) in an HTTP request to a host other than https://discord.com;
/// - at most 5 presence updates per user in any 20 s (Discord's rule; identify's presence included);
/// - no gateway close 4008 (Discord's 120-events-per-minute rule);
/// - every presence's buttons within Discord's limits (at most 2, labels 1–31 bytes, https URLs of at most 512, paired);
/// - every plugin call succeeded (unless the scenario says <c>allow: call-failures</c>, or host failures were injected);
/// - the network settled before every clock move.
/// </summary>
public static class Invariants
{
    public const int PresenceBudget = 5;
    public const long PresenceWindowMs = 20_000;

    public static void Check(ScenarioRun run)
    {
        var world = run.World;
        var host = world.Host;
        var tokens = world.Discord.Accounts.Keys.Where(t => t.Length >= 4).ToList();

        var places = host.Logs.Select(l => ("log", l.Message))
            .Concat(host.Calls.Where(c => c.Error is not null).Select(c => ("call error", c.Error!)))
            .Concat(host.Scheduler.All.Select(s => ("schedule id", s.Id)))
            .Concat(host.Cache.Strings.Keys.Select(k => ("cache key", k)))
            .Concat(host.Kv.Snapshot().Keys.Select(k => ("kv key", k)))
            .Concat(host.Sockets.OpenIds.Select(id => ("connection id", id)));
        var leaks = places.Where(p => tokens.Any(t => p.Item2.Contains(t, StringComparison.Ordinal))).Select(p => p.Item1).Distinct().ToList();
        run.Check(leaks.Count == 0, "invariant: no Discord token in logs, errors, schedule ids, cache/KV keys or connection ids",
            leaks.Count == 0 ? "" : "found in: " + string.Join(", ", leaks));

        // A token may travel only to discord.com (Authorization), and only over the gateway otherwise.
        var strayTokens = host.Http.Exchanges.Count(x =>
            !x.Url.StartsWith("https://discord.com/", StringComparison.Ordinal)
            && (x.Headers.Keys.Any(k => k.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
                || tokens.Any(t => x.Url.Contains(t, StringComparison.Ordinal) || System.Text.Encoding.UTF8.GetString(x.Body).Contains(t, StringComparison.Ordinal)
                    || x.Headers.Values.Any(v => v.Contains(t, StringComparison.Ordinal)))));
        run.Check(strayTokens == 0, "invariant: no token or Authorization header sent to any host but https://discord.com", $"{strayTokens} requests");

        foreach (var user in world.Discord.Presences.Select(p => p.User).Distinct())
        {
            var worst = WorstWindow(world.Discord.Presences.Where(p => p.User == user).Select(p => p.AtElapsedMs).ToList());
            run.Check(worst <= PresenceBudget, $"invariant: at most {PresenceBudget} presence updates per 20 s for {user}", $"worst 20 s window had {worst}");
        }

        var badButtons = world.Discord.Presences.Select(p => p.ButtonFault()).FirstOrDefault(f => f is not null);
        run.Check(badButtons is null, "invariant: every presence's buttons are within Discord's limits", badButtons ?? "");

        var rateLimited = world.Discord.RateLimitCloses;
        run.Check(rateLimited == 0, "invariant: Discord never closed a connection for rate limiting (4008)", $"{rateLimited} closes");

        if (!run.Scenario.Allowances.Contains("call-failures") && host.Options.Chaos is null)
        {
            var failed = host.Calls.Where(c => !c.Succeeded && !(c.ReturnCode == -2 && c.Error is null)).ToList();
            run.Check(failed.Count == 0, "invariant: every plugin call succeeded",
                failed.Count == 0 ? "" : $"{failed.Count} failed, first: {failed[0].Export}: {failed[0].Error}");
        }
        run.Check(host.UnsettledCount == 0, "invariant: the network settled before every clock move", $"{host.UnsettledCount} timeouts");
    }

    /// <summary>The most instants in any window of 20 s.</summary>
    public static int WorstWindow(IReadOnlyList<long> instants)
    {
        var sorted = instants.Order().ToList();
        var worst = 0;
        for (int i = 0, j = 0; i < sorted.Count; i++)
        {
            while (sorted[i] - sorted[j] >= PresenceWindowMs) j++;
            worst = Math.Max(worst, i - j + 1);
        }
        return worst;
    }
}
