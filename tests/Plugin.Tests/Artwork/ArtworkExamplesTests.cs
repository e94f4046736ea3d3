using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Domain.Artwork;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Tests.Simulation;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Artwork;

/// <summary>Each HTTP request of the art pipeline, and what every answer shape leads to.</summary>
public class ArtworkExamplesTests
{
    private const string CoverArtUrl = "https://archive.org/download/mbid-rel-1/front-500.jpg";

    private static World PlayAlbumOne(Func<Effect.Http, HttpOutcome?>? answers = null)
    {
        var world = WorldGen.NewWorld();
        world.HttpOverride = answers;
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 0, 5, 1));
        world.AdvanceBy(World.LookupsShownMs);
        return world;
    }

    private static bool IsRegistration(Effect.Http h) => h.Request.Url.EndsWith("/external-assets", StringComparison.Ordinal);

    private static string? LargeImage(World world) =>
        world.SentFrames.LastOrDefault(f => f.User == "alice" && f.Presence is { IsClear: false })?.Presence!.Activities[0].Assets?.LargeImage;

    [Fact]
    public void The_release_lookup_is_a_HEAD_without_redirects_and_the_307_location_is_registered_with_the_token_for_discord_only()
    {
        var world = PlayAlbumOne();
        var head = world.HttpRequests.First(h => h.Request.Url.Contains("coverartarchive", StringComparison.Ordinal));
        Assert.Equal(("HEAD", "https://coverartarchive.org/release/rel-1/front-500", false, null), (head.Request.Method, head.Request.Url, head.Request.FollowRedirects, head.AuthorizeAs));
        var register = world.HttpRequests.Single(IsRegistration);
        Assert.Equal("https://discord.com/api/v9/applications/1234567890123456789/external-assets", register.Request.Url);
        Assert.Equal("alice", register.AuthorizeAs);
        Assert.Equal($$"""{"urls":["{{CoverArtUrl}}","{{FixedImageUrls.Logo}}"]}""", register.Request.Body);
        Assert.Equal(World.MediaPathOf(CoverArtUrl), LargeImage(world));
    }

    [Fact]
    public void The_first_presence_goes_out_before_any_lookup_and_the_art_follows()
    {
        var world = PlayAlbumOne();
        var presences = world.SentFrames.Where(f => f.Presence is { IsClear: false }).ToArray();
        Assert.Null(presences[0].Presence!.Activities[0].Assets?.LargeImage);
        Assert.Equal(World.MediaPathOf(CoverArtUrl), presences[^1].Presence!.Activities[0].Assets!.LargeImage);
    }

    [Fact]
    public void Release_404_falls_back_to_the_release_group()
    {
        var world = PlayAlbumOne(h => h.Request.Url.Contains("/release/", StringComparison.Ordinal) ? new HttpOutcome.Answered(404, [], "") : null);
        Assert.Contains(world.HttpRequests, h => h.Request.Url == "https://coverartarchive.org/release-group/rg-1/front-500");
    }

    [Fact]
    public void A_second_track_of_the_same_album_is_not_looked_up_again()
    {
        var world = PlayAlbumOne();
        var before = world.HttpRequests.Count;
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 0, 100, 1)); // same album, new position
        world.AdvanceBy(1_000);
        Assert.Equal(before, world.HttpRequests.Count);
    }

    [Fact]
    public void A_429_blocks_registration_until_Retry_After_and_the_presence_keeps_going_without_art()
    {
        var world = PlayAlbumOne(h => IsRegistration(h) ? new HttpOutcome.Answered(429, [new Header("Retry-After", "120")], "{}") : null);
        Assert.Single(world.HttpRequests, IsRegistration);
        Assert.Equal(World.StartMs + 120_000, world.StateOf("alice").Art.BlockedUntilMs);
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 0, 30, 1));
        world.AdvanceBy(1_000);
        Assert.Single(world.HttpRequests, IsRegistration);
        Assert.Contains(world.SentFrames, f => f.Presence is { IsClear: false });
    }

    [Fact]
    public void A_401_stops_all_traffic_for_the_token_like_close_4004()
    {
        var world = PlayAlbumOne(h => IsRegistration(h) ? new HttpOutcome.Answered(401, [], """{"message":"401: Unauthorized"}""") : null);
        Assert.NotNull(world.StateOf("alice").Token.RejectedFingerprint);
        Assert.Null(world.OpenConnectionOf("alice"));
        var sent = world.SentFrames.Count;
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 1, 0, 1));
        world.AdvanceBy(120_000);
        Assert.Equal(sent, world.SentFrames.Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(0)]
    public void A_passing_failure_is_not_retried_before_its_negative_cache_time(int status)
    {
        HttpOutcome Fail(Effect.Http h) => status == 0 ? new HttpOutcome.Failed("context deadline exceeded") : new HttpOutcome.Answered(status, [], "oops");
        var world = PlayAlbumOne(h => h.Request.Url.Contains("coverartarchive", StringComparison.Ordinal) ? Fail(h) : null);
        var lookups = world.HttpRequests.Count(h => h.Request.Url.Contains("coverartarchive", StringComparison.Ordinal));
        Assert.Equal(ArtOutcome.Failed, world.StateOf("alice").Art.Album!.Outcome);
        world.AdvanceBy(AlbumArt.FailedMs - 60_000);
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 0, 10, 1));
        world.AdvanceBy(1_000);
        Assert.Equal(lookups, world.HttpRequests.Count(h => h.Request.Url.Contains("coverartarchive", StringComparison.Ordinal)));
        world.AdvanceBy(120_000);
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 0, 10, 1));
        world.AdvanceBy(1_000);
        Assert.True(world.HttpRequests.Count(h => h.Request.Url.Contains("coverartarchive", StringComparison.Ordinal)) > lookups);
    }

    [Theory]
    [InlineData(307, "https://archive.org/x.jpg", true)]
    [InlineData(404, null, true)]
    [InlineData(400, null, true)]
    [InlineData(503, null, false)]
    public void The_archive_answers_an_image_a_definite_miss_or_a_passing_failure(int status, string? image, bool definite)
    {
        var answer = new HttpOutcome.Answered(status, status == 307 ? [new Header("Location", "https://archive.org/x.jpg")] : [], "");
        Assert.Equal((image, definite), CoverArtArchive.Read(answer));
    }

    [Fact]
    public void Upper_case_mbids_are_asked_in_lower_case_which_is_all_the_archive_accepts() =>
        Assert.Equal("https://coverartarchive.org/release/0a1b2c3d-0000-4000-8000-00000000abcd/front-500",
            CoverArtArchive.Request(false, "0A1B2C3D-0000-4000-8000-00000000ABCD").Url);

    [Fact]
    public void A_malformed_registration_answer_leaves_the_logo_and_retries_later()
    {
        var world = PlayAlbumOne(h => IsRegistration(h) ? new HttpOutcome.Answered(200, [], "not json") : null);
        Assert.Equal(ArtOutcome.Failed, world.StateOf("alice").Art.Album!.Outcome);
    }

    [Fact]
    public void Navidromes_localhost_artwork_url_is_never_sent_to_Discord()
    {
        var world = WorldGen.NewWorld();
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 2, 5, 1)); // t3: Navidrome answers http://localhost…
        world.AdvanceBy(1_000);
        Assert.DoesNotContain(world.Registrations.SelectMany(r => r.Urls), u => u.Contains("localhost", StringComparison.Ordinal));
        Assert.Equal(ArtOutcome.Missing, world.StateOf("alice").Art.Album!.Outcome);
    }

    [Fact]
    public void With_uguu_enabled_Navidromes_own_cover_is_uploaded_as_multipart_and_registered()
    {
        var world = WorldGen.NewWorld(uguu: true);
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 2, 5, 1)); // t3: no MBIDs, private Navidrome URL
        world.AdvanceBy(World.LookupsShownMs);
        var upload = world.HttpRequests.Single(h => h.Request.Url == Uguu.UploadUrl);
        Assert.True(upload.Request.BodyIsBase64);
        Assert.Null(upload.AuthorizeAs);
        var body = System.Text.Encoding.Latin1.GetString(Convert.FromBase64String(upload.Request.Body!));
        Assert.Contains("name=\"files[]\"; filename=\"cover.jpg\"", body);
        Assert.Contains(world.Registrations, r => r.Urls.Contains("https://d.uguu.se/abc.jpg"));
        Assert.Equal(World.MediaPathOf("https://d.uguu.se/abc.jpg"), LargeImage(world));
        Assert.Equal(World.StartMs + Uguu.HitMs, world.StateOf("alice").Art.Album!.UntilMs, tolerance: 1_000);
    }

    [Fact]
    public void The_cover_request_escapes_username_and_id() =>
        Assert.Equal("getCoverArt?id=a%26b&size=300&u=j%C3%B6rg%20%26%20co", Uguu.CoverArtUri("a&b", "jörg & co"));

    [Theory]
    [InlineData("https://music.example.com/share/img/abc?size=300", true)]
    [InlineData("http://localhost:4533/share/img/abc", false)]
    [InlineData("http://127.0.0.1/x.png", false)]
    [InlineData("http://192.168.1.20/x.png", false)]
    [InlineData("http://10.0.0.5/x.png", false)]
    [InlineData("http://172.20.1.1/x.png", false)]
    [InlineData("http://169.254.1.1/x.png", false)]
    [InlineData("http://[::1]/x.png", false)]
    [InlineData("http://[fd00::1]/x.png", false)]
    [InlineData("https://user:pass@music.example.com/x.png", false)]
    [InlineData("https://navidrome.local/x.png", false)]
    [InlineData("ftp://example.com/x.png", false)]
    [InlineData("http://nas/x.png", false)]
    public void Only_public_urls_without_credentials_are_shareable(string url, bool shareable) =>
        Assert.Equal(shareable, ShareableUrl.IsShareable(url));

    [Fact]
    public void Registration_answers_map_urls_to_media_proxy_images_and_ignore_junk() =>
        Assert.Equal(
            new Dictionary<string, string> { ["https://a/x.png"] = "mp:external/abc/https/a/x.png" },
            DiscordAssets.Registered("""[{"url":"https://a/x.png","external_asset_path":"external/abc/https/a/x.png"},{"url":"https://b"},42,{"url":"https://c","external_asset_path":""}]"""));

    [Fact]
    public void Retry_After_comes_from_the_header_else_the_body()
    {
        Assert.Equal(2_500, DiscordAssets.RetryAfterMs(new HttpOutcome.Answered(429, [new Header("retry-after", "2.5")], "")));
        Assert.Equal(7_000, DiscordAssets.RetryAfterMs(new HttpOutcome.Answered(429, [], """{"retry_after": 7}""")));
        Assert.Equal(60_000, DiscordAssets.RetryAfterMs(new HttpOutcome.Answered(429, [], "junk")));
    }
}
