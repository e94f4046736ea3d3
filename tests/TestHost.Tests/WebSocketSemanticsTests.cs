using System.Text.Json.Nodes;
using Navidrome.DiscordPresence.Harness;
using Navidrome.DiscordPresence.TestHost.Services;
using Xunit;

namespace Navidrome.DiscordPresence.TestHost.Tests;

/// <summary>WebSocket callbacks reach the plugin the way Navidrome delivers them (docs/navidrome-host.md, 'How WebSocket closes arrive').</summary>
public sealed class WebSocketSemanticsTests
{
    private const string Identify = """{"op":2,"d":{"token":"tok-alice","properties":{}}}""";

    private static TestWorld World(ProbeRunner probe)
    {
        var world = new TestWorld(probe, new HostOptions { Users = [new NavidromeUser("alice", "Alice", false)] }, """{"clientid":"1"}""");
        world.Discord.Accounts["tok-alice"] = "alice";
        return world;
    }

    private static void Connect(TestWorld world, string id = "c1")
    {
        var answer = ProbeRunner.Host(world.Host, "websocket_connect", $$"""{"url":"wss://gateway.discord.gg/?v=10&encoding=json","headers":null,"connectionId":"{{id}}"}""");
        Assert.Equal(id, answer["newConnectionId"]!.GetValue<string>());
        ProbeRunner.Host(world.Host, "websocket_sendtext", $$"""{"connectionId":"{{id}}","message":{{JsonValue.Create(Identify)!.ToJsonString()}}}""");
        world.Host.Settle();
    }

    [Theory]
    [InlineData(1000, "nd_websocket_on_close")]
    [InlineData(1001, "nd_websocket_on_close")]
    [InlineData(1005, "nd_websocket_on_close")]
    [InlineData(4000, "nd_websocket_on_error")]
    [InlineData(4004, "nd_websocket_on_error")]
    public void A_close_from_discord_goes_to_on_close_or_on_error_by_code(int code, string export)
    {
        var probe = new ProbeRunner();
        using var world = World(probe);
        Connect(world);
        world.Discord.Close("alice", code, "Because.");
        world.Host.Settle();
        var inputs = probe.InputsOf(export);
        Assert.True(inputs.Count == 1, world.Transcript + string.Join('\n', probe.Calls.Select(c => c.Export + " " + c.Input.ToJsonString())));
        var input = inputs[0];
        if (export == "nd_websocket_on_close")
        {
            // .NET's client reports a close frame without a status as 1000 (Navidrome would say 1005): same callback.
            Assert.Equal(code == 1005 ? 1000 : code, input["code"]!.GetValue<int>());
            Assert.Equal(code == 1005 ? "" : "Because.", input["reason"]!.GetValue<string>());
        }
        else
        {
            Assert.Equal($"websocket: close {code}: Because.", input["error"]!.GetValue<string>());
        }
        Assert.Empty(world.Host.Sockets.OpenIds);
    }

    [Fact]
    public void A_dropped_connection_is_an_abnormal_closure_and_its_id_is_taken_until_the_callback_returns()
    {
        string? reconnect = null;
        var probe = new ProbeRunner((export, _, host) =>
        {
            if (export == "nd_websocket_on_error")
                reconnect = ProbeRunner.Host(host, "websocket_connect", """{"url":"wss://gateway.discord.gg","connectionId":"c1"}""")["error"]?.GetValue<string>();
        });
        using var world = World(probe);
        Connect(world);
        world.Discord.Drop("alice");
        world.Host.Settle();
        Assert.Equal("websocket: close 1006 (abnormal closure): unexpected EOF", Assert.Single(probe.InputsOf("nd_websocket_on_error"))["error"]!.GetValue<string>());
        Assert.Contains("already exists", reconnect);
    }

    [Fact]
    public void A_close_by_the_plugin_calls_on_close_before_the_host_call_returns_and_frees_the_id()
    {
        var probe = new ProbeRunner();
        using var world = World(probe);
        Connect(world);
        var answer = ProbeRunner.Host(world.Host, "websocket_closeconnection", """{"connectionId":"c1","code":4000,"reason":"resume later"}""");
        Assert.Empty(answer);
        var input = Assert.Single(probe.InputsOf("nd_websocket_on_close"));
        Assert.Equal(4000, input["code"]!.GetValue<int>());
        Assert.Contains("not found", ProbeRunner.Host(world.Host, "websocket_sendtext", """{"connectionId":"c1","message":"x"}""")["error"]!.GetValue<string>());
        world.Host.Settle();
        Assert.Equal(4000, world.Discord.Connections.Single().End!.Code);
        Assert.Empty(probe.InputsOf("nd_websocket_on_error"));
    }

    [Fact]
    public void Callbacks_of_one_connection_never_overlap_and_keep_frame_order()
    {
        var probe = new ProbeRunner();
        using var world = World(probe);
        Connect(world);
        world.Discord.Noise("alice", 40);
        world.Host.Settle();
        Assert.Equal(1, probe.MaxOverlap);
        var sequences = probe.InputsOf("nd_websocket_on_text_message")
            .Select(i => JsonNode.Parse(i["message"]!.GetValue<string>())!["s"]?.GetValue<int>())
            .Where(s => s is not null).ToList();
        Assert.Equal(sequences.Order().ToList(), sequences);
        Assert.Equal(42, sequences.Count); // READY, READY_SUPPLEMENTAL and 40 dispatches
    }

    [Fact]
    public void Unload_closes_with_1001_and_calls_nothing()
    {
        var probe = new ProbeRunner();
        using var world = World(probe);
        Connect(world);
        world.Host.Reload();
        world.Host.Settle();
        Assert.Empty(probe.InputsOf("nd_websocket_on_close"));
        Assert.Empty(probe.InputsOf("nd_websocket_on_error"));
        Assert.Equal(1001, world.Discord.Connections.Single().End!.Code);
    }

    [Fact]
    public void Hosts_outside_the_manifest_are_refused()
    {
        using var world = World(new ProbeRunner());
        var answer = ProbeRunner.Host(world.Host, "websocket_connect", """{"url":"wss://evil.example.com","connectionId":""}""");
        Assert.Contains("not allowed", answer["error"]!.GetValue<string>());
        Assert.Contains("not allowed", ProbeRunner.Host(world.Host, "websocket_connect", """{"url":"wss://discord.gg","connectionId":""}""")["error"]!.GetValue<string>());
    }
}
