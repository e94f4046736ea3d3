using Navidrome.DiscordPresence.Domain.Presence;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Presence;

public class TextFieldTests
{
    [Theory]
    [InlineData("🎵", 1)]           // one emoji is two UTF-16 units but one character
    [InlineData("夜に駆ける", 5)]
    [InlineData("e\u0301", 2)]      // e + combining acute: two scalar values, as Discord counts
    [InlineData("👩‍👩‍👧", 5)]          // a family emoji is three people and two joiners
    public void Characters_are_counted_as_Unicode_scalar_values(string text, int expected) =>
        Assert.Equal(expected, TextField.CountRunes(text));

    [Fact]
    public void Exactly_128_characters_pass_unchanged()
    {
        var text = new string('a', 128);
        Assert.Equal(text, TextField.Fit(text));
    }

    [Fact]
    public void A_129_character_text_keeps_127_and_an_ellipsis()
    {
        var fitted = TextField.Fit(new string('a', 129))!;
        Assert.Equal(128, TextField.CountRunes(fitted));
        Assert.Equal(new string('a', 127) + "…", fitted);
    }

    [Fact]
    public void Emoji_are_never_cut_in_half()
    {
        var text = string.Concat(Enumerable.Repeat("🎵", 200));
        var fitted = TextField.Fit(text)!;
        Assert.Equal(128, TextField.CountRunes(fitted));
        Assert.Equal(string.Concat(Enumerable.Repeat("🎵", 127)) + "…", fitted);
        Assert.DoesNotContain(fitted.EnumerateRunes(), r => r == System.Text.Rune.ReplacementChar);
    }

    [Fact]
    public void CJK_text_is_cut_by_characters_not_bytes()
    {
        var text = string.Concat(Enumerable.Repeat("夜", 130));
        Assert.Equal(string.Concat(Enumerable.Repeat("夜", 127)) + "…", TextField.Fit(text));
    }

    [Fact]
    public void Combining_marks_count_as_characters_of_their_own()
    {
        var text = string.Concat(Enumerable.Repeat("e\u0301", 64)); // 128 scalar values
        Assert.Equal(text, TextField.Fit(text));
        Assert.Equal(128, TextField.CountRunes(TextField.Fit(text + "e")!));
    }

    [Theory]
    [InlineData("A", "A ")]
    [InlineData("♡", "♡ ")]
    [InlineData("AB", "AB")]
    public void A_one_character_text_is_padded_to_Discords_minimum(string text, string expected) =>
        Assert.Equal(expected, TextField.Fit(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_text_is_left_out_and_an_empty_name_falls_back(string? text)
    {
        Assert.Null(TextField.Fit(text));
        Assert.Equal("Navidrome", TextField.FitName(text));
    }

    [Fact]
    public void URLs_over_256_bytes_are_dropped_not_cut()
    {
        var url = "https://example.org/" + new string('x', 236); // 256 bytes
        Assert.Equal(url, TextField.FitUrl(url));
        Assert.Null(TextField.FitUrl(url + "x"));
        Assert.Null(TextField.FitUrl("https://example.org/" + string.Concat(Enumerable.Repeat("é", 119)))); // 258 bytes, 139 chars
    }
}
