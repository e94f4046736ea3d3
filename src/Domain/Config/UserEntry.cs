using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.Config;

/// <summary>
/// One entry of the <c>users</c> list as written, before any check: its 1-based position, the trimmed username and
/// token (null when absent or not text), and any other keys (per-user settings) as text the config readers take.
/// </summary>
public sealed record UserEntry(int Position, string? Username, string? Token, EquatableArray<UserEntry.Setting> Settings)
{
    /// <summary>A per-user key and its value as text (JSON strings as they are, other JSON values as their JSON text).</summary>
    public readonly record struct Setting(string Key, string Text);

    /// <summary>The text of a per-user key (lower-case name), or null when the entry does not set it.</summary>
    public string? SettingText(string key)
    {
        foreach (var setting in Settings)
            if (setting.Key == key) return setting.Text;
        return null;
    }

    /// <summary>Names the entry's user and keys, never the token.</summary>
    public override string ToString() =>
        $"UserEntry({Position}, {Username}, token {(Token is null ? "absent" : "set")}, [{string.Join(", ", Settings.Select(s => s.Key))}])";
}
