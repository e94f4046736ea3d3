using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Domain.Presence;
using Xunit;
using static Navidrome.DiscordPresence.Tests.Config.ConfigGen;

namespace Navidrome.DiscordPresence.Tests.Config;

/// <summary>Settings inside a users entry: absent means global, present wins for that user only.</summary>
public class PerUserSettingsTests
{
    private static ConfigSource Source(string aliceExtra, params (string Key, string Value)[] globals) =>
        ConfigSources.From(new Dictionary<string, string>(globals.ToDictionary(g => g.Key, g => g.Value))
        {
            ["clientid"] = ClientId,
            ["users"] = $$"""[{"username":"alice","token":"{{Tokens[0]}}"{{aliceExtra}}},{"username":"bob","token":"{{Tokens[1]}}"}]""",
        });

    [Fact]
    public void A_Go_plugin_entry_with_only_username_and_token_takes_every_global_value()
    {
        var source = Source("", ("onlinestatus", "idle"), ("detailstemplate", "{album}"));
        Assert.Empty(ConfigChecker.Problems(source));
        var alice = ConfigReader.Read(source, "alice").Config;
        Assert.Null(alice.Users.Single().Settings);
        Assert.Equal((OnlineStatus.Idle, "{album}", false), (alice.Status, alice.DetailsTemplate, alice.Hidden));
    }

    [Fact]
    public void A_per_user_value_wins_for_that_user_only()
    {
        var source = Source(""","onlinestatus":"dnd","statetemplate":"{album}","ignoredplayers":["Car"]""", ("onlinestatus", "idle"));
        var alice = ConfigReader.Read(source, "alice").Config;
        var bob = ConfigReader.Read(source, "bob").Config;
        Assert.Equal((OnlineStatus.Dnd, "{album}", true), (alice.Status, alice.StateTemplate, alice.IsIgnoredPlayer("car")));
        Assert.Equal((OnlineStatus.Idle, "{artist}", false), (bob.Status, bob.StateTemplate, bob.IsIgnoredPlayer("car")));
    }

    [Fact]
    public void A_bad_per_user_value_is_reported_naming_user_and_key_and_the_global_value_is_used()
    {
        var source = Source(""","pausemode":"freeze","detailstemplate":"{title} {{Tokens[1]}}","hidden":"maybe" """.Replace("{{Tokens[1]}}", Tokens[1]), ("pausemode", "clear"));
        Assert.Equal<string>([
            "config key 'detailstemplate' (user 'alice'): " + ConfigValues.TokenInside,
            "config key 'pausemode' (user 'alice'): expected one of frozen, clear, got \"freeze\"",
            "config key 'hidden' (user 'alice'): expected true or false, got \"maybe\"",
        ], ConfigChecker.Problems(source).Select(e => e.ToString()));
        var alice = ConfigReader.Read(source, "alice").Config;
        Assert.Equal((PauseMode.Clear, "{track}", false), (alice.Pause, alice.DetailsTemplate, alice.Hidden));
        Assert.True(ConfigReader.IsAuthorized(source, "alice"));
    }

    [Fact]
    public void A_hidden_user_keeps_their_token_and_shows_nothing()
    {
        var source = Source(""","hidden":true""");
        Assert.True(ConfigReader.IsAuthorized(source, "alice"));
        var read = ConfigReader.Read(source, "alice");
        Assert.Equal(Tokens[0], read.Tokens.For("alice"));
        var showing = new NowShowing(new Track("t", "Blue in Green", "Kind of Blue", "Miles Davis", "", "Miles Davis", 300), false, 0, 1, 1_800_000_000_000);
        Assert.True(PresenceComposer.Compose(showing, read.Config, Decorations.None).IsClear);
        Assert.False(PresenceComposer.Compose(showing, ConfigReader.Read(source, "bob").Config, Decorations.None).IsClear);
    }

    private static readonly (string Key, Gen<string> Json, Func<PluginConfig, object> Field)[] Overrides =
    [
        (ConfigKeys.OnlineStatus, Gen.Elements("online", "idle", "dnd", "invisible").Select(ConfigGen.Json), c => c.Status),
        (ConfigKeys.PauseMode, Gen.Elements("frozen", "clear").Select(ConfigGen.Json), c => c.Pause),
        (ConfigKeys.ActivityName, Gen.Elements("Default", "Track", "Album", "Artist", "Custom").Select(ConfigGen.Json), c => c.ActivityName),
        (ConfigKeys.ActivityNameTemplate, Gen.Elements("{track}", "{album} ({artist})").Select(ConfigGen.Json), c => c.ActivityNameTemplate),
        (ConfigKeys.DetailsTemplate, Gen.Elements("{album}", "x {track}").Select(ConfigGen.Json), c => c.DetailsTemplate),
        (ConfigKeys.StateTemplate, Gen.Elements("{albumartist}", "by {artist}").Select(ConfigGen.Json), c => c.StateTemplate),
        (ConfigKeys.IgnoredPlayers, Gen.Elements("[\"Car\"]", "[\"a\",\"b\"]", "\"x, y\"").Select(s => s), c => c.IgnoredPlayers),
        (ConfigKeys.Hidden, Gen.Elements("true", "false"), c => c.Hidden),
    ];

    [Property(MaxTest = 500)]
    public Property A_per_user_value_wins_over_the_global_one_and_nothing_else_changes() =>
        Prop.ForAll(Models.ToArbitrary(), Gen.Choose(0, Overrides.Length - 1).SelectMany(i => Overrides[i].Json.Select(v => (i, v))).ToArbitrary(), (model, choice) =>
        {
            var (key, _, field) = Overrides[choice.i];
            var value = choice.v;
            // alice first, with a good token and only this setting of her own; the rest of the generated config as it is.
            var plain = new Entry("alice", Tokens[0], []);
            var own = plain with { Settings = [(key, value)] };
            var without = ConfigReader.Read(ConfigSources.From((model with { Users = [plain, .. model.Users] }).Raw()), "alice").Config;
            var with = ConfigReader.Read(ConfigSources.From((model with { Users = [own, .. model.Users] }).Raw()), "alice").Config;
            var expected = ConfigReader.Read(ConfigSources.From(new Dictionary<string, string> { ["clientid"] = ClientId, ["users"] = UsersJson([own]) }), "alice").Config;
            return (Equals(field(with), field(expected))
                    && with with { Users = [], Status = without.Status, Pause = without.Pause, ActivityName = without.ActivityName,
                        ActivityNameTemplate = without.ActivityNameTemplate, DetailsTemplate = without.DetailsTemplate,
                        StateTemplate = without.StateTemplate, IgnoredPlayers = without.IgnoredPlayers, Hidden = without.Hidden }
                    == without with { Users = [] }
                    && OnlyDiffersIn(key, with, without))
                .Label($"{key} = {value}: {with} vs {without}");
        });

    /// <summary>Every overridable field other than <paramref name="key"/>'s is the global one.</summary>
    private static bool OnlyDiffersIn(string key, PluginConfig with, PluginConfig without) =>
        Overrides.Where(o => o.Key != key).All(o => Equals(o.Field(with), o.Field(without)));
}
