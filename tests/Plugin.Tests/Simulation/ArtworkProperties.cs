using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Navidrome.DiscordPresence.Domain.Artwork;
using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Tests.Manifest;

namespace Navidrome.DiscordPresence.Tests.Simulation;

/// <summary>Invariants of the artwork pipeline over generated worlds.</summary>
public class ArtworkProperties
{
    private const int Runs = 500;

    private static World Run(WorldEvent[] events)
    {
        var world = WorldGen.NewWorld();
        foreach (var ev in events) world.Apply(ev);
        world.AdvanceBy(60_000);
        return world;
    }

    [Property(MaxTest = Runs)]
    public Property Each_album_is_registered_at_most_once_per_cache_period() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.Sequence), events =>
        {
            var world = Run(events);
            var periods = 1 + (world.NowMs - World.StartMs) / AlbumArt.HitMs;
            var fixedUrls = new[] { FixedImageUrls.Logo, FixedImageUrls.Pause };
            var albumRegistrations = world.Registrations.SelectMany(r => r.Urls).Count(u => !fixedUrls.Contains(u));
            var albums = Enumerable.Range(0, Tracks.Count).Select(i => AlbumKey.Of(Tracks.Get(i))).OfType<string>().Distinct().Count();
            return (albumRegistrations <= albums * periods).Label($"{albumRegistrations} album registrations for {albums} albums over {periods} periods");
        });

    [Property(MaxTest = Runs)]
    public Property No_request_carries_a_token_to_any_host_but_discord_com() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.Sequence), events =>
        {
            var world = Run(events);
            var leaking = world.HttpRequests.FirstOrDefault(h => h.AuthorizeAs is not null && new Uri(h.Request.Url).Host != "discord.com");
            return (leaking is null).Label($"{leaking}");
        });

    [Property(MaxTest = Runs)]
    public Property Every_request_and_connection_goes_to_a_host_the_manifest_allows(bool uguu, bool spotify) =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.Sequence), events =>
        {
            var world = WorldGen.NewWorld(links: spotify ? LinkMode.Spotify : LinkMode.MusicBrainz, uguu: uguu);
            foreach (var ev in events) world.Apply(ev);
            world.AdvanceBy(60_000);
            var http = world.HttpRequests.Select(h => h.Request.Url).FirstOrDefault(u => !AllowedHosts.Allow("http", u));
            var sockets = world.Decisions.SelectMany(d => d.Step.Effects).OfType<Effect.Connect>().Select(c => c.Url)
                .FirstOrDefault(u => !AllowedHosts.Allow("websocket", u));
            return (http is null && sockets is null).Label($"not allowed: {http ?? sockets}");
        });

    [Property(MaxTest = Runs)]
    public Property No_private_or_credentialed_image_url_reaches_Discord() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.Sequence), events =>
        {
            var world = Run(events);
            var bad = world.Registrations.SelectMany(r => r.Urls).FirstOrDefault(u => !ShareableUrl.IsShareable(u) || u.Contains("localhost", StringComparison.Ordinal));
            return (bad is null).Label($"sent {bad}");
        });

    [Property(MaxTest = Runs)]
    public Property A_shown_track_with_art_ends_up_showing_it() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.CalmSequence), events =>
        {
            var world = Run(events);
            for (var player = 0; player < 3; player++) world.Apply(new WorldEvent.Report(0, player, Domain.Playback.ReportState.Stopped, 0, 0, 1));
            world.Apply(new WorldEvent.Report(0, 0, Domain.Playback.ReportState.Playing, 0, 5, 1));
            world.AdvanceBy(30_000);
            var last = world.SentFrames.LastOrDefault(f => f.User == "alice" && f.Presence is not null)?.Presence;
            var image = last?.Activities.FirstOrDefault()?.Assets?.LargeImage;
            var expected = World.MediaPathOf("https://archive.org/download/mbid-rel-1/front-500.jpg");
            return (image == expected).Label($"large image {image ?? "none"}, expected the Cover Art Archive's {expected}");
        });
}
