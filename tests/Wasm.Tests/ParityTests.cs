using System.Text;
using Navidrome.DiscordPresence.Harness;
using Navidrome.DiscordPresence.Harness.Wasm;
using Xunit;

namespace Navidrome.DiscordPresence.Wasm.Tests;

/// <summary>
/// The same calls against plugin.wasm and against the managed plugin, each with its own identical host: return code,
/// output, whether an error was set, the host calls made (names and requests) and the log levels must all agree.
/// Log and error texts may differ only where they quote .NET's own exception messages (the module is published
/// with UseSystemResourceKeys, so those are resource keys).
/// </summary>
public sealed class ParityTests(CompiledPlugin plugin) : IClassFixture<CompiledPlugin>
{
    private const string Users = """[{"username":"alice","token":"alice-token-secret"}]""";
    private const string Track = """{"id":"t1","title":"Song","album":"Album","artist":"Artist","albumArtist":"Artist","artists":[{"name":"Artist"}],"albumArtists":[{"name":"Artist"}],"duration":200,"trackNumber":1,"discNumber":1}""";

    public static TheoryData<string, string, string> Calls => new()
    {
        { "authorized user", "nd_scrobbler_is_authorized", """{"username":"alice"}""" },
        { "unknown user", "nd_scrobbler_is_authorized", """{"username":"mallory"}""" },
        { "malformed input", "nd_scrobbler_is_authorized", "{" },
        { "init", "nd_on_init", "{}" },
        { "scrobble", "nd_scrobbler_scrobble", $$"""{"username":"alice","track":{{Track}},"timestamp":1764000000}""" },
        { "playing report", "nd_scrobbler_playback_report", $$"""{"username":"alice","track":{{Track}},"state":"playing","positionMs":1000,"playbackRate":1,"playerId":"p1","playerName":"Web","timestamp":1764000000}""" },
        { "now playing", "nd_scrobbler_now_playing", $$"""{"username":"alice","track":{{Track}},"position":3}""" },
        { "hello frame", "nd_websocket_on_text_message", """{"connectionId":"alice","message":"{\"op\":10,\"d\":{\"heartbeat_interval\":41250},\"s\":null,\"t\":null}"}""" },
        { "heartbeat ack", "nd_websocket_on_text_message", """{"connectionId":"alice","message":"{\"op\":11,\"d\":null,\"s\":null,\"t\":null}"}""" },
        { "socket closed", "nd_websocket_on_close", """{"connectionId":"alice","code":1000,"reason":""}""" },
        { "timer", "nd_scheduler_callback", """{"scheduleId":"x","payload":"nonsense","isRecurring":false}""" },
    };

    private static RecordingHost Host(string users) => new(new Dictionary<string, string> { ["clientid"] = "123456789012345678", ["users"] = users })
    {
        Answer = (function, request) => function switch
        {
            "http_send" when request.Contains("/gateway", StringComparison.Ordinal) =>
                """{"result":{"statusCode":200,"headers":{},"body":"{\"url\":\"wss://gateway.discord.gg\"}"}}""",
            "websocket_connect" => """{"newConnectionId":"alice"}""",
            "cache_getstring" or "kvstore_get" => """{"exists":false}""",
            _ => "{}",
        },
    };

    [SkippableTheory]
    [MemberData(nameof(Calls))]
    public void Wasm_and_managed_agree(string scenario, string export, string input)
    {
        Skip.If(PluginWasm.Path is null, PluginWasm.NotBuilt);
        foreach (var users in new[] { Users, "not json" })
        {
            var (wasmHost, managedHost) = (Host(users), Host(users));
            var wasm = plugin.Runner.Call(export, Encoding.UTF8.GetBytes(input), wasmHost);
            var managed = new ManagedPluginRunner().Call(export, Encoding.UTF8.GetBytes(input), managedHost);

            var context = $"{scenario} (users {users}): wasm error {wasm.Error ?? "none"}, managed error {managed.Error ?? "none"}";
            Assert.False(wasm.Error?.StartsWith("trap", StringComparison.Ordinal) ?? false, context);
            Assert.True(managed.ReturnCode == wasm.ReturnCode, context);
            Assert.True(managed.Error is null == wasm.Error is null, context);
            Assert.Equal(Encoding.UTF8.GetString(managed.Output), Encoding.UTF8.GetString(wasm.Output));
            Assert.Equal(managedHost.Calls, wasmHost.Calls);
            Assert.Equal(managedHost.Logs.Select(l => l.Level), wasmHost.Logs.Select(l => l.Level));
            Assert.DoesNotContain("alice-token-secret", wasm.Error ?? "");
            Assert.All(wasmHost.Logs, l => Assert.DoesNotContain("alice-token-secret", l.Message));
        }
    }
}
