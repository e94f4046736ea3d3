using System.Text;
using System.Text.Json.Nodes;
using Navidrome.DiscordPresence.TestHost.Services;
using Xunit;

namespace Navidrome.DiscordPresence.TestHost.Tests;

/// <summary>The fake ListenBrainz Labs and uguu answer in the shapes the real services use.</summary>
public sealed class FakeWebServicesTests
{
    private static JsonObject Send(TestWorld world, string method, string url, string body, string? contentType = null)
    {
        var spec = new JsonObject { ["method"] = method, ["url"] = url, ["body"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(body)) };
        if (contentType is not null) spec["headers"] = new JsonObject { ["Content-Type"] = contentType };
        var request = new JsonObject { ["request"] = spec }.ToJsonString();
        return ProbeRunner.Host(world.Host, "http_send", request);
    }

    private static JsonNode Body(JsonObject answer) =>
        JsonNode.Parse(Convert.FromBase64String(answer["result"]!["body"]!.GetValue<string>()))!;

    [Fact]
    public void ListenBrainz_labs_answers_spotify_ids_per_query()
    {
        using var world = new TestWorld(new ProbeRunner(), new HostOptions(), "{}");
        var answer = Send(world, "POST", "https://labs.api.listenbrainz.org/spotify-id-from-mbid/json", """[{"recording_mbid":"abc"}]""", "application/json");
        var ids = Body(answer)[0]!["spotify_track_ids"]!.AsArray();
        Assert.Equal(22, Assert.Single(ids)!.GetValue<string>().Length);
        world.Web.ListenBrainzFindsNothing = true;
        Assert.Empty(Body(Send(world, "POST", "https://labs.api.listenbrainz.org/spotify-id-from-metadata/json", """[{"artist_name":"a","track_name":"t","release_name":"r"}]"""))[0]!["spotify_track_ids"]!.AsArray());
    }

    [Fact]
    public void Uguu_answers_a_file_url_for_a_multipart_upload()
    {
        using var world = new TestWorld(new ProbeRunner(), new HostOptions(), "{}");
        var answer = Send(world, "POST", "https://uguu.se/upload", "--b\r\nContent-Disposition: form-data; name=\"files[]\"; filename=\"cover.jpg\"\r\n\r\nX\r\n--b--\r\n", "multipart/form-data; boundary=b");
        var body = Body(answer);
        Assert.True(body["success"]!.GetValue<bool>());
        Assert.StartsWith("https://n.uguu.se/", body["files"]![0]!["url"]!.GetValue<string>());
        Assert.Equal(400, Send(world, "POST", "https://uguu.se/upload", "x", "text/plain")["result"]!["statusCode"]!.GetValue<int>());
    }
}
