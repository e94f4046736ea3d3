namespace Navidrome.DiscordPresence.Domain.Config;

/// <summary>
/// One configured activity button: a label template (the text placeholders) and a URL template (the text
/// placeholders, URL-encoded, and the link placeholders; see <see cref="Presence.ButtonUrl"/>).
/// </summary>
public sealed record ButtonTemplate(string Label, string Url);
