using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Effects.Discord;

namespace Navidrome.DiscordPresence.Domain.Presence;

// Interim minimal version; replaced by the presence branch.
public static class PresenceComposer
{
    public static PresenceUpdate Compose(NowShowing? showing, PluginConfig config, Decorations decorations)
    {
        var status = config.Status.ToString().ToLowerInvariant();
        if (showing is null || (showing.Paused && config.Pause == PauseMode.Clear)) return PresenceUpdate.Clear(status);
        var timestamps = showing.Paused ? null : new ActivityTimestamps(showing.ImpliedStartMs, showing.ImpliedEndMs);
        var small = showing.Paused ? decorations.PauseImage : decorations.LogoImage;
        var assets = decorations.LargeImage is null && small is null ? null : new ActivityAssets(decorations.LargeImage, null, decorations.LargeUrl, small, null);
        return new PresenceUpdate([new Activity("Navidrome", 2, config.ClientId, showing.Track.Title, decorations.DetailsUrl, showing.Track.Artist, decorations.StateUrl, (int)config.StatusDisplay, timestamps, assets)], status);
    }
}
