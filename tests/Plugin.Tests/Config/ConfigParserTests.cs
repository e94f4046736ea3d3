using Navidrome.DiscordPresence.Domain.Config;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Config;

public class ConfigParserTests
{
    private const string ClientId = "1234567890123456789";
    private const string AliceToken = "MTA5ODc2NTQzMjEw.GaBcDe.secret-alice_token";

    private static ConfigParse Parse(params (string Key, string Value)[] pairs) =>
        ConfigParser.Parse(pairs.ToDictionary(p => p.Key, p => p.Value));

    private static ConfigParse WithClient(params (string Key, string Value)[] pairs) => Parse([("clientid", ClientId), .. pairs]);

    [Fact]
    public void A_saved_Go_plugin_config_keeps_its_meaning()
    {
        // As Navidrome flattens the Go plugin's saved JSON: users as JSON text, booleans as "true"/"false".
        var parse = Parse(
            ("clientid", ClientId),
            ("users", $$"""[{"token":"{{AliceToken}}","username":"alice"}]"""),
            ("activityname", "Custom"),
            ("activitynametemplate", "{track} by {artist}"),
            ("caaenabled", "true"),
            ("uguuenabled", "false"),
            ("spotifylinks", "true"));
        Assert.Empty(parse.Errors);
        var config = parse.Config;
        Assert.Equal(ClientId, config.ClientId);
        Assert.Equal("alice", config.Users.Single().Username);
        Assert.Equal(AliceToken, parse.Tokens.For("alice"));
        Assert.Equal((ActivityNameMode.Custom, "{track} by {artist}"), (config.ActivityName, config.ActivityNameTemplate));
        Assert.Equal(new ArtworkOptions(CoverArtArchive: true, UguuUpload: false, NavidromeArtwork: true, ShowLogo: false), config.Artwork);
        Assert.Equal(LinkMode.Spotify, config.Links);
        Assert.Equal(StatusDisplay.Name, config.StatusDisplay); // the Go plugin's pairing for a non-Default name
    }

    [Fact]
    public void Absent_keys_take_the_documented_defaults()
    {
        var parse = WithClient();
        Assert.Empty(parse.Errors);
        var config = parse.Config;
        Assert.Equal(ActivityNameMode.Default, config.ActivityName);
        Assert.Equal(("{artist} - {track}", "{track}", "{artist}", "{album}"),
            (config.ActivityNameTemplate, config.DetailsTemplate, config.StateTemplate, config.LargeTextTemplate));
        Assert.Equal((StatusDisplay.Details, OnlineStatus.Online, PauseMode.Frozen, 30),
            (config.StatusDisplay, config.Status, config.Pause, config.PauseTimeoutMinutes));
        Assert.Empty(config.IgnoredPlayers);
        Assert.Equal(new ArtworkOptions(false, false, true, false), config.Artwork);
        Assert.Equal(LinkMode.None, config.Links);
        Assert.True(config.YieldToOtherApps);
        Assert.Empty(config.Users);
    }

    [Fact]
    public void Every_key_of_the_plugin_is_read_and_case_does_not_matter_in_choices()
    {
        var parse = WithClient(
            ("detailstemplate", "{album}"), ("statetemplate", "{albumartist}"), ("largetexttemplate", "{track}"),
            ("statusdisplaytype", "STATE"), ("onlinestatus", "Idle"), ("pausemode", "clear"), ("pausetimeoutminutes", "0"),
            ("ignoredplayers", """["Sonos Kitchen"," feishin "]"""), ("navidromeartwork", "False"), ("showlogo", "TRUE"),
            ("links", "musicbrainz"), ("spotifylinks", "true"), ("yieldtootherapps", "false"));
        Assert.Empty(parse.Errors);
        var c = parse.Config;
        Assert.Equal(("{album}", "{albumartist}", "{track}"), (c.DetailsTemplate, c.StateTemplate, c.LargeTextTemplate));
        Assert.Equal((StatusDisplay.State, OnlineStatus.Idle, PauseMode.Clear, 0), (c.StatusDisplay, c.Status, c.Pause, c.PauseTimeoutMinutes));
        Assert.Equal<string>(["Sonos Kitchen", "feishin"], c.IgnoredPlayers);
        Assert.Equal(new ArtworkOptions(false, false, false, true), c.Artwork);
        Assert.Equal(LinkMode.MusicBrainz, c.Links); // the newer key wins over spotifylinks
        Assert.True(c.IsIgnoredPlayer("sonos kitchen"));
        Assert.False(c.YieldToOtherApps);
    }

    [Theory]
    [InlineData("Kitchen, Car ,Phone")]
    [InlineData("Kitchen\nCar\nPhone")]
    public void Ignored_players_may_also_be_plain_text(string text) =>
        Assert.Equal<string>(["Kitchen", "Car", "Phone"], WithClient(("ignoredplayers", text)).Config.IgnoredPlayers);

    [Theory]
    [InlineData("statusdisplaytype", "1")]
    [InlineData("statusdisplaytype", "state")]
    public void Status_display_type_takes_Discords_number_or_its_name(string key, string value) =>
        Assert.Equal(StatusDisplay.State, WithClient((key, value)).Config.StatusDisplay);

    [Theory]
    [InlineData("onlinestatus", "busy", "expected one of online, idle, dnd, invisible")]
    [InlineData("pausemode", "freeze", "expected one of frozen, clear")]
    [InlineData("pausetimeoutminutes", "1e+21", "expected a whole number from 0 to 1440")]
    [InlineData("pausetimeoutminutes", "-5", "expected a whole number from 0 to 1440")]
    [InlineData("pausetimeoutminutes", "2.5", "expected a whole number from 0 to 1440")]
    [InlineData("caaenabled", "yes", "expected true or false")]
    [InlineData("activityname", "Song", "expected one of default, track, album, artist, custom")]
    [InlineData("detailstemplate", "{title}", "unknown placeholder {title}")]
    [InlineData("ignoredplayers", "[1,2]", "expected a list of names")]
    [InlineData("ignoredplayers", "[\"a\"", "not valid JSON")]
    public void A_bad_value_is_named_with_its_problem_and_the_default_used(string key, string value, string problem)
    {
        var parse = WithClient((key, value));
        var error = Assert.Single(parse.Errors);
        Assert.Equal(key, error.Key);
        Assert.Contains(problem, error.Problem);
        Assert.Equal(WithClient().Config, parse.Config);
        Assert.StartsWith($"config key '{key}'", error.ToString());
    }

    [Theory]
    [InlineData(null, "is missing")]
    [InlineData("", "is missing")]
    [InlineData("12345", "17 to 20 digits")]
    [InlineData("my-app", "17 to 20 digits")]
    public void A_missing_or_malformed_client_id_silences_everyone(string? clientId, string problem)
    {
        var parse = clientId is null ? Parse() : Parse(("clientid", clientId));
        Assert.Null(parse.Config.ClientId);
        Assert.Contains(problem, Assert.Single(parse.Errors, e => e.Key == "clientid").Problem);
    }

    [Fact]
    public void A_bad_user_entry_leaves_out_only_that_user_and_never_shows_a_token()
    {
        var users = $$"""
            [{"username":"alice","token":"{{AliceToken}}"},
             {"username":"bob","token":""},
             {"username":"carol","token":"Bearer abc.def.ghi"},
             {"username":"dave","token":"abc def"},
             {"token":"orphan.token.value"},
             {"username":"alice","token":"second.alice.token"},
             {"username":"erin","token":"erin.token.value"}]
            """;
        var parse = WithClient(("users", users));
        Assert.Equal<string>(["alice", "erin"], parse.Config.Users.Select(u => u.Username));
        Assert.Equal(AliceToken, parse.Tokens.For("alice"));
        Assert.Equal<string?>(["bob", "carol", "dave", null, "alice"], parse.Errors.Select(e => e.Username));
        var lines = string.Join("\n", parse.Errors);
        foreach (var secret in new[] { "secret-alice", "abc.def.ghi", "abc def", "orphan.token", "second.alice" })
            Assert.DoesNotContain(secret, lines);
    }

    [Theory]
    [InlineData("not json at all MTA5ODc2NTQzMjEw.secret")]
    [InlineData("""{"username":"alice","token":"MTA5ODc2NTQzMjEw.secret"}""")]
    [InlineData("""[{"username":"alice","token":"MTA5ODc2NTQzMjEw.secret""")]
    public void Unreadable_users_text_is_one_error_that_quotes_nothing(string users)
    {
        var parse = WithClient(("users", users));
        Assert.Empty(parse.Config.Users);
        var error = Assert.Single(parse.Errors);
        Assert.Equal("users", error.Key);
        Assert.DoesNotContain("secret", error.ToString());
    }

    [Fact]
    public void A_token_is_held_only_as_a_fingerprint_in_the_config()
    {
        var parse = WithClient(("users", $$"""[{"username":"alice","token":"{{AliceToken}}"}]"""));
        var user = parse.Config.Users.Single();
        Assert.Equal(16, user.TokenFingerprint.Length);
        Assert.DoesNotContain(AliceToken, parse.Config.ToString());
        Assert.DoesNotContain(AliceToken, parse.Tokens.ToString());
        Assert.NotEqual(user.TokenFingerprint, TokenFingerprint.Of(AliceToken + "x"));
    }

    [Fact]
    public void An_empty_custom_name_template_is_kept_so_the_name_falls_back_to_Navidrome() =>
        Assert.Equal("", WithClient(("activityname", "Custom"), ("activitynametemplate", "")).Config.ActivityNameTemplate);

    [Theory]
    [InlineData("null")]
    [InlineData("  ")]
    public void Null_or_blank_values_count_as_absent(string value) =>
        Assert.Equal(WithClient().Config, WithClient(("onlinestatus", value), ("pausetimeoutminutes", value)).Config);
}
