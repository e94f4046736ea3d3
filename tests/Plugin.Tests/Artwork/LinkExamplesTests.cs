using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Domain.Artwork;
using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Domain.State;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Effects.Discord;
using Navidrome.DiscordPresence.Tests.Simulation;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Artwork;

public class LinkExamplesTests
{
    private static bool IsListenBrainz(Effect.Http h) => h.Request.Url.StartsWith("https://labs.api.listenbrainz.org/", StringComparison.Ordinal);

    private static Activity LastActivity(World world) =>
        world.SentFrames.Last(f => f.User == "alice" && f.Presence is { IsClear: false }).Presence!.Activities[0];

    [Fact]
    public void Spotify_links_start_as_searches_and_become_the_track_once_ListenBrainz_finds_it()
    {
        var world = WorldGen.NewWorld(links: LinkMode.Spotify);
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 0, 5, 1));
        var first = world.SentFrames.First(f => f.Presence is { IsClear: false }).Presence!.Activities[0];
        Assert.Equal("https://open.spotify.com/search/Miles%20Davis%20Blue%20in%20Green", first.DetailsUrl);
        world.AdvanceBy(World.LookupsShownMs);
        var lookup = world.HttpRequests.Single(IsListenBrainz);
        Assert.Equal(("POST", "https://labs.api.listenbrainz.org/spotify-id-from-mbid/json", """[{"recording_mbid":"rec-1"}]""", null),
            (lookup.Request.Method, lookup.Request.Url, lookup.Request.Body, lookup.AuthorizeAs));
        var last = LastActivity(world);
        Assert.Equal("https://open.spotify.com/track/4u7EnebtmKWzUH433cf5Qv", last.DetailsUrl);
        Assert.Equal("https://open.spotify.com/search/Miles%20Davis", last.StateUrl);
        Assert.Equal(last.DetailsUrl, last.Assets!.LargeUrl);
    }

    [Fact]
    public void A_button_using_the_Spotify_link_gets_it_looked_up_though_the_links_mode_is_off()
    {
        var world = new World(WorldGen.Config() with { Buttons = [new ButtonTemplate("Listen on Spotify", "{spotifyurl}")] }, []);
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 0, 5, 1));
        world.AdvanceBy(World.LookupsShownMs);
        Assert.Single(world.HttpRequests, IsListenBrainz);
        var last = LastActivity(world);
        Assert.Null(last.DetailsUrl);
        Assert.Equal(new ActivityButtons(new ActivityButton("Listen on Spotify", "https://open.spotify.com/track/4u7EnebtmKWzUH433cf5Qv")), last.Buttons);
        // What was sent is stored with its buttons, so the next decision compares against them.
        var stored = ((StateLoad.Loaded)StoredState.Load("alice", StatePart.Sent, key => StoredRead.Of(world.Store.GetValueOrDefault(key)), _ => null, TrackEntries.None, (_, problem) => throw new InvalidOperationException(problem))).State;
        Assert.Equal(last.Buttons, stored.Sent.LastSent!.Activities[0].Buttons);
    }

    [Fact]
    public void Without_a_recording_id_the_lookup_goes_by_metadata_written_by_a_JSON_encoder()
    {
        var world = WorldGen.NewWorld(links: LinkMode.Spotify);
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 2, 5, 1));
        world.AdvanceBy(1_000);
        var lookup = world.HttpRequests.Single(IsListenBrainz);
        Assert.Equal("https://labs.api.listenbrainz.org/spotify-id-from-metadata/json", lookup.Request.Url);
        Assert.Equal("""[{"artist_name":"A","track_name":"\u00DCn\u00EFc\u00F6d\u00E9 \uD83C\uDFB5 Song","release_name":"Alb\u00FCm"}]""", lookup.Request.Body);
    }

    [Fact]
    public void A_failed_lookup_is_retried_after_minutes_not_cached_for_hours()
    {
        var world = WorldGen.NewWorld(links: LinkMode.Spotify);
        world.HttpOverride = h => IsListenBrainz(h) ? new HttpOutcome.Failed("timeout") : null;
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 1, 5, 1));
        world.AdvanceBy(1_000);
        Assert.Equal(World.StartMs + 1_000 - 1_000 + SpotifyLink.FailedMs, world.StateOf("alice").Links.Link!.UntilMs, tolerance: 1_000);
    }

    [Fact]
    public void MusicBrainz_links_need_no_lookup()
    {
        var world = WorldGen.NewWorld(links: LinkMode.MusicBrainz);
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 0, 5, 1));
        world.AdvanceBy(World.LookupsShownMs);
        Assert.DoesNotContain(world.HttpRequests, IsListenBrainz);
        Assert.Equal("https://musicbrainz.org/recording/rec-1", LastActivity(world).DetailsUrl);
        Assert.Equal("https://musicbrainz.org/release/rel-1", LastActivity(world).Assets!.LargeUrl);
    }
}
