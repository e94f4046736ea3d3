using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Gateway;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Domain.Presence;
using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.Artwork;

/// <summary>
/// Finds and registers album art without ever holding up a presence (see docs/go-plugin-weaknesses.md, 'Lookups on the playback path'
/// and 'Image registration gaps'):
/// - a presence goes out at once with the best image already known (the album's art, else the logo);
/// - when the album in focus has no valid entry, a one-time timer runs the lookup in its own call, off Navidrome's
///   playback worker, so a slow source delays nobody; its id (album number + user) keeps duplicates out;
/// - sources in order, each optional: Cover Art Archive release, release group, Navidrome's cover uploaded to
///   uguu.se (opt-in), Navidrome's public artwork URL; then the logo. Only shareable URLs reach Discord
///   (<see cref="ShareableUrl"/>);
/// - the found image and any missing fixed image are registered in one request (≤ 2 URLs); the result is kept per
///   album, definite misses for hours, passing failures for minutes;
/// - 429 blocks registration until Retry-After; 401 means the token is invalid, exactly like gateway close 4004.
/// When the lookup stores a result, the gateway session re-sends the presence if it changed.
/// </summary>
public static class ArtworkPipeline
{
    private const string CaaRelease = "caa-rel", CaaGroup = "caa-rg", Register = "reg", Navidrome = "nd-art", Cover = "nd-cover", Upload = "uguu";

    /// <summary>Navidrome artwork size asked for, in pixels.</summary>
    public const int NavidromeSize = 300;

    /// <summary>Advances the art lookup for one input.</summary>
    public static Step Decide(Input input, UserState state, DiscordUser account, PluginConfig config, Moment now)
    {
        // A rejected token gets no traffic at all, image registration included.
        if (state.Token.RejectedFingerprint == account.TokenFingerprint) return new Step(state with { Lookup = null }, []);
        var track = Showing.At(state.Playback, state.NowPlaying, state.Host, config, now.NowMs)?.Track;
        var key = track is null ? null : AlbumKey.Of(track);
        if (track is null || key is null || key != state.Art.AlbumKey) return new Step(state, []);

        return input switch
        {
            Input.TimerFired t when IsArtTimer(t.ScheduleId, key) => Begin(state, track, key, account, config, now.NowMs),
            Input.HttpAnswered h when Belongs(h.Tag, key, state, out var purpose) => purpose switch
            {
                CaaRelease or CaaGroup => AfterCoverArt(h.Outcome, state, track, key, account, config, now.NowMs),
                Upload => AfterUpload(h.Outcome, state, track, key, account, config, now.NowMs),
                Register => AfterRegister(h.Outcome, state, key, account, now.NowMs),
                _ => new Step(state, []),
            },
            Input.ArtworkAnswered a when Belongs(a.Tag, key, state, out _) => AfterNavidrome(a, state, track, key, account, config, now.NowMs),
            Input.SubsonicAnswered c when Belongs(c.Tag, key, state, out _) => AfterCover(c, state, track, key, account, config, now.NowMs),
            _ => ScheduleIfNeeded(state, key, account, now.NowMs),
        };
    }

    private static bool IsArtTimer(string scheduleId, string key) =>
        GatewayIds.TryParseSchedule(scheduleId, out var kind, out var number, out _) && kind == TimerKind.Artwork && number == AlbumKey.Number(key);

    private static bool Belongs(string tag, string key, UserState state, out string purpose) =>
        HttpTags.TryParse(tag, out purpose, out var number, out _) && number == AlbumKey.Number(key) && state.Lookup?.AlbumKey == key;

    private static bool Known(UserState state, long nowMs) => state.Art.Album is { } album && album.IsValidAt(nowMs);

    private static Step ScheduleIfNeeded(UserState state, string key, DiscordUser account, long nowMs)
    {
        if (Known(state, nowMs) || nowMs < state.Art.BlockedUntilMs) return new Step(state, []);
        var id = GatewayIds.Schedule(TimerKind.Artwork, AlbumKey.Number(key), account.Username);
        return new Step(state, [new Effect.ScheduleOnce(id, 0, id)]);
    }

    private static Step Begin(UserState state, Playback.Track track, string key, DiscordUser account, PluginConfig config, long nowMs)
    {
        if (Known(state, nowMs) || nowMs < state.Art.BlockedUntilMs) return new Step(state, []);
        return TrySource(state with { Lookup = new ArtLookup(key, ArtSource.CoverArtRelease, false) }, track, key, account, config, nowMs);
    }

    /// <summary>Asks the next applicable source, or registers what is needed when none is left.</summary>
    private static Step TrySource(UserState state, Playback.Track track, string key, DiscordUser account, PluginConfig config, long nowMs)
    {
        var lookup = state.Lookup!;
        var number = AlbumKey.Number(key);
        for (var source = lookup.Next; source != ArtSource.None; source++)
        {
            var next = state with { Lookup = lookup with { Next = source + 1 } };
            switch (source)
            {
                case ArtSource.CoverArtRelease when config.Artwork.CoverArtArchive && track.MbzAlbumId.Length > 0:
                    return new Step(next, [new Effect.Http(HttpTags.Make(CaaRelease, number, account.Username), CoverArtArchive.Request(false, track.MbzAlbumId))]);
                case ArtSource.CoverArtReleaseGroup when config.Artwork.CoverArtArchive && track.MbzReleaseGroupId.Length > 0:
                    return new Step(next, [new Effect.Http(HttpTags.Make(CaaGroup, number, account.Username), CoverArtArchive.Request(true, track.MbzReleaseGroupId))]);
                case ArtSource.Uguu when config.Artwork.UguuUpload && track.Id.Length > 0:
                    return new Step(next, [new Effect.SubsonicRaw(HttpTags.Make(Cover, number, account.Username), Uguu.CoverArtUri(track.Id, account.Username))]);
                case ArtSource.Navidrome when config.Artwork.NavidromeArtwork && track.Id.Length > 0:
                    return new Step(next, [new Effect.ArtworkUrl(HttpTags.Make(Navidrome, number, account.Username), track.Id, NavidromeSize)]);
            }
        }
        return RegisterOrFinish(state with { Lookup = lookup with { Next = ArtSource.None } }, candidate: null, key, account, config, nowMs);
    }

    private static Step AfterCoverArt(HttpOutcome outcome, UserState state, Playback.Track track, string key, DiscordUser account, PluginConfig config, long nowMs)
    {
        var (image, definite) = CoverArtArchive.Read(outcome);
        if (ShareableUrl.IsShareable(image)) return RegisterOrFinish(state, image, key, account, config, nowMs);
        var next = definite ? state : state with { Lookup = state.Lookup! with { HadPassingFailure = true } };
        return TrySource(next, track, key, account, config, nowMs);
    }

    private static Step AfterCover(Input.SubsonicAnswered cover, UserState state, Playback.Track track, string key, DiscordUser account, PluginConfig config, long nowMs)
    {
        if (Uguu.Upload(cover.ContentType, cover.DataBase64, nowMs) is { } upload)
            return new Step(state, [new Effect.Http(HttpTags.Make(Upload, AlbumKey.Number(key), account.Username), upload)]);
        var next = cover.Error is null ? state : state with { Lookup = state.Lookup! with { HadPassingFailure = true } };
        return TrySource(next, track, key, account, config, nowMs);
    }

    private static Step AfterUpload(HttpOutcome outcome, UserState state, Playback.Track track, string key, DiscordUser account, PluginConfig config, long nowMs)
    {
        var url = Uguu.Read(outcome);
        if (ShareableUrl.IsShareable(url))
            return RegisterOrFinish(state with { Lookup = state.Lookup! with { CandidateTrustMs = Uguu.HitMs } }, url, key, account, config, nowMs);
        return TrySource(state with { Lookup = state.Lookup! with { HadPassingFailure = true } }, track, key, account, config, nowMs);
    }

    private static Step AfterNavidrome(Input.ArtworkAnswered answer, UserState state, Playback.Track track, string key, DiscordUser account, PluginConfig config, long nowMs)
    {
        if (ShareableUrl.IsShareable(answer.Url)) return RegisterOrFinish(state, answer.Url, key, account, config, nowMs);
        var next = answer.Error is null ? state : state with { Lookup = state.Lookup! with { HadPassingFailure = true } };
        return TrySource(next, track, key, account, config, nowMs);
    }

    /// <summary>Registers the candidate and any missing fixed image in one request; with nothing to register, records the outcome.</summary>
    private static Step RegisterOrFinish(UserState state, string? candidate, string key, DiscordUser account, PluginConfig config, long nowMs)
    {
        var urls = new List<string>();
        if (candidate is not null) urls.Add(candidate);
        foreach (var (url, known) in new[] { (FixedImageUrls.Logo, state.Art.Fixed.Logo), (FixedImageUrls.Pause, state.Art.Fixed.Pause) })
            if (urls.Count < DiscordAssets.MaxUrls && (known is null || nowMs >= known.UntilMs)) urls.Add(url);
        if (urls.Count == 0 || config.ClientId is null) return Finish(state, key, candidate: null, registered: null, nowMs);

        var request = new Effect.Http(HttpTags.Make(Register, AlbumKey.Number(key), account.Username), DiscordAssets.Request(config.ClientId, urls), AuthorizeAs: account.Username);
        return new Step(state with { Lookup = state.Lookup! with { Next = ArtSource.None, Candidate = candidate } }, [request]);
    }

    private static Step AfterRegister(HttpOutcome outcome, UserState state, string key, DiscordUser account, long nowMs)
    {
        var candidate = state.Lookup!.Candidate;
        switch (outcome)
        {
            case HttpOutcome.Answered { Status: 200 } ok:
                return Finish(state, key, candidate, DiscordAssets.Registered(ok.Body), nowMs);
            case HttpOutcome.Answered { Status: 401 }:
                return new Step(state with { Token = new TokenVerdict(account.TokenFingerprint), Lookup = null }, [new Effect.Log(LogLevel.Error,
                    $"user '{account.Username}': presence stopped: Discord rejected the token (HTTP 401 registering an image): set a valid token for this user in the plugin config")]);
            case HttpOutcome.Answered { Status: 429 } limited:
                var until = nowMs + DiscordAssets.RetryAfterMs(limited);
                return new Step(state with { Art = state.Art with { BlockedUntilMs = until }, Lookup = null }, [new Effect.Log(LogLevel.Warn,
                    $"Discord is rate-limiting image registration; retrying after {(until - nowMs) / 1000} s")]);
            default:
                var failed = state.Art with { Album = new AlbumArt(ArtOutcome.Failed, null, nowMs + AlbumArt.FailedMs) };
                return new Step(state with { Art = failed, Lookup = null }, [new Effect.Log(LogLevel.Warn,
                    $"user '{account.Username}': registering album art with Discord failed ({Describe(outcome)}); retrying in {AlbumArt.FailedMs / 60_000} min")]);
        }
    }

    /// <summary>Records the lookup's outcome and the fixed images Discord registered.</summary>
    private static Step Finish(UserState state, string key, string? candidate, IReadOnlyDictionary<string, string>? registered, long nowMs)
    {
        var lookup = state.Lookup!;
        FixedImage? Fixed(string url, FixedImage? known) =>
            registered is not null && registered.TryGetValue(url, out var image) ? new FixedImage(image, nowMs + FixedImage.TrustMs) : known;

        AlbumArt album = candidate is not null && registered is not null && registered.TryGetValue(candidate, out var art)
            ? new AlbumArt(ArtOutcome.Found, art, nowMs + lookup.CandidateTrustMs)
            : candidate is null && !lookup.HadPassingFailure
                ? new AlbumArt(ArtOutcome.Missing, null, nowMs + AlbumArt.MissMs)
                : new AlbumArt(ArtOutcome.Failed, null, nowMs + AlbumArt.FailedMs);
        var fixedImages = new FixedImages(Fixed(FixedImageUrls.Logo, state.Art.Fixed.Logo), Fixed(FixedImageUrls.Pause, state.Art.Fixed.Pause));
        return new Step(state with { Art = state.Art with { AlbumKey = key, Album = album, Fixed = fixedImages }, Lookup = null }, []);
    }

    private static string Describe(HttpOutcome outcome) => outcome switch
    {
        HttpOutcome.Answered a => $"HTTP {a.Status}",
        HttpOutcome.Failed f => f.Error,
        _ => "unknown",
    };
}
