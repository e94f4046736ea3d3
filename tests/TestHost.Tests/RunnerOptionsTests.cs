using Navidrome.DiscordPresence.TestHost.Scenarios;
using Xunit;

namespace Navidrome.DiscordPresence.TestHost.Tests;

/// <summary>./scenarios.sh takes the modes its usage lists, and refuses anything else instead of guessing.</summary>
public class RunnerOptionsTests
{
    private static RunnerOptions Parsed(params string[] args)
    {
        Assert.True(RunnerOptions.TryParse(args, out var options, out var error), error);
        return options;
    }

    private static string Refused(params string[] args)
    {
        Assert.False(RunnerOptions.TryParse(args, out _, out var error));
        return error;
    }

    [Fact]
    public void No_arguments_replay_every_scenario()
    {
        var options = Parsed();
        Assert.Equal((false, false, false, null, null), (options.Help, options.Quiet, options.Concurrent, options.Wasm, options.ScaleUsers));
        Assert.Empty(options.Targets);
    }

    [Fact]
    public void A_replay_takes_files_and_its_flags()
    {
        var options = Parsed("--quiet", "--concurrent", "tests/scenarios/01-listening-session.scenario", "tests/scenarios");
        Assert.True(options.Quiet && options.Concurrent);
        Assert.Equal(["tests/scenarios/01-listening-session.scenario", "tests/scenarios"], options.Targets);
    }

    [Fact]
    public void A_chaos_replay_takes_a_seed()
    {
        Assert.Equal(7, Parsed("--chaos", "7", "tests/scenarios").ChaosSeed);
        Assert.Null(Parsed().ChaosSeed);
        Assert.Equal("--chaos needs a whole number seed, not 'x'", Refused("--chaos", "x"));
        Assert.Equal("--chaos applies to replays, not to --scale", Refused("--scale", "3", "--chaos", "1"));
    }

    [Fact]
    public void A_scale_run_takes_users_minutes_and_a_transcript()
    {
        var options = Parsed("--scale", "25", "--minutes", "10", "--transcript", "run.txt", "--concurrent");
        Assert.Equal((25, 10, "run.txt", true), (options.ScaleUsers, options.Minutes, options.Transcript, options.Concurrent));
        Assert.Null(options.BusyEventsPerSecond);
    }

    [Fact]
    public void A_scale_run_takes_a_busy_rate()
    {
        Assert.Equal(2.5, Parsed("--scale", "5", "--busy", "2.5").BusyEventsPerSecond);
        Assert.True(Parsed("--scale", "5", "--busy", "2", "--without-intents").WithoutIntents);
    }

    [Fact]
    public void Help_is_a_mode_and_the_usage_names_every_flag()
    {
        Assert.True(Parsed("--help").Help);
        foreach (var flag in new[] { "--quiet", "--concurrent", "--chaos", "--wasm", "--scale", "--minutes", "--busy", "--without-intents", "--transcript", "--help" })
        {
            Assert.Contains(flag, RunnerOptions.Usage, StringComparison.Ordinal);
            Assert.Contains(flag, RunnerOptions.UsageLine, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("unknown flag --quite", "--quite")]
    [InlineData("--busy needs --scale", "--busy", "2")]
    [InlineData("--without-intents needs --busy", "--scale", "3", "--without-intents")]
    [InlineData("--busy needs a positive number of guild events per second, not '0'", "--scale", "3", "--busy", "0")]
    [InlineData("--scale needs a value", "--scale")]
    [InlineData("--scale needs a whole number of at least 1, not 'ten'", "--scale", "ten")]
    [InlineData("--scale needs a whole number of at least 1, not '0'", "--scale", "0")]
    [InlineData("--minutes needs a whole number of at least 1, not '-5'", "--scale", "3", "--minutes", "-5")]
    [InlineData("--minutes needs --scale", "--minutes", "5")]
    [InlineData("--transcript needs --scale", "--transcript", "out.txt")]
    [InlineData("--quiet applies to replays, not to --scale", "--scale", "3", "--quiet")]
    [InlineData("--scale takes no scenario files (tests/scenarios)", "--scale", "3", "tests/scenarios")]
    [InlineData("--wasm needs a value", "--wasm", "--quiet")]
    [InlineData("--quiet is given twice", "--quiet", "--quiet")]
    public void A_wrong_command_line_is_an_error_naming_the_problem(string expected, params string[] args) =>
        Assert.Equal(expected, Refused(args));

    [Fact]
    public void A_module_that_does_not_exist_is_an_error() =>
        Assert.StartsWith("--wasm no/such/plugin.wasm: no such file", Refused("--wasm", "no/such/plugin.wasm"), StringComparison.Ordinal);
}
