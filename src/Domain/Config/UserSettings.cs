using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.Config;

/// <summary>
/// One user's own settings, written inside their <c>users</c> entry; each absent value (null) means the global one.
/// <see cref="Hidden"/> shows nothing for the user while keeping their token configured.
/// </summary>
public sealed record UserSettings(
    OnlineStatus? Status = null,
    PauseMode? Pause = null,
    ActivityNameMode? ActivityName = null,
    string? ActivityNameTemplate = null,
    string? DetailsTemplate = null,
    string? StateTemplate = null,
    EquatableArray<string>? IgnoredPlayers = null,
    bool Hidden = false)
{
    /// <summary>No settings of the user's own.</summary>
    public static readonly UserSettings None = new();

    /// <summary>The keys a users entry may carry besides username and token (the same names as the global keys, plus hidden).</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        ConfigKeys.OnlineStatus, ConfigKeys.PauseMode, ConfigKeys.ActivityName, ConfigKeys.ActivityNameTemplate,
        ConfigKeys.DetailsTemplate, ConfigKeys.StateTemplate, ConfigKeys.IgnoredPlayers, ConfigKeys.Hidden,
    ];

    /// <summary>
    /// The settings of an entry: each per-user value parsed as its global key is; an absent, blank or bad one is null
    /// (the checker reports the bad ones). Templates and lists are screened for tokens like global ones.
    /// </summary>
    public static UserSettings Of(UserEntry entry, SecretScreen secrets)
    {
        if (entry.Settings.IsEmpty) return None;
        T? Value<T>(string key, Func<string, Parsed<T>> parse) where T : struct =>
            entry.SettingText(key) is { } text && !ConfigValues.IsAbsent(text) && parse(text) is { IsGood: true } parsed ? parsed.Value : null;
        string? Template(string key) =>
            entry.SettingText(key) is { } text && !ConfigValues.IsAbsent(text) && ConfigValues.Template(text, secrets) is { IsGood: true } parsed ? parsed.Value : null;
        return new UserSettings(
            Value(ConfigKeys.OnlineStatus, ConfigValues.Choice<OnlineStatus>),
            Value(ConfigKeys.PauseMode, ConfigValues.Choice<PauseMode>),
            Value(ConfigKeys.ActivityName, ConfigValues.Choice<ActivityNameMode>),
            Template(ConfigKeys.ActivityNameTemplate),
            Template(ConfigKeys.DetailsTemplate),
            Template(ConfigKeys.StateTemplate),
            Value(ConfigKeys.IgnoredPlayers, text => ConfigValues.NameList(text, secrets)),
            Value(ConfigKeys.Hidden, ConfigValues.Boolean) ?? false);
    }

    /// <summary><paramref name="config"/> with these settings in place of the global values they set.</summary>
    public PluginConfig Over(PluginConfig config) => config with
    {
        Status = Status ?? config.Status,
        Pause = Pause ?? config.Pause,
        ActivityName = ActivityName ?? config.ActivityName,
        ActivityNameTemplate = ActivityNameTemplate ?? config.ActivityNameTemplate,
        DetailsTemplate = DetailsTemplate ?? config.DetailsTemplate,
        StateTemplate = StateTemplate ?? config.StateTemplate,
        IgnoredPlayers = IgnoredPlayers ?? config.IgnoredPlayers,
        Hidden = Hidden,
    };
}
