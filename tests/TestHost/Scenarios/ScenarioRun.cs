using System.Text.Json.Nodes;

namespace Navidrome.DiscordPresence.TestHost.Scenarios;

/// <summary>One replay of a scenario: carries out its steps against a world and collects failed checks.</summary>
public sealed partial class ScenarioRun(TestWorld world, Scenario scenario)
{
    private readonly List<string> _failures = [];
    private readonly List<string> _tolerated = [];

    public TestWorld World { get; } = world;
    public Scenario Scenario { get; } = scenario;
    public int Checked { get; private set; }
    public IReadOnlyList<string> Failures => _failures;

    /// <summary>Failed checks that did not count: step expectations of a chaos run, where injected faults may break them.</summary>
    public IReadOnlyList<string> Tolerated => _tolerated;

    /// <summary>True while a failed check is only noted (a chaos run's steps); the final checks always count.</summary>
    public bool ToleratesFailedExpectations { get; set; }

    /// <summary>Records a check's outcome in the transcript and, when it failed, in the failures (or the tolerated ones).</summary>
    public void Check(bool passed, string what, string detail = "")
    {
        Checked++;
        var text = detail.Length > 0 ? $"{what} — {detail}" : what;
        World.Transcript.Add("check", (passed ? "✔ " : ToleratesFailedExpectations ? "~ " : "✘ ") + text);
        if (passed) return;
        (ToleratesFailedExpectations ? _tolerated : _failures).Add($"[{VirtualClock.Format(World.Clock.ElapsedMs)}] {text}");
    }

    public void Execute(ScenarioStep step)
    {
        try
        {
            Dispatch(step);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            Check(false, $"line {step.Line}: {step.Text}", e.Message);
        }
    }

    private void Dispatch(ScenarioStep step)
    {
        var args = step.Args;
        switch (step.Verb)
        {
            case "play" or "start" or "pause" or "stop" or "expire" or "playing" or "starting" or "paused" or "stopped" or "expired":
                Report(step.Verb, args);
                break;
            case "nowplaying":
                var (npOptions, npRest) = ScenarioText.Options(args);
                Need(npRest, 2, "nowplaying <user> <track> [at=<position>]");
                World.Scrobbler.NowPlaying(npRest[0], TrackOf(npRest[1]), ScenarioText.Time(npOptions.GetValueOrDefault("at", "0")) / 1000);
                break;
            case "reload":
                World.Host.Reload();
                break;
            case "config":
                // "config key = value": the admin saves the config; Navidrome reloads the plugin.
                // The raw text after the verb: JSON values keep their quotes.
                var text = step.Text[(step.Text.IndexOf(" config ", StringComparison.Ordinal) + " config ".Length)..];
                var eq = text.IndexOf('=');
                if (eq <= 0) throw new FormatException("config <key> = <value>");
                var config = JsonNode.Parse(World.Host.Config.SavedJson)!.AsObject();
                config[text[..eq].Trim()] = ScenarioParser.ConfigValue(text[(eq + 1)..].Trim());
                World.Transcript.Add("admin", $"saves config {text[..eq].Trim()}");
                foreach (var (token, user) in TestWorld.TokensIn(config.ToJsonString())) World.Discord.Accounts[token] = user;
                World.Host.Reload(config.ToJsonString());
                break;
            case "discord":
                Discord(args);
                break;
            case "web":
                Web(args);
                break;
            case "host":
                // "host fails <function> [matching=<text>] [times=<n>]": the next calls of a host function fail.
                var (faultOptions, faultRest) = ScenarioText.Options(args);
                Need(faultRest, 2, "host fails <host function> [matching=<text>] [times=<n>]");
                if (faultRest[0] != "fails") throw new FormatException("host fails <host function> [matching=<text>] [times=<n>]");
                World.Host.FailNext(faultRest[1], faultOptions.GetValueOrDefault("matching", ""),
                    int.Parse(faultOptions.GetValueOrDefault("times", "1"), System.Globalization.CultureInfo.InvariantCulture));
                break;
            case "expect":
                Expect(step, args);
                break;
            case "note":
                World.Transcript.Add("scenario", string.Join(' ', args));
                break;
            case "wait":
                break; // only moves the clock to the step's time
            default:
                throw new FormatException($"unknown action '{step.Verb}'");
        }
    }

    private static void Need(List<string> words, int count, string usage)
    {
        if (words.Count < count) throw new FormatException("usage: " + usage);
    }

    private TrackInfo TrackOf(string key) =>
        Scenario.Tracks.TryGetValue(key, out var track) ? track : throw new FormatException($"unknown track '{key}'");

    private void Report(string verb, IReadOnlyList<string> args)
    {
        var state = verb switch
        {
            "play" or "playing" => "playing",
            "start" or "starting" => "starting",
            "pause" or "paused" => "paused",
            "stop" or "stopped" => "stopped",
            _ => "expired",
        };
        var (options, rest) = ScenarioText.Options(args);
        Need(rest, 2, $"{verb} <user> <track> [at=<position>] [player=<id>|none] [name=<player name>] [rate=<rate>]");
        var rate = options.TryGetValue("rate", out var r) ? double.Parse(r, System.Globalization.CultureInfo.InvariantCulture) : 1.0;
        var player = options.GetValueOrDefault("player", "player-1");
        var name = options.GetValueOrDefault("name", player);
        // player=none: a client that reports no playerId (Navidrome then sends an empty one).
        if (player == "none") player = "";
        World.Scrobbler.Report(rest[0], TrackOf(rest[1]), state, ScenarioText.Time(options.GetValueOrDefault("at", "0")), rate, player, name);
    }

    private string TokenOf(string user) =>
        World.Discord.Accounts.FirstOrDefault(a => a.Value == user).Key ?? throw new FormatException($"no token for '{user}' in the config");

    private void Discord(IReadOnlyList<string> args)
    {
        var discord = World.Discord;
        var (options, rest) = ScenarioText.Options(args);
        Need(rest, 1, "discord <action> …");
        string User() => rest.Count > 1 ? rest[1] : throw new FormatException($"discord {rest[0]} <user>");
        switch (rest[0])
        {
            case "op7" or "reconnect": discord.Reconnect(User()); break;
            case "op9" or "invalid-session": discord.InvalidSession(User(), rest.Skip(2).Contains("resumable")); break;
            case "heartbeat-request" or "op1": discord.RequestHeartbeat(User()); break;
            case "noise": discord.Noise(User(), rest.Count > 2 ? int.Parse(rest[2], System.Globalization.CultureInfo.InvariantCulture) : 5); break;
            case "other-session":
                // discord other-session <user> listening "<name>" [app=<application id>] | discord other-session <user> ends
                const string usage = "discord other-session <user> listening \"<name>\" [app=<application id>] | discord other-session <user> ends";
                Need(rest, 3, usage);
                if (rest[2] == "listening" && rest.Count > 3) discord.SetOtherSession(User(), rest[3], options.GetValueOrDefault("app"));
                else if (rest[2] == "ends") discord.SetOtherSession(User(), null);
                else throw new FormatException(usage);
                break;
            case "close":
                Need(rest, 3, "discord close <user> <code> [reason]");
                discord.Close(User(), int.Parse(rest[2], System.Globalization.CultureInfo.InvariantCulture), string.Join(' ', rest.Skip(3)));
                break;
            case "drop": discord.Drop(User()); break;
            case "busy":
                // discord busy <user> rate=<events per second> [guilds=N] [relationships=N] [private-channels=N]
                if (!options.TryGetValue("rate", out var rate)) throw new FormatException("discord busy <user> rate=<guild events per second> [guilds=N] [relationships=N] [private-channels=N]");
                var defaults = new Discord.BusyAccount(0);
                int Size(string key, int fallback) => options.TryGetValue(key, out var v) ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
                var account = new Discord.BusyAccount(
                    double.Parse(rate.EndsWith("/s", StringComparison.Ordinal) ? rate[..^2] : rate, System.Globalization.CultureInfo.InvariantCulture),
                    Size("guilds", defaults.Guilds), Size("relationships", defaults.Relationships), Size("private-channels", defaults.PrivateChannels));
                discord.MakeBusy(User(), account);
                World.Transcript.Add("discord", $"{User()} is a busy account: {account.EventsPerSecond} guild events/s, READY with {account.Guilds} guilds, {account.Relationships} relationships, {account.PrivateChannels} private channels");
                break;
            case "expire-sessions": discord.ExpireSessions(User()); break;
            case "down": discord.SetGatewayReachable(false); break;
            case "up": discord.SetGatewayReachable(true); break;
            case "acks":
                Need(rest, 2, "discord acks on|off [user]");
                var who = rest.Count > 2 ? rest[2] : "*";
                if (rest[1] == "off") discord.AcksWithheldFor.Add(who); else discord.AcksWithheldFor.Remove(who);
                World.Transcript.Add("discord", $"heartbeat ACKs {rest[1]} for {who}");
                break;
            case "reject-token":
                discord.RejectedTokens.Add(TokenOf(User()));
                World.Transcript.Add("discord", $"now rejects {User()}'s token");
                break;
            case "accept-token":
                discord.RejectedTokens.Remove(TokenOf(User()));
                break;
            case "assets":
                Need(rest, 2, "discord assets 200|401|429 [retry-after=<seconds>]");
                discord.AssetsStatus = int.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture);
                if (options.TryGetValue("retry-after", out var retry)) discord.AssetsRetryAfterSeconds = int.Parse(retry, System.Globalization.CultureInfo.InvariantCulture);
                World.Transcript.Add("discord", $"external-assets now answers {discord.AssetsStatus}");
                break;
            case "gateway-lookup":
                Need(rest, 2, "discord gateway-lookup <status>");
                discord.GatewayLookupStatus = int.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture);
                break;
            case "hello-interval":
                Need(rest, 2, "discord hello-interval <ms>");
                discord.HeartbeatIntervalMs = int.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture);
                break;
            default:
                throw new FormatException($"unknown discord action '{rest[0]}'");
        }
    }

    private void Web(IReadOnlyList<string> args)
    {
        var web = World.Web;
        Need([.. args], 3, "web <coverart|listenbrainz|uguu> <setting> <value>");
        int Status() => int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
        switch (args[0], args[1])
        {
            case ("coverart", "missing"): web.CoverArtMissing.Add(args[2]); break;
            case ("coverart", "status"): web.CoverArtStatus = Status(); break;
            case ("listenbrainz", "status"): web.ListenBrainzStatus = Status(); break;
            case ("listenbrainz", "finds"): web.ListenBrainzFindsNothing = args[2] == "nothing"; break;
            case ("uguu", "status"): web.UguuStatus = Status(); break;
            default: throw new FormatException($"unknown web setting '{args[0]} {args[1]}'");
        }
    }
}
