using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Effects.Discord;

namespace Navidrome.DiscordPresence.Domain.Presence;

/// <summary>
/// Renders what should show into Discord's presence payload: a Listening activity (type 2) with the admin's
/// templates, the configured online status (never a hard-coded dnd), <c>status_display_type</c> chosen on its own
/// (not tied to the name mode), and every field within Discord's limits (<see cref="TextField"/>).
/// Playing shows start and end (progress <c>bar</c>: Discord draws a bar that runs at the playback rate), start only
/// (<c>elapsed</c>: a running clock) or neither (<c>off</c>). Paused shows the track with no timestamps (no running
/// "paused for" clock) and the frozen position as text on the pause icon.
/// Nothing to show, a hidden user, or paused in Clear mode, is the valid clear payload: no activities and a real status.
/// No field ever carries a configured token: a rendered text that contains one is left out (Discord shows a
/// presence to everyone who can see the user), whatever the templates or the track's tags hold. Up to two buttons
/// (<see cref="ActivityButtonsComposer"/>) go with the activity, playing or paused.
/// </summary>
public static class PresenceComposer
{
    /// <summary>Discord's activity type for "Listening to".</summary>
    public const int ListeningType = 2;

    /// <summary>
    /// The presence payload for <paramref name="showing"/>. <paramref name="extras"/> are the track's looked-up facts
    /// (year, genre), null until known: their placeholders are empty until then.
    /// </summary>
    public static PresenceUpdate Compose(NowShowing? showing, PluginConfig config, Decorations decorations, TrackExtras? extras = null)
    {
        var status = StatusText(config.Status);
        if (showing is null || config.Hidden || (showing.Paused && config.Pause == PauseMode.Clear)) return PresenceUpdate.Clear(status);

        var secrets = config.Secrets ?? SecretScreen.None;
        string? Text(string? rendered) => TextField.Fit(secrets.Reveals(rendered) ? null : rendered);
        string? Url(string? url) => TextField.FitUrl(secrets.Reveals(url) ? null : url);

        var track = showing.Track;
        var context = new TemplateContext(showing.PlayerName, extras);
        var activity = new Activity(
            Name: TextField.FitName(Text(ActivityNames.For(track, config, context))),
            Type: ListeningType,
            ApplicationId: config.ClientId,
            Details: Text(Template.Render(config.DetailsTemplate, track, context)),
            DetailsUrl: Url(decorations.DetailsUrl),
            State: Text(Template.Render(config.StateTemplate, track, context)),
            StateUrl: Url(decorations.StateUrl),
            StatusDisplayType: (int)config.StatusDisplay,
            Timestamps: showing.Paused ? null : Timestamps(showing, config.Progress),
            Assets: Assets(showing, config, decorations, context, Text, Url),
            Buttons: ActivityButtonsComposer.For(config.Buttons, track, context, decorations.Links, secrets));
        return new PresenceUpdate([activity], status);
    }

    /// <summary>The status string Discord takes.</summary>
    public static string StatusText(OnlineStatus status) => status switch
    {
        OnlineStatus.Online => "online",
        OnlineStatus.Idle => "idle",
        OnlineStatus.Dnd => "dnd",
        OnlineStatus.Invisible => "invisible",
        _ => "online",
    };

    private static ActivityTimestamps? Timestamps(NowShowing showing, ProgressMode progress) => progress switch
    {
        ProgressMode.Bar => new ActivityTimestamps(showing.ImpliedStartMs, showing.ImpliedEndMs),
        ProgressMode.Elapsed => new ActivityTimestamps(showing.ImpliedStartMs, null),
        _ => null,
    };

    private static ActivityAssets? Assets(NowShowing showing, PluginConfig config, Decorations decorations, TemplateContext context,
        Func<string?, string?> text, Func<string?, string?> url)
    {
        var largeText = Template.Render(config.LargeTextTemplate, showing.Track, context);
        var (smallImage, smallText) = showing.Paused
            ? (decorations.PauseImage, PositionText.PausedAt(showing.PositionMs, showing.Track.DurationMs))
            : (decorations.LogoImage, Template.Render(config.SmallTextTemplate, showing.Track, context));
        // Without a pause icon there is nothing to hover for the paused position, so it takes the album art's hover text.
        if (showing.Paused && smallImage is null) (largeText, smallText) = (smallText, null);
        var assets = new ActivityAssets(
            LargeImage: decorations.LargeImage,
            LargeText: decorations.LargeImage is null ? null : text(largeText),
            LargeUrl: decorations.LargeImage is null ? null : url(decorations.LargeUrl),
            SmallImage: smallImage,
            SmallText: smallImage is null ? null : text(smallText));
        return assets is { LargeImage: null, SmallImage: null } ? null : assets;
    }
}
