using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Effects.Discord;

namespace Navidrome.DiscordPresence.Domain.Presence;

/// <summary>
/// The activity's buttons from the configured ones (the config holds at most two): each label and URL rendered for
/// the track; a button whose label is empty, or whose URL is not one <see cref="ButtonUrl"/> allows, is left out,
/// and so is one that would show a configured token. A label longer than 31 bytes is cut with "…" (<see cref="TextField.FitLabel"/>).
/// </summary>
public static class ActivityButtonsComposer
{
    /// <summary>The buttons to send, or null for none.</summary>
    public static ActivityButtons? For(EquatableArray<ButtonTemplate> buttons, Track track, TemplateContext context, TrackLinks? links, SecretScreen secrets)
    {
        if (buttons.IsEmpty) return null;
        ActivityButton? first = null, second = null;
        foreach (var button in buttons)
        {
            if (Render(button, track, context, links, secrets) is not { } rendered) continue;
            if (first is null) first = rendered;
            else second ??= rendered;
        }
        return first is null ? null : new ActivityButtons(first, second);
    }

    private static ActivityButton? Render(ButtonTemplate button, Track track, TemplateContext context, TrackLinks? links, SecretScreen secrets)
    {
        var label = Template.Render(button.Label, track, context);
        if (secrets.Reveals(label) || TextField.FitLabel(label) is not { } fitted) return null;
        var url = ButtonUrl.Render(button.Url, track, context, links);
        return secrets.Reveals(url) || ButtonUrl.FaultOf(url) != ButtonUrl.Fault.None ? null : new ActivityButton(fitted, url);
    }
}
