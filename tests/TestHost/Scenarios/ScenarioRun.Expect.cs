using System.Globalization;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.TestHost.Discord;

namespace Navidrome.DiscordPresence.TestHost.Scenarios;

/// <summary>The expectations a scenario can state (docs/scenarios.md "Expectations").</summary>
public sealed partial class ScenarioRun
{
    private void Expect(ScenarioStep step, IReadOnlyList<string> args)
    {
        var words = args.ToList();
        if (words.Count == 0) throw new FormatException("expect <what> …");
        var what = $"line {step.Line}: expect {string.Join(' ', words.Select(w => w.Contains(' ', StringComparison.Ordinal) ? $"\"{w}\"" : w))}";

        // Presence checks read the last presence; everything else is a count compared with a number.
        if (words[0] == "presence")
        {
            ExpectPresence(what, words);
            return;
        }
        if (words.Count < 3 || !IsComparison(words[^2]))
            throw new FormatException("end the expectation with a comparison: = N, >= N, <= N, > N, < N or != N");
        var expected = long.Parse(words[^1], CultureInfo.InvariantCulture);
        var comparison = words[^2];
        var (options, rest) = ScenarioText.Options(words.Take(words.Count - 2).Skip(1));
        var actual = Count(words[0], rest, options);
        Check(Compare(actual, comparison, expected), what, $"got {actual}");
    }

    private static bool IsComparison(string word) => word is "=" or "==" or ">=" or "<=" or ">" or "<" or "!=";

    private static bool Compare(long actual, string comparison, long expected) => comparison switch
    {
        "=" or "==" => actual == expected,
        ">=" => actual >= expected,
        "<=" => actual <= expected,
        ">" => actual > expected,
        "<" => actual < expected,
        _ => actual != expected,
    };

    private long Count(string subject, List<string> rest, Dictionary<string, string> options)
    {
        var user = options.GetValueOrDefault("user") ?? (rest.Count > 0 && subject is not ("http" or "calls" or "hostcalls") ? rest[0] : null);
        var now = World.Clock.ElapsedMs;
        var since = options.TryGetValue("since", out var s) ? ScenarioText.Time(s) : long.MinValue;
        if (options.TryGetValue("within", out var w)) since = Math.Max(since, now - ScenarioText.Time(w) + 1);
        bool InWindow(long at) => at >= since;

        IEnumerable<ReceivedFrame> Frames(int? op) => World.Discord.Frames.Where(f =>
            (op is null || f.Op == op) && (user is null || f.User == user) && InWindow(f.AtElapsedMs));

        return subject switch
        {
            "identify" or "identifies" => Frames(2).Count(),
            "resume" or "resumes" => Frames(6).Count(),
            "heartbeats" => Frames(1).Count(),
            "presences" or "presence-updates" => Frames(3).Count(),
            "frames" => Frames(options.TryGetValue("op", out var op) ? int.Parse(op, CultureInfo.InvariantCulture) : null).Count(),
            "connections" => World.Discord.Connections.Count(c =>
                (user is null || c.User == user)
                && (!options.TryGetValue("endpoint", out var endpoint) || c.Endpoint == endpoint)
                && InWindow(c.OpenedAtMs)),
            "open" => World.Discord.Connections.Count(c => c.IsOpen && (user is null || c.User == user)),
            "closes" => World.Discord.Connections.Count(c => c.End is { } end
                && (user is null || c.User == user)
                && (!options.TryGetValue("by", out var by) || end.By.StartsWith(by, StringComparison.Ordinal))
                && (!options.TryGetValue("code", out var code) || end.Code?.ToString(CultureInfo.InvariantCulture) == code)
                && InWindow(end.AtElapsedMs)),
            // By the connection's user, not the frame's: Hello goes out before the identify names the user.
            "sent" => World.Discord.SentFrames.Count(f =>
                (user is null || World.Discord.Connections[f.ConnectionNumber - 1].User == user)
                && (!options.TryGetValue("op", out var sentOp) || f.Op.ToString(CultureInfo.InvariantCulture) == sentOp)
                && (!options.TryGetValue("type", out var type) || f.Type == type)
                && InWindow(f.AtElapsedMs)),
            "guild-events" => World.Discord.Connections.Where(c => user is null || c.User == user).Sum(c => c.GuildEventsProduced - c.GuildEventsWithheld),
            "withheld" => World.Discord.Connections.Where(c => user is null || c.User == user).Sum(c => c.GuildEventsWithheld),
            // Milliseconds in which Discord showed another player's Listening activity and ours at once.
            "together" => World.Discord.ListeningTogetherMs(user ?? throw new FormatException("expect together <user> = <ms>"),
                System.Text.Json.Nodes.JsonNode.Parse(Scenario.ConfigJson)?["clientid"]?.ToString()),
            "http" => World.HttpLog.Records.Count(r => HttpMatches(r, rest, options) && InWindow(r.AtElapsedMs)),
            "log" or "logs" => World.Host.Logs.Count(l =>
                (!options.TryGetValue("level", out var level) || l.Level == ParseLevel(level))
                && (!options.TryGetValue("contains", out var contains) || l.Message.Contains(contains, StringComparison.OrdinalIgnoreCase))
                && InWindow(l.ElapsedMs)),
            "schedules" => World.Host.Scheduler.All.Count(x =>
                (user is null || x.Id.Contains(user, StringComparison.Ordinal))
                && (!options.TryGetValue("kind", out var kind) || x.Id.StartsWith(kind + ":", StringComparison.Ordinal))),
            "repeats" => Repeats(user, since),
            "hostcalls" => rest.Count > 0 ? World.Host.HostCallCounts.GetValueOrDefault(rest[0]) : World.Host.HostCallCounts.Values.Sum(),
            "calls" => World.Host.Calls.Count(c =>
                (rest.Count == 0 || c.Export == rest[0] || c.Export == "nd_" + rest[0])
                && (!options.TryGetValue("failed", out var failed) || (failed == "true") == !c.Succeeded)
                && InWindow(c.ElapsedMs)),
            _ => throw new FormatException($"unknown expectation '{subject}'"),
        };
    }

    /// <summary>Presence updates identical to the one the same user sent just before (on any connection).</summary>
    private long Repeats(string? user, long since)
    {
        var repeats = 0;
        foreach (var group in World.Discord.Presences.GroupBy(p => p.User).Where(g => user is null || g.Key == user))
        {
            string? previous = null;
            foreach (var presence in group)
            {
                var json = presence.Data?.ToJsonString();
                if (json == previous && presence.AtElapsedMs >= since) repeats++;
                previous = json;
            }
        }
        return repeats;
    }

    private static LogLevel ParseLevel(string level) => level.ToLowerInvariant() switch
    {
        "debug" => LogLevel.Debug,
        "info" => LogLevel.Info,
        "warn" or "warning" => LogLevel.Warn,
        "error" => LogLevel.Error,
        _ => throw new FormatException($"unknown log level '{level}'"),
    };

    /// <summary><c>http POST discord.com/api/v9/applications/*/external-assets status=429</c>: method, host+path with * wildcards.</summary>
    private static bool HttpMatches(HttpRecord record, List<string> rest, Dictionary<string, string> options)
    {
        if (rest.Count > 0 && rest[0] != "*" && !string.Equals(rest[0], record.Method, StringComparison.OrdinalIgnoreCase)) return false;
        if (rest.Count > 1 && !Wildcard(rest[1], record.Host + record.Path)) return false;
        return !options.TryGetValue("status", out var status) || record.Status.ToString(CultureInfo.InvariantCulture) == status;
    }

    private static bool Wildcard(string pattern, string text)
    {
        var parts = pattern.Split('*');
        if (!text.StartsWith(parts[0], StringComparison.OrdinalIgnoreCase)) return false;
        var at = parts[0].Length;
        for (var i = 1; i < parts.Length; i++)
        {
            if (i == parts.Length - 1) return parts[i].Length == 0 || text.Length - at >= parts[i].Length && text.EndsWith(parts[i], StringComparison.OrdinalIgnoreCase);
            var next = text.IndexOf(parts[i], at, StringComparison.OrdinalIgnoreCase);
            if (next < 0) return false;
            at = next + parts[i].Length;
        }
        return at == text.Length;
    }

    /// <summary>
    /// <c>presence alice shows "Song"</c>, <c>presence alice hides "Song"</c>, <c>presence alice clear</c>, <c>presence alice none</c>,
    /// <c>presence alice buttons = 2</c>, <c>presence alice button 1 "Listen" "open.spotify.com"</c> (exact label, URL containing).
    /// </summary>
    private void ExpectPresence(string what, List<string> words)
    {
        if (words.Count < 3) throw new FormatException("expect presence <user> shows \"text\" | hides \"text\" | clear | none");
        var user = words[1];
        var last = World.Discord.Presences.LastOrDefault(p => p.User == user);
        var got = last is null ? "no presence received" : $"last presence at {VirtualClock.Format(last.AtElapsedMs)}: {last}";
        switch (words[2])
        {
            case "shows":
                if (words.Count < 4) throw new FormatException("expect presence <user> shows \"text\"");
                Check(last is { IsClear: false } && last.Text.Contains(words[3], StringComparison.Ordinal), what, got);
                break;
            case "hides":
                if (words.Count < 4) throw new FormatException("expect presence <user> hides \"text\"");
                Check(last is null || !last.Text.Contains(words[3], StringComparison.Ordinal), what, got);
                break;
            case "clear":
                Check(last is { IsClear: true }, what, got);
                break;
            case "none":
                Check(last is null, what, got);
                break;
            case "activities":
                if (words.Count < 5 || !IsComparison(words[3])) throw new FormatException("expect presence <user> activities = N");
                var count = last?.Activities.Count ?? 0;
                Check(Compare(count, words[3], long.Parse(words[4], CultureInfo.InvariantCulture)), what, got);
                break;
            case "buttons":
                if (words.Count < 5 || !IsComparison(words[3])) throw new FormatException("expect presence <user> buttons = N");
                Check(Compare(last?.Buttons.Count ?? 0, words[3], long.Parse(words[4], CultureInfo.InvariantCulture)), what,
                    got + $" (buttons: {string.Join(", ", last?.Buttons.Select(b => $"{b.Label} → {b.Url}") ?? [])})");
                break;
            case "button":
                if (words.Count < 6 || !int.TryParse(words[3], CultureInfo.InvariantCulture, out var number) || number < 1)
                    throw new FormatException("expect presence <user> button <n> \"label\" \"url part\"");
                var button = last?.Buttons.ElementAtOrDefault(number - 1);
                Check(button is { } b && b.Label == words[4] && b.Url is { } url && url.Contains(words[5], StringComparison.Ordinal), what,
                    button is { } shown ? $"button {number} is \"{shown.Label}\" → {shown.Url}" : $"no button {number}; {got}");
                break;
            default:
                throw new FormatException($"unknown presence check '{words[2]}'");
        }
    }
}
