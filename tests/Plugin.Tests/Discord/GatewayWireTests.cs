using System.Text.Json;
using Navidrome.DiscordPresence.Effects.Discord;
using Navidrome.DiscordPresence.Exports.Discord;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Discord;

public class GatewayWireTests
{
    private const string Token = "MTA5ODc2NTQzMjEw.GaBcDe.wire-test-token";
    private static string? TokenOf(string user) => user == "alice" ? Token : null;

    private static readonly Activity Playing = new(
        "Navidrome", 2, "1234567890123456789", "Blue in Green", "https://musicbrainz.org/recording/r", "Miles Davis", null, 2,
        new ActivityTimestamps(1_800_000_000_000, 1_800_000_337_000),
        new ActivityAssets("mp:external/abc/art.png", "Kind of Blue", null, "mp:external/def/pause.png", "Paused at 1:23 / 5:37"));

    [Fact]
    public void Heartbeat_carries_the_last_sequence_or_an_explicit_null()
    {
        Assert.Equal("""{"op":1,"d":42}""", GatewayWire.Serialize(new GatewayFrame.Heartbeat(42), TokenOf));
        Assert.Equal("""{"op":1,"d":null}""", GatewayWire.Serialize(new GatewayFrame.Heartbeat(null), TokenOf));
    }

    [Fact]
    public void A_presence_update_is_pinned_field_for_field_in_wire_order() =>
        Assert.Equal(
            """{"op":3,"d":{"since":0,"activities":[{"name":"Navidrome","type":2,"details":"Blue in Green","details_url":"https://musicbrainz.org/recording/r","state":"Miles Davis","application_id":"1234567890123456789","status_display_type":2,"timestamps":{"start":1800000000000,"end":1800000337000},"assets":{"large_image":"mp:external/abc/art.png","large_text":"Kind of Blue","small_image":"mp:external/def/pause.png","small_text":"Paused at 1:23 / 5:37"}}],"status":"online","afk":false}}""",
            GatewayWire.Serialize(new GatewayFrame.UpdatePresence(new PresenceUpdate([Playing], "online")), TokenOf));

    [Fact]
    public void One_button_is_a_one_label_list_with_its_url_in_metadata_and_none_leaves_both_out()
    {
        var withButton = Playing with { Assets = null, Timestamps = null, Buttons = new ActivityButtons(new ActivityButton("Listen on Spotify", "https://open.spotify.com/track/1")) };
        Assert.Equal(
            """{"op":3,"d":{"since":0,"activities":[{"name":"Navidrome","type":2,"details":"Blue in Green","details_url":"https://musicbrainz.org/recording/r","state":"Miles Davis","application_id":"1234567890123456789","status_display_type":2,"buttons":["Listen on Spotify"],"metadata":{"button_urls":["https://open.spotify.com/track/1"]}}],"status":"online","afk":false}}""",
            GatewayWire.Serialize(new GatewayFrame.UpdatePresence(new PresenceUpdate([withButton], "online")), TokenOf));
        Assert.DoesNotContain("button", GatewayWire.Serialize(new GatewayFrame.UpdatePresence(new PresenceUpdate([Playing], "online")), TokenOf), StringComparison.Ordinal);
    }

    [Fact]
    public void A_clear_is_an_empty_activity_list_with_a_valid_status() =>
        Assert.Equal("""{"op":3,"d":{"since":0,"activities":[],"status":"idle","afk":false}}""",
            GatewayWire.Serialize(new GatewayFrame.UpdatePresence(PresenceUpdate.Clear("idle")), TokenOf));

    [Fact]
    public void Identify_has_the_token_documented_desktop_properties_the_initial_presence_and_no_intents()
    {
        var json = GatewayWire.Serialize(new GatewayFrame.Identify("alice", PresenceUpdate.Clear("online")), TokenOf)!;
        Assert.Equal(
            $$$$"""{"op":2,"d":{"token":"{{{{Token}}}}","properties":{"os":"Linux","browser":"Discord Client","device":"","system_locale":"en-US","release_channel":"stable"},"presence":{"since":0,"activities":[],"status":"online","afk":false},"intents":0}}""",
            json);
        // Pinned apart from the whole frame: without intents a user account gets every guild event, each a plugin call.
        using var document = JsonDocument.Parse(json);
        Assert.Equal(0, document.RootElement.GetProperty("d").GetProperty("intents").GetInt32());
    }

    [Fact]
    public void Resume_has_token_session_and_sequence()
    {
        Assert.Equal($$$$"""{"op":6,"d":{"token":"{{{{Token}}}}","session_id":"s-1","seq":17}}""",
            GatewayWire.Serialize(new GatewayFrame.Resume("alice", "s-1", 17), TokenOf));
        Assert.Equal($$$$"""{"op":6,"d":{"token":"{{{{Token}}}}","session_id":"s-1","seq":null}}""",
            GatewayWire.Serialize(new GatewayFrame.Resume("alice", "s-1", null), TokenOf));
    }

    [Fact]
    public void Frames_for_a_user_without_a_token_are_not_written()
    {
        Assert.Null(GatewayWire.Serialize(new GatewayFrame.Identify("mallory", PresenceUpdate.Clear("online")), TokenOf));
        Assert.Null(GatewayWire.Serialize(new GatewayFrame.Resume("mallory", "s", 1), TokenOf));
    }

    [Fact]
    public void Text_is_escaped_as_JSON_never_formatted_into_it()
    {
        var tricky = Playing with { Details = "\"quoted\" \\ back\nslash 🎵", Assets = null, DetailsUrl = null };
        var json = GatewayWire.Serialize(new GatewayFrame.UpdatePresence(new PresenceUpdate([tricky], "dnd")), TokenOf)!;
        using var document = JsonDocument.Parse(json);
        var activity = document.RootElement.GetProperty("d").GetProperty("activities")[0];
        Assert.Equal(tricky.Details, activity.GetProperty("details").GetString());
        Assert.False(activity.TryGetProperty("assets", out _));
    }
}
