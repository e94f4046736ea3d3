using System.Text.Json.Nodes;
using Navidrome.DiscordPresence.TestHost.Discord;
using Navidrome.DiscordPresence.TestHost.Services;
using Xunit;

namespace Navidrome.DiscordPresence.TestHost.Tests;

/// <summary>
/// The fake Discord gates a busy account's guild events by the identify's intents the way Discord treats a user
/// account: no <c>intents</c> means every group (so everything streams), <c>intents: 0</c> means none.
/// </summary>
public sealed class FakeDiscordIntentsTests
{
    private static TestWorld BusyWorld(ProbeRunner probe, double eventsPerSecond = 2)
    {
        var world = new TestWorld(probe, new HostOptions { Users = [new NavidromeUser("alice", "Alice", false)] }, """{"clientid":"1"}""");
        world.Discord.Accounts["tok-alice"] = "alice";
        world.Discord.MakeBusy("alice", new BusyAccount(eventsPerSecond));
        return world;
    }

    /// <summary>Opens a connection through the host and sends <paramref name="identifyData"/> as op 2's d.</summary>
    private static void Identify(TestWorld world, string identifyData, string id = "c1")
    {
        ProbeRunner.Host(world.Host, "websocket_connect", $$"""{"url":"wss://gateway.discord.gg/?v=10&encoding=json","headers":null,"connectionId":"{{id}}"}""");
        var frame = $$"""{"op":2,"d":{{identifyData}}}""";
        ProbeRunner.Host(world.Host, "websocket_sendtext", $$"""{"connectionId":"{{id}}","message":{{JsonValue.Create(frame)!.ToJsonString()}}}""");
        world.Host.Settle();
    }

    private static List<string> DispatchTypes(ProbeRunner probe) =>
        [.. probe.InputsOf("nd_websocket_on_text_message")
            .Select(i => JsonNode.Parse(i["message"]!.GetValue<string>())!)
            .Where(f => f["op"]!.GetValue<int>() == 0)
            .Select(f => f["t"]!.GetValue<string>())];

    private static readonly string[] GuildEventTypes = ["MESSAGE_CREATE", "TYPING_START", "PRESENCE_UPDATE", "VOICE_STATE_UPDATE"];

    [Fact]
    public void An_identify_without_intents_gets_every_guild_event_as_a_user_account_does()
    {
        var probe = new ProbeRunner();
        using var world = BusyWorld(probe);
        Identify(world, """{"token":"tok-alice","properties":{}}""");
        world.Host.Advance(TimeSpan.FromMinutes(1));

        var guildEvents = DispatchTypes(probe).Where(GuildEventTypes.Contains).ToList();
        Assert.Equal(120, guildEvents.Count); // 2 a second for 60 s, each one a plugin call
        Assert.Equal(GuildEventTypes.Order(), guildEvents.Distinct().Order());
        var connection = world.Discord.Connections.Single();
        Assert.Null(connection.Intents);
        Assert.Equal(0, connection.GuildEventsWithheld);
        // Sequence numbers stay gapless through the stream, as a resume needs.
        var sequences = probe.InputsOf("nd_websocket_on_text_message")
            .Select(i => JsonNode.Parse(i["message"]!.GetValue<string>())!["s"]?.GetValue<int>()).OfType<int>().ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count), sequences);
    }

    [Fact]
    public void An_identify_with_intents_0_gets_no_guild_event()
    {
        var probe = new ProbeRunner();
        using var world = BusyWorld(probe);
        Identify(world, """{"token":"tok-alice","properties":{},"intents":0}""");
        world.Host.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(["READY", "READY_SUPPLEMENTAL"], DispatchTypes(probe));
        var connection = world.Discord.Connections.Single();
        Assert.Equal(0L, connection.Intents);
        Assert.Equal(120, connection.GuildEventsWithheld);
    }

    [Fact]
    public void Intents_let_through_only_their_groups_and_a_resume_keeps_them()
    {
        var probe = new ProbeRunner();
        using var world = BusyWorld(probe, eventsPerSecond: 1);
        Identify(world, $$"""{"token":"tok-alice","properties":{},"intents":{{GatewayIntents.GuildMessages}}}""");
        world.Host.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(["MESSAGE_CREATE"], DispatchTypes(probe).Where(GuildEventTypes.Contains).Distinct());

        var session = world.Discord.Connections.Single().Session!;
        ProbeRunner.Host(world.Host, "websocket_closeconnection", """{"connectionId":"c1","code":4000,"reason":"resume"}""");
        world.Host.Settle();
        ProbeRunner.Host(world.Host, "websocket_connect", $$"""{"url":"wss://{{FakeDiscord.ResumeHost}}/?v=10&encoding=json","headers":null,"connectionId":"c2"}""");
        var resume = new JsonObject { ["op"] = 6, ["d"] = new JsonObject { ["token"] = "tok-alice", ["session_id"] = session.Id, ["seq"] = session.Sequence } }.ToJsonString();
        ProbeRunner.Host(world.Host, "websocket_sendtext", $$"""{"connectionId":"c2","message":{{JsonValue.Create(resume)!.ToJsonString()}}}""");
        world.Host.Settle();
        Assert.Equal(GatewayIntents.GuildMessages, world.Discord.Connections[^1].Intents);
    }

    [Fact]
    public void A_busy_account_gets_a_READY_of_tens_of_KB_with_the_session_fields_after_the_bulk()
    {
        var probe = new ProbeRunner();
        using var world = BusyWorld(probe);
        Identify(world, """{"token":"tok-alice","properties":{},"intents":0}""");

        var ready = probe.InputsOf("nd_websocket_on_text_message").Select(i => i["message"]!.GetValue<string>()).First(m => m.Contains("\"READY\"", StringComparison.Ordinal));
        Assert.InRange(ready.Length, 20_000, 200_000);
        var data = JsonNode.Parse(ready)!["d"]!.AsObject();
        Assert.Equal(40, data["guilds"]!.AsArray().Count);
        Assert.Equal(150, data["relationships"]!.AsArray().Count);
        Assert.Equal(30, data["private_channels"]!.AsArray().Count);
        Assert.Contains(data["sessions"]!.AsArray(), s => s!["session_id"]!.GetValue<string>() == data["session_id"]!.GetValue<string>());
        var keys = data.Select(p => p.Key).ToList();
        Assert.Equal(["session_id", "resume_gateway_url"], keys[^2..]);
        Assert.Equal("wss://" + FakeDiscord.ResumeHost, data["resume_gateway_url"]!.GetValue<string>());
    }

    [Fact]
    public void An_account_made_busy_mid_session_streams_from_then_on()
    {
        var probe = new ProbeRunner();
        using var world = new TestWorld(probe, new HostOptions { Users = [new NavidromeUser("alice", "Alice", false)] }, """{"clientid":"1"}""");
        world.Discord.Accounts["tok-alice"] = "alice";
        Identify(world, """{"token":"tok-alice","properties":{}}""");
        world.Host.Advance(TimeSpan.FromMinutes(10));
        world.Discord.MakeBusy("alice", new BusyAccount(1));
        world.Host.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(30, DispatchTypes(probe).Count(GuildEventTypes.Contains));
    }
}
