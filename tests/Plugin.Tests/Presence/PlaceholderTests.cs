using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Domain.Presence;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Presence;

/// <summary>The newer placeholders, and templates that still read well while a value is missing.</summary>
public class PlaceholderTests
{
    private static readonly Track Song = new("t", "Blue in Green", "Kind of Blue", "Miles Davis • Bill Evans", "Miles Davis", "Miles Davis", 337.4,
        Artists: "Miles Davis • Bill Evans", AlbumArtists: "Miles Davis", TrackNumber: 3, DiscNumber: 1);
    private static readonly TemplateContext Known = new("Feishin", new TrackExtras(1959, "Jazz"));

    [Theory]
    [InlineData("{artists}", "Miles Davis • Bill Evans")]
    [InlineData("{albumartists}", "Miles Davis")]
    [InlineData("{discnumber}.{tracknumber} {track}", "1.3 Blue in Green")]
    [InlineData("{track} ({duration})", "Blue in Green (5:37)")]
    [InlineData("on {player}", "on Feishin")]
    [InlineData("{album} ({year}) • {genre}", "Kind of Blue (1959) • Jazz")]
    public void Every_placeholder_has_its_value(string template, string expected) =>
        Assert.Equal(expected, Template.Render(template, Song, Known));

    [Theory]
    [InlineData("{album} ({year})", "Kind of Blue")]
    [InlineData("{album} [{year}]", "Kind of Blue")]
    [InlineData("{artist} - {year}", "Miles Davis • Bill Evans")]
    [InlineData("{year} - {album}", "Kind of Blue")]
    [InlineData("{album} • {year} • {genre} • {track}", "Kind of Blue • Blue in Green")]
    [InlineData("{album}, {genre}", "Kind of Blue")]
    [InlineData("{album} | {player}", "Kind of Blue")]
    [InlineData("{year} {album}", "Kind of Blue")]
    [InlineData("{album} {year} {track}", "Kind of Blue Blue in Green")]
    [InlineData("{genre}", "")]
    public void A_missing_value_takes_its_separator_or_brackets_with_it(string template, string expected) =>
        Assert.Equal(expected, Template.Render(template, Song, new TemplateContext()));

    [Fact]
    public void Unknown_numbers_and_lengths_are_empty_not_zero() =>
        Assert.Equal("Blue in Green", Template.Render("{tracknumber}. {track} ({duration})", Song with { TrackNumber = 0, DurationSeconds = 0 }));

    [Fact]
    public void Without_the_artist_lists_the_display_strings_stand_in() =>
        Assert.Equal("Miles Davis • Bill Evans / Miles Davis", Template.Render("{artists} / {albumartists}", Song with { Artists = "", AlbumArtists = "" }));

    [Fact]
    public void The_presence_shows_the_owning_players_name_and_the_extras_once_known()
    {
        var config = Simulation.WorldGen.Config() with { DetailsTemplate = "{track} ({year})", StateTemplate = "{artist} • {genre} • on {player}" };
        var showing = new NowShowing(Song, false, 0, 1, 1_800_000_000_000, "Feishin");
        var before = PresenceComposer.Compose(showing, config, Decorations.None).Activities.Single();
        var after = PresenceComposer.Compose(showing, config, Decorations.None, new TrackExtras(1959, "Jazz")).Activities.Single();
        Assert.Equal(("Blue in Green", "Miles Davis • Bill Evans • on Feishin"), (before.Details, before.State));
        Assert.Equal(("Blue in Green (1959)", "Miles Davis • Bill Evans • Jazz • on Feishin"), (after.Details, after.State));
    }
}
