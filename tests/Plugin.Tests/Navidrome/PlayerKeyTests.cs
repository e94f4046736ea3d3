using System.Text;
using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Exports.Navidrome;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Navidrome;

/// <summary>Reports without a playerId keep different clients apart by player name (issue 11, item 6).</summary>
public class PlayerKeyTests
{
    private static string KeyOf(string playerFields)
    {
        var input = $$"""{"username":"alice","track":{"id":"t1","title":"Song"},"state":"playing","positionMs":0,"playbackRate":1,{{playerFields}},"timestamp":0}""";
        var (_, report) = InputReader.PlaybackReport(Encoding.UTF8.GetBytes(input), 1_000);
        return Assert.IsType<Input.PlaybackReported>(report).Report.PlayerId;
    }

    [Fact]
    public void A_player_id_is_the_key() => Assert.Equal("abc", KeyOf("\"playerId\":\"abc\",\"playerName\":\"Web\""));

    [Fact]
    public void Two_clients_without_ids_get_different_keys_from_their_names() =>
        Assert.NotEqual(KeyOf("\"playerId\":\"\",\"playerName\":\"Feishin\""), KeyOf("\"playerName\":\"Symfonium\""));

    [Fact]
    public void A_key_from_a_name_never_equals_a_real_id() =>
        Assert.NotEqual(KeyOf("\"playerId\":\"Web\",\"playerName\":\"x\""), KeyOf("\"playerId\":\"\",\"playerName\":\"Web\""));

    [Fact]
    public void The_same_client_without_an_id_keeps_its_key() =>
        Assert.Equal(KeyOf("\"playerName\":\"Feishin\""), KeyOf("\"playerId\":null,\"playerName\":\"Feishin\""));
}
