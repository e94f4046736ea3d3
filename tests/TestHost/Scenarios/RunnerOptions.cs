namespace Navidrome.DiscordPresence.TestHost.Scenarios;

/// <summary>What <c>./scenarios.sh</c> was asked to do: replay scenario files, run the scale run, or show the usage.</summary>
public sealed record RunnerOptions
{
    /// <summary>The modes and flags, as <c>--help</c> prints them.</summary>
    public const string Usage = """
        usage: ./scenarios.sh [--quiet] [--concurrent] [--chaos <seed>] [--wasm <plugin.wasm>] [<file.scenario | folder>...]
               ./scenarios.sh --scale <users> [--minutes <m>] [--busy <events/s> [--without-intents]] [--concurrent] [--wasm <plugin.wasm>] [--transcript <file>]
               ./scenarios.sh --help

        Replay (the default): plays each scenario file (default: every file under tests/scenarios) and prints its
        transcript and verdict; exits 1 if any failed, 2 if no files were found.
          --quiet               print only the transcripts of failing scenarios, then every verdict
          --concurrent          playback calls go through Navidrome's two independent workers (docs/scenarios.md)
          --wasm <plugin.wasm>  drive the built module under Wasmtime instead of the managed plugin
          --chaos <seed>        replay each scenario faithfully, then again with the concurrent workers, 0-60 ms
                                WebSocket dial delays, shuffled same-instant timers and injected host failures
                                (scheduler calls, cache/KV reads and writes, WebSocket sends, HTTP timeouts), all
                                decided by <seed> (a whole number; the verdicts print it). Step expectations only
                                note failures there; what counts is the recovery after a 3-minute quiet tail with no
                                faults: each user's Discord shows what the faithful replay shows, no second identify
                                on a connection, and every invariant (no token in logs, the presence budget, ...).
        Scale run: <users> users listen at once for a simulated hour; exits 1 on failed calls, unsettled users or a
        broken presence budget.
          --minutes <m>         simulated minutes instead of 60
          --busy <events/s>     every account is busy: its servers produce that many guild events a second (as far
                                as the identify's intents let them through) and its READY is tens of KB
          --without-intents     with --busy: the fake reads each identify as if it had no intents (every group
                                on, as the plugin identified before issue 10), to measure what that cost
          --transcript <file>   also write the whole run's transcript to <file>
          --concurrent, --wasm  as for replays
        A flag the runner does not know, a missing or malformed value, or a flag of the other mode is an error (exit 2).
        """;

    /// <summary>The one-line reminder printed under an error.</summary>
    public const string UsageLine = "usage: ./scenarios.sh [--quiet] [--concurrent] [--chaos <seed>] [--wasm <plugin.wasm>] [<file.scenario | folder>...] | --scale <users> [--minutes <m>] [--busy <events/s> [--without-intents]] [--transcript <file>] | --help";

    /// <summary>Show the usage and stop.</summary>
    public bool Help { get; init; }

    /// <summary>Print only failing transcripts (replay).</summary>
    public bool Quiet { get; init; }

    /// <summary>Run playback calls through Navidrome's concurrent workers.</summary>
    public bool Concurrent { get; init; }

    /// <summary>The seed of a chaos replay, or null for a faithful one.</summary>
    public int? ChaosSeed { get; init; }

    /// <summary>The module to drive instead of the managed plugin, or null.</summary>
    public string? Wasm { get; init; }

    /// <summary>The number of users of a scale run, or null for a replay.</summary>
    public int? ScaleUsers { get; init; }

    /// <summary>The simulated minutes of a scale run.</summary>
    public int Minutes { get; init; } = 60;

    /// <summary>Guild events per second each account of a scale run streams (busy accounts), or null for quiet accounts.</summary>
    public double? BusyEventsPerSecond { get; init; }

    /// <summary>With <see cref="BusyEventsPerSecond"/>: the fake ignores the identify's intents (every group on).</summary>
    public bool WithoutIntents { get; init; }

    /// <summary>Where a scale run writes its transcript, or null.</summary>
    public string? Transcript { get; init; }

    /// <summary>The scenario files and folders to replay (empty: every file under tests/scenarios).</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>Reads the command line; the error names the first argument that is wrong.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out RunnerOptions options, out string error)
    {
        options = new RunnerOptions();
        error = "";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool minutesGiven = false;
        var targets = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-') || arg == "-")
            {
                targets.Add(arg);
                continue;
            }
            if (arg == "--")
            {
                targets.AddRange(args.Skip(i + 1));
                break;
            }
            if (!seen.Add(arg)) return Fail($"{arg} is given twice", out error);
            switch (arg)
            {
                case "--help" or "-h":
                    options = options with { Help = true };
                    break;
                case "--quiet":
                    options = options with { Quiet = true };
                    break;
                case "--concurrent":
                    options = options with { Concurrent = true };
                    break;
                case "--wasm":
                    if (!TryValue(args, ref i, out var wasm, out error)) return false;
                    options = options with { Wasm = wasm };
                    break;
                case "--chaos":
                    if (!TryValue(args, ref i, out var seedText, out error)) return false;
                    if (!int.TryParse(seedText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seed))
                        return Fail($"--chaos needs a whole number seed, not '{seedText}'", out error);
                    options = options with { ChaosSeed = seed };
                    break;
                case "--transcript":
                    if (!TryValue(args, ref i, out var transcript, out error)) return false;
                    options = options with { Transcript = transcript };
                    break;
                case "--scale":
                    if (!TryCount(args, ref i, out var users, out error)) return false;
                    options = options with { ScaleUsers = users };
                    break;
                case "--busy":
                    if (!TryValue(args, ref i, out var busy, out error)) return false;
                    if (!double.TryParse(busy, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var eventsPerSecond) || eventsPerSecond <= 0)
                        return Fail($"--busy needs a positive number of guild events per second, not '{busy}'", out error);
                    options = options with { BusyEventsPerSecond = eventsPerSecond };
                    break;
                case "--without-intents":
                    options = options with { WithoutIntents = true };
                    break;
                case "--minutes":
                    if (!TryCount(args, ref i, out var minutes, out error)) return false;
                    options = options with { Minutes = minutes };
                    minutesGiven = true;
                    break;
                default:
                    return Fail($"unknown flag {arg}", out error);
            }
        }
        options = options with { Targets = targets };
        if (options.Help) return true;
        if (options.ScaleUsers is null)
        {
            if (minutesGiven) return Fail("--minutes needs --scale", out error);
            if (options.BusyEventsPerSecond is not null) return Fail("--busy needs --scale", out error);
            if (options.WithoutIntents) return Fail("--without-intents needs --scale", out error);
            if (options.Transcript is not null) return Fail("--transcript needs --scale", out error);
        }
        else
        {
            if (options.Quiet) return Fail("--quiet applies to replays, not to --scale", out error);
            if (options.ChaosSeed is not null) return Fail("--chaos applies to replays, not to --scale", out error);
            if (options.WithoutIntents && options.BusyEventsPerSecond is null) return Fail("--without-intents needs --busy", out error);
            if (targets.Count > 0) return Fail($"--scale takes no scenario files ({targets[0]})", out error);
        }
        if (options.Wasm is { } path && !File.Exists(path)) return Fail($"--wasm {path}: no such file (run ./build.sh)", out error);
        return true;
    }

    private static bool TryValue(IReadOnlyList<string> args, ref int i, out string value, out string error)
    {
        value = "";
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            return Fail($"{args[i]} needs a value", out error);
        value = args[++i];
        error = "";
        return true;
    }

    private static bool TryCount(IReadOnlyList<string> args, ref int i, out int count, out string error)
    {
        count = 0;
        var flag = args[i];
        if (!TryValue(args, ref i, out var text, out error)) return false;
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count) || count < 1)
            return Fail($"{flag} needs a whole number of at least 1, not '{text}'", out error);
        return true;
    }

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }
}
