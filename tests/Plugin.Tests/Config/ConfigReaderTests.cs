using Navidrome.DiscordPresence.Domain.Config;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Config;

public class ConfigReaderTests
{
    private const string ClientId = "1234567890123456789";
    private const string AliceToken = "MTA5ODc2NTQzMjEw.GaBcDe.secret-alice_token";

    /// <summary>A source that records which keys were asked for.</summary>
    private static (ConfigSource Source, List<string> Asked) Recording(Dictionary<string, string> raw)
    {
        var asked = new List<string>();
        return (key => { asked.Add(key); return raw.GetValueOrDefault(key); }, asked);
    }

    [Fact]
    public void Is_authorized_reads_only_the_client_id_and_the_users_list()
    {
        var (source, asked) = Recording(new() { ["clientid"] = ClientId, ["users"] = $$"""[{"username":"alice","token":"{{AliceToken}}"}]""", ["onlinestatus"] = "busy" });
        Assert.True(ConfigReader.IsAuthorized(source, "alice"));
        Assert.Equal<string>(["clientid", "users"], asked);
    }

    [Fact]
    public void Is_authorized_stops_at_the_users_entry_so_a_fault_after_it_does_not_matter()
    {
        var users = $$"""[{"username":"alice","token":"{{AliceToken}}"},{"username":"bob","token":"b.o.b"}, oops""";
        var source = ConfigSources.From(new Dictionary<string, string> { ["clientid"] = ClientId, ["users"] = users });
        Assert.True(ConfigReader.IsAuthorized(source, "alice"));
        Assert.False(ConfigReader.IsAuthorized(source, "carol"));
        // The checker says where the list broke, and uses the entries before it, as the reader does.
        var error = Assert.Single(ConfigChecker.Problems(source));
        Assert.Equal("config key 'users': is not valid JSON after entry 2 (expected a list of {username, token} entries); later entries are not used", error.ToString());
        Assert.Equal<string>(["alice", "bob"], ConfigReader.Read(source).Config.Users.Select(u => u.Username));
    }

    [Fact]
    public void The_first_entry_of_a_username_decides_even_when_it_is_bad()
    {
        var source = ConfigSources.From(new Dictionary<string, string>
        {
            ["clientid"] = ClientId,
            ["users"] = $$"""[{"username":"alice","token":""},{"username":"alice","token":"{{AliceToken}}"}]""",
        });
        Assert.False(ConfigReader.IsAuthorized(source, "alice"));
        Assert.Empty(ConfigReader.Read(source, "alice").Config.Users);
        Assert.Equal<string>(["has no Discord token", "is listed more than once; the first entry is used"], ConfigChecker.Problems(source).Select(e => e.Problem));
    }

    [Fact]
    public void A_full_read_asks_only_for_the_plugins_keys()
    {
        var (source, asked) = Recording(new() { ["clientid"] = ClientId });
        ConfigReader.Read(source, "alice");
        Assert.Equal(asked.Distinct().Order(), ConfigKeys.All.Order());
    }

    [Fact]
    public void Every_problem_is_reported_at_once_in_key_order()
    {
        var problems = ConfigChecker.Problems(ConfigSources.From(new Dictionary<string, string>
        {
            ["clientid"] = "nope", ["onlinestatus"] = "busy", ["pausemode"] = "freeze", ["caaenabled"] = "yes", ["links"] = "youtube",
        }));
        Assert.Equal<string>(["clientid", "onlinestatus", "pausemode", "caaenabled", "links"], problems.Select(e => e.Key));
    }
}
