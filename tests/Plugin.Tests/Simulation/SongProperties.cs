using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Domain.Song;
using Navidrome.DiscordPresence.Domain.State;
using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Tests.Simulation;

/// <summary>Invariants of the year-and-genre lookup over generated worlds: only when used, once per track and entry lifetime, never on the hot calls.</summary>
public class SongProperties
{
    private const int Runs = 300;

    private static World Run(WorldEvent[] events, bool songInfo, bool flaky = false)
    {
        var world = WorldGen.NewWorld(songInfo: songInfo);
        var calls = 0;
        if (flaky) world.SubsonicOverride = _ => ++calls % 3 == 0 ? (null, "SubsonicAPI router not available") : null;
        foreach (var ev in events) world.Apply(ev);
        world.AdvanceBy(60_000);
        return world;
    }

    [Property(MaxTest = Runs)]
    public Property No_getSong_request_unless_a_template_shows_year_or_genre() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.Sequence), events =>
        {
            var world = Run(events, songInfo: false);
            var read = world.Store.Keys.FirstOrDefault(k => k.Key.StartsWith("song/", StringComparison.Ordinal));
            return (world.SongRequests.Count == 0 && read == default).Label($"{world.SongRequests.Count} requests, stored {read.Key}");
        });

    [Property(MaxTest = Runs)]
    public Property At_most_one_lookup_per_track_per_entry_lifetime(bool flaky) =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.Sequence), events =>
        {
            var world = Run(events, songInfo: true, flaky);
            var early = world.SongRequests
                .GroupBy(r => r.Call.Uri.Split('&')[0])
                .SelectMany(g => g.Zip(g.Skip(1), (a, b) => (First: a, Next: b)))
                .Where(p => p.Next.AtMs - p.First.AtMs < Lifetime(world, p.First.Call))
                .ToList();
            return (early.Count == 0).Label(string.Join("; ", early.Select(p => $"{p.First.Call.Uri} at {p.First.AtMs} and again at {p.Next.AtMs}")));
        });

    /// <summary>How long the entry the request led to lives: a day after an answer, ten minutes after a failure.</summary>
    private static long Lifetime(World world, Effect.SubsonicCall call) =>
        world.Decisions.Select(d => d.Input).OfType<Domain.Input.SubsonicCallAnswered>().First(a => a.Tag == call.Tag) is var answer
        && SongAnswer.Read(answer.ResponseJson, answer.Error).Problem is null ? SongFacts.AnsweredMs : SongFacts.FailedMs;

    [Property(MaxTest = Runs)]
    public Property The_hot_calls_never_read_nor_ask_for_song_facts() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.Sequence), events =>
        {
            var world = Run(events, songInfo: true);
            var hot = world.Decisions.Where(d => InputNeeds.Of(d.Input) is not InputNeeds.Everything).ToList();
            var reading = hot.FirstOrDefault(d => (InputNeeds.Of(d.Input).Parts & StatePart.Song) != 0);
            var asking = hot.FirstOrDefault(d => d.Step.Effects.Any(e => e is Effect.SubsonicCall || e is Effect.ScheduleOnce { ScheduleId: var id } && id.StartsWith("song:", StringComparison.Ordinal)));
            return (reading is null && asking is null).Label($"{reading?.Input ?? asking?.Input}");
        });

    [Property(MaxTest = Runs)]
    public Property A_shown_track_ends_up_showing_its_year() =>
        Prop.ForAll(WorldGen.Arbitrary(WorldGen.CalmSequence), events =>
        {
            var world = Run(events, songInfo: true);
            for (var player = 0; player < 3; player++) world.Apply(new WorldEvent.Report(0, player, ReportState.Stopped, 0, 0, 1));
            world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 0, 5, 1));
            world.AdvanceBy(30_000);
            var state = world.SentFrames.LastOrDefault(f => f.User == "alice" && f.Presence is not null)?.Presence?.Activities.FirstOrDefault()?.State;
            return (state == "Miles Davis - 1959").Label($"state {state ?? "none"}");
        });
}
