using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Domain.Presence;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Presence;

public class TemplateTests
{
    private static readonly Track Song = new("t", "Blue in Green", "Kind of Blue", "Miles Davis • Bill Evans", "Miles Davis", "Miles Davis", 337);

    [Theory]
    [InlineData("{track}", "Blue in Green")]
    [InlineData("{artist} - {track}", "Miles Davis • Bill Evans - Blue in Green")]
    [InlineData("{album} by {albumartist}", "Kind of Blue by Miles Davis")]
    [InlineData("no placeholders", "no placeholders")]
    [InlineData("{unknown} {track}", "{unknown} Blue in Green")]
    [InlineData("{ {track} }", "{ Blue in Green }")]
    [InlineData("{track", "{track")]
    [InlineData("", "")]
    public void Placeholders_become_the_tracks_values_and_anything_else_stays(string template, string expected) =>
        Assert.Equal(expected, Template.Render(template, Song));

    [Fact]
    public void A_value_that_looks_like_a_placeholder_is_not_expanded_again()
    {
        var odd = Song with { Title = "{artist}" };
        Assert.Equal("{artist} / Miles Davis • Bill Evans", Template.Render("{track} / {artist}", odd));
    }

    [Fact]
    public void An_empty_album_artist_falls_back_to_the_artist() =>
        Assert.Equal("Miles Davis • Bill Evans", Template.Render("{albumartist}", Song with { AlbumArtist = "" }));

    [Fact]
    public void Unknown_placeholders_are_named_for_the_config_check() =>
        Assert.Equal(["{title}", "{bpm}"], Template.UnknownPlaceholders("{title} {track} {year} {bpm}"));
}
