using System.Text;
using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Exports.Navidrome;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Navidrome;

public class TrackMappingTests
{
    [Fact]
    public void Artist_lists_and_track_and_disc_numbers_come_from_Navidromes_track_info()
    {
        var input = Encoding.UTF8.GetBytes("""
            {"username":"alice","track":{"id":"t1","title":"So What","album":"Kind of Blue","artist":"Miles Davis • John Coltrane",
             "albumArtist":"Miles Davis","artists":[{"name":"Miles Davis"},{"name":"John Coltrane"}],"albumArtists":[{"name":"Miles Davis"}],
             "duration":562,"trackNumber":1,"discNumber":2},"position":0}
            """);
        var (_, nowPlaying) = InputReader.NowPlaying(input);
        var track = Assert.IsType<Input.NowPlayingReported>(nowPlaying).Track;
        Assert.Equal(("Miles Davis • John Coltrane", "Miles Davis", 1, 2), (track.Artists, track.AlbumArtists, track.TrackNumber, track.DiscNumber));
    }

    [Fact]
    public void Missing_lists_and_numbers_are_empty_and_zero()
    {
        var (_, nowPlaying) = InputReader.NowPlaying(Encoding.UTF8.GetBytes("""{"username":"alice","track":{"id":"t1","title":"T"},"position":0}"""));
        var track = Assert.IsType<Input.NowPlayingReported>(nowPlaying).Track;
        Assert.Equal(("", "", 0, 0), (track.Artists, track.AlbumArtists, track.TrackNumber, track.DiscNumber));
    }
}
