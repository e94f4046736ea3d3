using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Playback;

namespace Navidrome.DiscordPresence.Domain.Presence;

/// <summary>
/// What "Listening to …" names, per the Go plugin's <c>activityname</c> modes. Default is the Discord application's
/// own name, which Discord shows whatever name is sent; "Navidrome" is what is sent, as the Go plugin does.
/// </summary>
public static class ActivityNames
{
    /// <summary>The activity name for <paramref name="track"/> (before field limits).</summary>
    public static string For(Track track, PluginConfig config, TemplateContext? context = null) => config.ActivityName switch
    {
        ActivityNameMode.Default => TextField.FallbackName,
        ActivityNameMode.Track => track.Title,
        ActivityNameMode.Album => track.Album,
        ActivityNameMode.Artist => track.Artist,
        ActivityNameMode.Custom => Template.Render(config.ActivityNameTemplate, track, context),
        _ => TextField.FallbackName,
    };
}
