using Navidrome.DiscordPresence.Domain.Config;
using Xunit;
using static Navidrome.DiscordPresence.Tests.Config.ConfigGen;

namespace Navidrome.DiscordPresence.Tests.Config;

/// <summary>The <c>buttons</c> key: what is kept, and the one line per load for each button that can never show.</summary>
public class ButtonConfigTests
{
    private static ConfigParse Parse(string buttons) => ConfigParser.Parse(new Dictionary<string, string>
    {
        ["clientid"] = ClientId,
        ["users"] = $$"""[{"username":"alice","token":"{{Tokens[0]}}"}]""",
        ["buttons"] = buttons,
    });

    [Fact]
    public void Two_good_buttons_are_kept_in_order_without_a_problem()
    {
        var parse = Parse("""[{"label":"Listen on Spotify","url":"{spotifyurl}"},{"Label":"{album}","URL":"https://musicbrainz.org/search?query={album}"}]""");
        Assert.Empty(parse.Errors);
        Assert.Equal<ButtonTemplate>([new("Listen on Spotify", "{spotifyurl}"), new("{album}", "https://musicbrainz.org/search?query={album}")], parse.Config.Buttons);
    }

    [Fact]
    public void Absent_blank_or_empty_means_no_buttons() =>
        Assert.All(new[] { "", " ", "null", "[]" }, text =>
        {
            var parse = Parse(text);
            Assert.Empty(parse.Errors);
            Assert.Empty(parse.Config.Buttons);
        });

    [Theory]
    [InlineData("""{"label":"","url":"https://example.org"}""", "button 1 has no label; it is not used")]
    [InlineData("""{"label":"x"}""", "button 1 has no url; it is not used")]
    [InlineData("\"x\"", "button 1 is not a {label, url} entry; it is not used")]
    [InlineData("""{"label":"x","url":"http://example.org/{track}"}""", "button 1's url does not start with https:// (only https links are put on a button); the button is not used")]
    [InlineData("""{"label":"x","url":"https://192.168.1.20:4533/app"}""", "button 1's url points to a local or private address, which other people cannot open and which would reveal your network; the button is not used")]
    [InlineData("""{"label":"x","url":"https://music.local/{track}"}""", "button 1's url points to a local or private address, which other people cannot open and which would reveal your network; the button is not used")]
    [InlineData("""{"label":"x","url":"https://me:secret@example.org/"}""", "button 1's url has a user name or password in it, which Discord would show to everyone; the button is not used")]
    [InlineData("""{"label":"x","url":"{track}"}""", "button 1's url is not a web address (no spaces; it must start with https:// or a link placeholder such as {spotifyurl}); the button is not used")]
    [InlineData("""{"label":"x","url":"https://example.org/{artist} {track}"}""", "button 1's url is not a web address (no spaces; it must start with https:// or a link placeholder such as {spotifyurl}); the button is not used")]
    [InlineData("""{"label":"{title}","url":"https://example.org"}""", "button 1's label: unknown placeholder {title} (known: {track}, {artist}, {album}, {albumartist}, {artists}, {albumartists}, {tracknumber}, {discnumber}, {duration}, {player}, {year}, {genre}); it would show as typed; the button is not used")]
    public void A_button_that_can_never_show_is_reported_by_number_and_left_out(string entry, string problem)
    {
        var parse = Parse($$"""[{{entry}},{"label":"Kept","url":"https://example.org/{track}"}]""");
        Assert.Equal<string>([$"config key 'buttons': {problem}"], parse.Errors.Select(e => e.ToString()));
        Assert.Equal<ButtonTemplate>([new("Kept", "https://example.org/{track}")], parse.Config.Buttons);
    }

    [Fact]
    public void A_link_placeholder_is_known_only_in_a_url()
    {
        var parse = Parse("""[{"label":"{spotifyurl}","url":"{spotifyurl}"}]""");
        Assert.StartsWith("config key 'buttons': button 1's label: unknown placeholder {spotifyurl}", Assert.Single(parse.Errors).ToString());
    }

    [Fact]
    public void A_url_too_long_before_any_placeholder_is_reported_but_placeholders_do_not_count_against_it()
    {
        var written = "https://example.org/" + new string('a', 493);
        Assert.Equal("config key 'buttons': button 1's url is longer than Discord's 512 characters; the button is not used",
            Assert.Single(Parse($$"""[{"label":"x","url":"{{written}}"}]""").Errors).ToString());
        Assert.Empty(Parse($$"""[{"label":"x","url":"{{written[..^1]}}{track}{album}{artist}"}]""").Errors);
    }

    [Fact]
    public void More_than_two_buttons_is_reported_once_and_the_first_two_are_used()
    {
        var parse = Parse("""[{"label":"a","url":"https://a.example"},{"label":"b","url":"https://b.example"},{"label":"c","url":"https://c.example"}]""");
        Assert.Equal<string>(["config key 'buttons': has 3 buttons; Discord shows at most 2, so only the first 2 are used"], parse.Errors.Select(e => e.ToString()));
        Assert.Equal(["a", "b"], parse.Config.Buttons.Select(b => b.Label));
    }

    [Theory]
    [InlineData("""{"label":"x","url":"https://example.org"}""")]
    [InlineData("""[{"label":"x","url":"https://example.org"}""")]
    [InlineData("Listen on Spotify")]
    public void Text_that_is_not_a_list_gives_no_buttons_and_one_problem(string text)
    {
        var parse = Parse(text);
        Assert.Empty(parse.Config.Buttons);
        Assert.StartsWith("config key 'buttons': expected a list of up to two {label, url} buttons", Assert.Single(parse.Errors).ToString());
    }

    [Fact]
    public void A_button_holding_a_configured_token_is_refused_and_the_token_is_never_quoted()
    {
        var parse = Parse($$"""[{"label":"Me {{Tokens[0]}}","url":"https://example.org"},{"label":"x","url":"https://example.org/?t={{Tokens[0]}}"}]""");
        Assert.Empty(parse.Config.Buttons);
        Assert.Equal<string>([
            $"config key 'buttons': button 1's label: {ConfigValues.TokenInside}; the button is not used",
            $"config key 'buttons': button 2's url: {ConfigValues.TokenInside}; the button is not used",
        ], parse.Errors.Select(e => e.ToString()));
        Assert.All(parse.Errors, e => Assert.DoesNotContain(Tokens[0], e.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void The_per_call_reader_keeps_exactly_the_buttons_the_checker_does_not_report()
    {
        var raw = new Dictionary<string, string>
        {
            ["clientid"] = ClientId,
            ["buttons"] = """[{"label":"x","url":"http://example.org"},{"label":"y","url":"{musicbrainzurl}"},{"label":"z","url":"https://z.example"}]""",
        };
        Assert.Equal<ButtonTemplate>([new("y", "{musicbrainzurl}")], ConfigReader.Read(ConfigSources.From(raw)).Config.Buttons);
        Assert.Equal(2, ConfigParser.Parse(raw).Errors.Count);
    }
}
