using Xunit;
using System.Text;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Harness;
using Navidrome.DiscordPresence.Harness.Wasm;

namespace Navidrome.DiscordPresence.Wasm.Tests;

/// <summary>plugin.wasm under Wasmtime, one fresh instance per call, against an Extism-kernel emulation.</summary>
public sealed class ArtifactTests(CompiledPlugin plugin) : IClassFixture<CompiledPlugin>
{
    private static readonly Dictionary<string, string> Config = new()
    {
        ["clientid"] = "123456789012345678",
        ["users"] = """[{"username":"alice","token":"alice-token-secret"}]""",
    };

    private CallResult Call(string export, string input, RecordingHost? host = null) =>
        plugin.Runner.Call(export, Encoding.UTF8.GetBytes(input), host ?? new RecordingHost(Config));

    [WasmFact]
    public void A_configured_user_is_authorized()
    {
        var result = Call("nd_scrobbler_is_authorized", """{"username":"alice"}""");
        Assert.Null(result.Error);
        Assert.Equal(0, result.ReturnCode);
        Assert.Equal("true", Encoding.UTF8.GetString(result.Output));
    }

    [WasmFact]
    public void An_unknown_user_is_not_authorized()
    {
        var result = Call("nd_scrobbler_is_authorized", """{"username":"mallory"}""");
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("false", Encoding.UTF8.GetString(result.Output));
    }

    [WasmFact]
    public void Unreadable_input_is_an_error_not_a_trap_and_the_next_call_works()
    {
        var bad = Call("nd_scrobbler_is_authorized", "not json");
        Assert.Equal(1, bad.ReturnCode);
        Assert.NotNull(bad.Error);
        Assert.DoesNotContain("trap", bad.Error);
        Assert.DoesNotContain("alice-token-secret", bad.Error);

        var good = Call("nd_scrobbler_is_authorized", """{"username":"alice"}""");
        Assert.Equal("true", Encoding.UTF8.GetString(good.Output));
    }

    [WasmFact]
    public void Scrobble_succeeds_without_output()
    {
        var result = Call("nd_scrobbler_scrobble", """{"username":"alice","track":{"id":"t1","title":"T","album":"A","artist":"B","albumArtist":"B","artists":[],"albumArtists":[],"duration":100,"trackNumber":1,"discNumber":1},"timestamp":1764000000}""");
        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(result.Output);
    }

    [WasmFact]
    public void A_trap_fails_only_its_own_call()
    {
        // A host function that blows up traps the instance (Wasmtime turns the host exception into a trap).
        var failing = new RecordingHost(Config) { Answer = (_, _) => throw new InvalidOperationException("host down") };
        var trapped = Call("nd_on_init", "{}", failing);
        Assert.StartsWith("trap", trapped.Error);

        var next = Call("nd_scrobbler_is_authorized", """{"username":"alice"}""");
        Assert.True(next.Succeeded, next.Error);
        Assert.Equal("true", Encoding.UTF8.GetString(next.Output));
    }
}
