using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Domain.Presence;
using Xunit;
using static Navidrome.DiscordPresence.Tests.Config.ConfigGen;

namespace Navidrome.DiscordPresence.Tests.Config;

/// <summary>A token never shows up in a config error or a presence, wherever an admin (or a tag) puts it.</summary>
public class SecretTests
{
    private static readonly string Token = Tokens[0];
    private static readonly string Users = $$"""[{"username":"alice","token":"{{Token}}"}]""";

    private static ConfigParse Parse(params (string Key, string Value)[] pairs) =>
        ConfigParser.Parse(new Dictionary<string, string>(pairs.ToDictionary(p => p.Key, p => p.Value)) { ["users"] = Users, ["clientid"] = pairs.FirstOrDefault(p => p.Key == "clientid").Value ?? ClientId });

    /// <summary>No run of 6 characters of the token appears in the text.</summary>
    private static void AssertNoPieceOfToken(string text)
    {
        for (var i = 0; i + 6 <= Token.Length; i++) Assert.DoesNotContain(Token.Substring(i, 6), text);
    }

    [Fact]
    public void A_token_pasted_into_the_client_id_is_not_quoted()
    {
        var error = Assert.Single(Parse(("clientid", Token)).Errors);
        Assert.Equal($"config key 'clientid': expected a Discord application id (17 to 20 digits), got a value of {Token.Length} characters (not shown); no presence is shown until it is fixed", error.ToString());
    }

    [Theory]
    [InlineData("onlinestatus")]
    [InlineData("pausetimeoutminutes")]
    [InlineData("links")]
    [InlineData("caaenabled")]
    public void A_token_pasted_into_any_other_key_is_not_quoted(string key) =>
        AssertNoPieceOfToken(Assert.Single(Parse((key, Token)).Errors).ToString());

    [Theory]
    [InlineData("detailstemplate")]
    [InlineData("statetemplate")]
    [InlineData("activitynametemplate")]
    [InlineData("largetexttemplate")]
    [InlineData("smalltexttemplate")]
    [InlineData("ignoredplayers")]
    public void A_template_or_list_holding_a_token_is_refused_without_quoting_it(string key)
    {
        var parse = Parse((key, "{track} " + Token + " {artist}"));
        var error = Assert.Single(parse.Errors);
        Assert.Equal($"config key '{key}': {ConfigValues.TokenInside}", error.ToString());
        Assert.Equal(Parse().Config, parse.Config);
    }

    [Fact]
    public void A_username_holding_its_token_is_refused_and_not_named()
    {
        var parse = ConfigParser.Parse(new Dictionary<string, string>
        {
            ["clientid"] = ClientId,
            ["users"] = $$"""[{"username":"{{Token}}","token":"{{Token}}"},{"username":"x{{Token}}","token":""}]""",
        });
        Assert.Empty(parse.Config.Users);
        Assert.Equal<string>([
            "config key 'users': entry 1 has its Discord token in the username field",
            "config key 'users': entry 2 has no Discord token (its username is not shown: it contains a Discord token)",
        ], parse.Errors.Select(e => e.ToString()));
        Assert.Equal<string>(["config key 'users': entry 2 has its Discord token in the username field"], ConfigParser.Parse(new Dictionary<string, string>
        {
            ["clientid"] = ClientId, ["users"] = $$"""[{"username":"alice","token":"{{Token}}"},{"username":"x{{Tokens[1]}}","token":"{{Tokens[1]}}"}]""",
        }).Errors.Select(e => e.ToString()));
    }

    private static readonly Gen<string> Tags = Gen.OneOf(
        Gen.Elements("Blue in Green", "", "Kind of Blue", "x"),
        Gen.Elements(Tokens).Select(t => "Live " + t),
        Gen.Elements(Tokens));

    private static readonly Gen<(NowShowing Showing, Decorations Decorations)> Showings =
        from title in Tags
        from album in Tags
        from artist in Tags
        from albumArtist in Tags
        from paused in Gen.Elements(true, false)
        from url in Gen.Elements<string?>(null, "https://open.spotify.com/track/1", "https://example.org/?t=" + Tokens[1])
        select (new NowShowing(new Track("t", title, album, artist, albumArtist, artist, 200), paused, 5_000, 1, 1_800_000_000_000),
            new Decorations(LargeImage: "mp:art", PauseImage: "mp:pause", LogoImage: "mp:logo", DetailsUrl: url, StateUrl: url, LargeUrl: url,
                Links: new TrackLinks(url, url, url)));

    [Property(MaxTest = 1000)]
    public Property No_presence_field_ever_carries_a_configured_token() =>
        Prop.ForAll(Models.ToArbitrary(), Showings.ToArbitrary(), Gen.Elements(Usernames).ToArbitrary(), (model, shown, user) =>
        {
            var config = ConfigReader.Read(ConfigSources.From(model.Raw()), user).Config;
            var presence = PresenceComposer.Compose(shown.Showing, config, shown.Decorations).ToString();
            var configured = model.Users.Select(u => u.Token?.Trim()).Where(t => !string.IsNullOrEmpty(t));
            return configured.All(token => !presence.Contains(token!, StringComparison.Ordinal)).Label(presence);
        });
}
