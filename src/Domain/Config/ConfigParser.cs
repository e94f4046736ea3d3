using LanguageExt;
using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.Config;

/// <summary>The outcome of parsing: the config to run with, the tokens (kept apart), and every problem found.</summary>
public sealed record ConfigParse(PluginConfig Config, UserTokens Tokens, EquatableArray<ConfigError> Errors);

/// <summary>
/// Turns Navidrome's flattened config map into a <see cref="PluginConfig"/>. Never throws and never gives up:
/// a bad value is reported (naming the key and the problem) and its default used; a bad user entry leaves out only
/// that user; a missing or malformed client id leaves <see cref="PluginConfig.ClientId"/> null, which silences
/// everyone (nothing can be shown without an application).
/// </summary>
public static class ConfigParser
{
    /// <summary>
    /// Parses <paramref name="raw"/> (key → string value, as Navidrome hands it over). With <paramref name="onlyUser"/>
    /// the users list holds just that user, if configured and valid, and only that user's problems are reported: the
    /// same answer for that user as a full parse, at a cost that does not grow with the number of users (every call
    /// parses the config, and most calls concern one user).
    /// </summary>
    public static ConfigParse Parse(IReadOnlyDictionary<string, string> raw, string? onlyUser = null)
    {
        var errors = new List<ConfigError>();
        T Read<T>(string key, T fallback, Func<string, string, Validation<ConfigError, T>> reader)
        {
            if (!raw.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text) || text == "null") return fallback;
            var result = reader(key, text);
            errors.AddRange(result.FailToSeq());
            return result.IfFail(fallback);
        }

        var clientId = ClientId(raw.GetValueOrDefault(ConfigKeys.ClientId), errors);
        var users = raw.TryGetValue(ConfigKeys.Users, out var usersJson) && !string.IsNullOrWhiteSpace(usersJson)
            ? UsersParser.Parse(usersJson, onlyUser)
            : new ParsedUsers([], UserTokens.None, []);
        errors.AddRange(users.Errors);

        var nameMode = Read(ConfigKeys.ActivityName, ActivityNameMode.Default, ConfigValues.Choice<ActivityNameMode>);
        var spotify = Read(ConfigKeys.SpotifyLinks, ConfigDefaults.SpotifyLinks, ConfigValues.Boolean);
        var config = new PluginConfig(
            ClientId: clientId,
            Users: users.Users,
            ActivityName: nameMode,
            // An empty Custom template is kept, as the Go plugin keeps it: the name then falls back to "Navidrome".
            ActivityNameTemplate: raw.TryGetValue(ConfigKeys.ActivityNameTemplate, out var nameTemplate) && string.IsNullOrWhiteSpace(nameTemplate)
                ? ""
                : Read(ConfigKeys.ActivityNameTemplate, ConfigDefaults.ActivityNameTemplate, ConfigValues.Template),
            DetailsTemplate: Read(ConfigKeys.DetailsTemplate, ConfigDefaults.DetailsTemplate, ConfigValues.Template),
            StateTemplate: Read(ConfigKeys.StateTemplate, ConfigDefaults.StateTemplate, ConfigValues.Template),
            LargeTextTemplate: Read(ConfigKeys.LargeTextTemplate, ConfigDefaults.LargeTextTemplate, ConfigValues.Template),
            StatusDisplay: Read(ConfigKeys.StatusDisplayType, ConfigDefaults.StatusDisplayFor(nameMode), ConfigValues.Choice<StatusDisplay>),
            Status: Read(ConfigKeys.OnlineStatus, OnlineStatus.Online, ConfigValues.Choice<OnlineStatus>),
            Pause: Read(ConfigKeys.PauseMode, PauseMode.Frozen, ConfigValues.Choice<PauseMode>),
            PauseTimeoutMinutes: Read(ConfigKeys.PauseTimeoutMinutes, ConfigDefaults.PauseTimeoutMinutes,
                (key, text) => ConfigValues.Integer(key, text, 0, ConfigDefaults.MaxPauseTimeoutMinutes)),
            IgnoredPlayers: Read(ConfigKeys.IgnoredPlayers, [], ConfigValues.NameList),
            Artwork: new ArtworkOptions(
                CoverArtArchive: Read(ConfigKeys.CoverArtArchive, ConfigDefaults.CoverArtArchive, ConfigValues.Boolean),
                UguuUpload: Read(ConfigKeys.Uguu, ConfigDefaults.Uguu, ConfigValues.Boolean),
                NavidromeArtwork: Read(ConfigKeys.NavidromeArtwork, ConfigDefaults.NavidromeArtwork, ConfigValues.Boolean),
                ShowLogo: Read(ConfigKeys.ShowLogo, ConfigDefaults.ShowLogo, ConfigValues.Boolean)),
            // The newer key wins; without it, the Go plugin's spotifylinks switch decides.
            Links: Read(ConfigKeys.Links, spotify ? LinkMode.Spotify : LinkMode.None, ConfigValues.Choice<LinkMode>));
        return new ConfigParse(config, users.Tokens, [.. errors]);
    }

    /// <summary>A Discord application id: a snowflake of 17 to 20 digits.</summary>
    private static string? ClientId(string? text, List<ConfigError> errors)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add(new ConfigError(ConfigKeys.ClientId, "is missing: set it to your Discord application's id; no presence is shown until then"));
            return null;
        }
        if (trimmed.Length is < 17 or > 20 || !trimmed.All(char.IsAsciiDigit))
        {
            errors.Add(new ConfigError(ConfigKeys.ClientId,
                $"expected a Discord application id (17 to 20 digits), got {ConfigValues.Quote(trimmed)}; no presence is shown until it is fixed"));
            return null;
        }
        return trimmed;
    }
}
