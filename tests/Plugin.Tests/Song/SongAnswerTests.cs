using Navidrome.DiscordPresence.Domain.Song;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Song;

/// <summary>Reading Navidrome's getSong answer (subsonicapi_call's responseJson), failures included.</summary>
public class SongAnswerTests
{
    private const string Ok = """{"subsonic-response":{"status":"ok","version":"1.16.1","type":"navidrome","serverVersion":"0.62.0","openSubsonic":true,"song":""";

    [Fact]
    public void Navidromes_answer_gives_the_year_and_its_first_genre()
    {
        // As Navidrome's childFromMediaFile writes it: genre is the first of the genre tags, genres all of them.
        var json = Ok + """{"id":"t1","parent":"al-1","isDir":false,"title":"Blue in Green","album":"Kind of Blue","artist":"Miles Davis","track":3,"year":1959,"genre":"Jazz","coverArt":"mf-t1","size":1,"duration":337,"bpm":0,"comment":"","genres":[{"name":"Jazz"},{"name":"Modal"}],"replayGain":{},"moods":[],"artists":[{"id":"a","name":"Miles Davis"}],"contributors":[]}}}""";
        Assert.Equal((1959, "Jazz", null), SongAnswer.Read(json, null));
    }

    [Fact]
    public void Without_genre_the_first_OpenSubsonic_genre_stands_in() =>
        Assert.Equal((null, "Ambient", null), SongAnswer.Read(Ok + """{"id":"t3","genres":[{"name":" "},{"name":"Ambient"},{"name":"Drone"}]}}}""", null));

    [Fact]
    public void A_song_without_year_or_genre_is_an_answer_with_neither() =>
        Assert.Equal((null, null, null), SongAnswer.Read(Ok + """{"id":"t5","year":0,"genres":[]}}}""", null));

    [Theory]
    [InlineData("""{"subsonic-response":{"status":"failed","version":"1.16.1","error":{"code":70,"message":"Song not found"}}}""", "Subsonic error 70: Song not found")]
    [InlineData("""{"subsonic-response":{"status":"failed","version":"1.16.1"}}""", "status 'failed'")]
    [InlineData("""{"subsonic-response":{"status":"ok","version":"1.16.1"}}""", "the answer has no song")]
    [InlineData("""{"error":"nothing"}""", "no subsonic-response in the answer")]
    [InlineData("", "empty answer")]
    public void A_failed_or_odd_answer_is_a_failure_with_its_reason(string json, string problem) =>
        Assert.Equal((null, null, problem), SongAnswer.Read(json, null));

    [Fact]
    public void Text_that_is_not_the_JSON_is_a_failure_not_an_exception()
    {
        var (year, genre, problem) = SongAnswer.Read("<subsonic-response status=\"ok\"/>", null);
        Assert.Equal((null, null), (year, genre));
        Assert.StartsWith("not Subsonic JSON: ", problem);
        Assert.StartsWith("not Subsonic JSON: ", SongAnswer.Read(Ok + """{"id":"t1","year":"1959"}}}""", null).Problem);
    }

    [Fact]
    public void A_host_error_is_the_reason_as_Navidrome_gave_it() =>
        Assert.Equal((null, null, "user bob is not authorized for this plugin"), SongAnswer.Read(null, "user bob is not authorized for this plugin"));
}
