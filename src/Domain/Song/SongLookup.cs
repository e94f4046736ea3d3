using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Gateway;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Domain.Presence;
using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.Song;

/// <summary>
/// {year} and {genre}: Navidrome's track info has neither, so the track in focus is looked up with the Subsonic API's
/// <c>getSong</c>, as the user who plays it, once per track and entry lifetime (<see cref="SongFacts"/>), shared by
/// every user. Like the link lookup it runs in a timer call of its own, never on Navidrome's playback worker (shared
/// by every plugin and user), and only when one of the user's templates shows year or genre. Until the answer is in
/// they are empty, and the templates drop the separator or brackets around them.
/// </summary>
public static class SongLookup
{
    private const string Purpose = "song";

    /// <summary>The key of a track's entry: its Navidrome id (none without one).</summary>
    public static string? KeyOf(Track track) => track.Id.Length == 0 ? null : track.Id;

    /// <summary>The Subsonic call that answers a track's year and genre, made as the user who plays it (Navidrome requires <c>u</c>).</summary>
    public static string Uri(string trackId, string username) =>
        $"getSong?id={System.Uri.EscapeDataString(trackId)}&u={System.Uri.EscapeDataString(username)}";

    /// <summary>
    /// True when a template this config renders shows {year} or {genre}: only then is anything looked up or loaded.
    /// A hidden user's templates render nothing.
    /// </summary>
    public static bool IsWanted(PluginConfig config)
    {
        if (config.Hidden) return false;
        if (Uses(config.DetailsTemplate) || Uses(config.StateTemplate) || Uses(config.LargeTextTemplate) || Uses(config.SmallTextTemplate)
            || config.ActivityName == ActivityNameMode.Custom && Uses(config.ActivityNameTemplate))
            return true;
        foreach (var button in config.Buttons)
            if (Uses(button.Label) || Uses(button.Url)) return true;
        return false;
    }

    private static bool Uses(string template) =>
        template.Contains("{year}", StringComparison.Ordinal) || template.Contains("{genre}", StringComparison.Ordinal);

    /// <summary>What the templates show for <paramref name="track"/>: the loaded facts when they are this track's, else nothing yet.</summary>
    public static TrackExtras? ExtrasFor(Track? track, SongFactsView view) =>
        track is not null && view.Facts is { } facts && view.TrackKey == KeyOf(track) ? facts.Extras : null;

    /// <summary>Advances the lookup for one input.</summary>
    public static Step Decide(Input input, UserState state, DiscordUser account, PluginConfig config, Moment now)
    {
        if (!IsWanted(config) || state.Token.RejectedFingerprint == account.TokenFingerprint) return new Step(state, []);
        if (TrackLookup.InFocus(state, config, now.NowMs, KeyOf, state.Song.TrackKey) is not (var track, var number)) return new Step(state, []);
        var known = state.Song.Facts is { } facts && now.NowMs < facts.UntilMs;

        switch (input)
        {
            case Input.TimerFired when TrackLookup.IsTimer(input, TimerKind.SongInfo, number):
                if (known) return new Step(state, []);
                return new Step(state, [new Effect.SubsonicCall(HttpTags.Make(Purpose, number, account.Username), Uri(track.Id, account.Username))]);
            case Input.SubsonicCallAnswered a when HttpTags.TryParse(a.Tag, out var purpose, out var tagNumber, out _) && purpose == Purpose && tagNumber == number:
                var (year, genre, problem) = SongAnswer.Read(a.ResponseJson, a.Error);
                if (problem is null) return Store(state, new SongFacts(year, genre, now.NowMs + SongFacts.AnsweredMs), []);
                // What an earlier answer said stays shown until a lookup answers again.
                var old = state.Song.Facts;
                return Store(state, new SongFacts(old?.Year, old?.Genre, now.NowMs + SongFacts.FailedMs), [new Effect.Log(LogLevel.Warn,
                    $"user '{account.Username}': looking up the year and genre of track '{track.Id}' failed ({problem}); {{year}} and {{genre}} stay empty, retrying in {SongFacts.FailedMs / 60_000} min")]);
            default:
                return TrackLookup.ScheduleUnlessKnown(state, known, TimerKind.SongInfo, number, account.Username);
        }
    }

    private static Step Store(UserState state, SongFacts facts, EquatableArray<Effect> effects) =>
        new(state with { Song = state.Song with { Facts = facts } }, effects);
}
