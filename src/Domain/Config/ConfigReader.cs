using System.Collections.Immutable;
using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.Config;

/// <summary>
/// The per-call config reader: every Navidrome call runs in a fresh instance, so it reads only the keys it is asked
/// for, with no document and no validation library, and a bad value silently gives its default (the checker has
/// reported it once, at load). <see cref="IsAuthorized"/> reads <c>clientid</c> and the users list up to the user's
/// entry. For any config it gives the values <see cref="ConfigChecker"/> gives; a property test holds the two together.
/// </summary>
public static class ConfigReader
{
    /// <summary>The client id, or null when it is missing or malformed.</summary>
    public static string? ClientId(ConfigSource source) =>
        source(ConfigKeys.ClientId) is { } text && !ConfigValues.IsAbsent(text) ? ConfigValues.ClientId(text).Or(null!) : null;

    /// <summary>
    /// The application id whose activities are ours, when other sessions' Listening activities are to be read
    /// (<c>yieldtootherapps</c> on and a valid client id); else null. Asked only for READY and SESSIONS_REPLACE frames.
    /// </summary>
    public static string? YieldingApplication(ConfigSource source) =>
        Key(source, ConfigKeys.YieldToOtherApps, ConfigDefaults.YieldToOtherApps, ConfigValues.Boolean) ? ClientId(source) : null;

    /// <summary>True when the client id is valid and <paramref name="username"/>'s first entry is usable.</summary>
    public static bool IsAuthorized(ConfigSource source, string username)
    {
        if (ClientId(source) is null || source(ConfigKeys.Users) is not { } json || ConfigValues.IsAbsent(json)) return false;
        UserEntry? found = null;
        UsersScan.Scan(json, entry =>
        {
            if (entry.Username != username) return true;
            found = entry;
            return false;
        });
        return found is not null && UserEntryRules.Problem(found) is null;
    }

    /// <summary>
    /// The config to run with. With <paramref name="onlyUser"/>, the users list holds just that user (if configured
    /// and usable) and the tokens just theirs; every token is still screened out of templates and lists.
    /// </summary>
    public static ConfigParse Read(ConfigSource source, string? onlyUser = null)
    {
        var users = Users(source, onlyUser);
        var nameMode = Key(source, ConfigKeys.ActivityName, ActivityNameMode.Default, ConfigValues.Choice<ActivityNameMode>);
        var spotify = Key(source, ConfigKeys.SpotifyLinks, ConfigDefaults.SpotifyLinks, ConfigValues.Boolean);
        Func<string, Parsed<string>> template = text => ConfigValues.Template(text, users.Secrets);
        var config = new PluginConfig(
            ClientId: ClientId(source),
            Users: users.Accepted,
            ActivityName: nameMode,
            // An empty Custom template is kept, as the Go plugin keeps it: the name then falls back to "Navidrome".
            ActivityNameTemplate: source(ConfigKeys.ActivityNameTemplate) is { } nameTemplate && string.IsNullOrWhiteSpace(nameTemplate)
                ? ""
                : Key(source, ConfigKeys.ActivityNameTemplate, ConfigDefaults.ActivityNameTemplate, template),
            DetailsTemplate: Key(source, ConfigKeys.DetailsTemplate, ConfigDefaults.DetailsTemplate, template),
            StateTemplate: Key(source, ConfigKeys.StateTemplate, ConfigDefaults.StateTemplate, template),
            LargeTextTemplate: Key(source, ConfigKeys.LargeTextTemplate, ConfigDefaults.LargeTextTemplate, template),
            StatusDisplay: Key(source, ConfigKeys.StatusDisplayType, ConfigDefaults.StatusDisplayFor(nameMode), ConfigValues.Choice<StatusDisplay>),
            Status: Key(source, ConfigKeys.OnlineStatus, OnlineStatus.Online, ConfigValues.Choice<OnlineStatus>),
            Pause: Key(source, ConfigKeys.PauseMode, PauseMode.Frozen, ConfigValues.Choice<PauseMode>),
            PauseTimeoutMinutes: Key(source, ConfigKeys.PauseTimeoutMinutes, ConfigDefaults.PauseTimeoutMinutes,
                text => ConfigValues.Integer(text, 0, ConfigDefaults.MaxPauseTimeoutMinutes)),
            IgnoredPlayers: Key(source, ConfigKeys.IgnoredPlayers, [], text => ConfigValues.NameList(text, users.Secrets)),
            Artwork: new ArtworkOptions(
                CoverArtArchive: Key(source, ConfigKeys.CoverArtArchive, ConfigDefaults.CoverArtArchive, ConfigValues.Boolean),
                UguuUpload: Key(source, ConfigKeys.Uguu, ConfigDefaults.Uguu, ConfigValues.Boolean),
                NavidromeArtwork: Key(source, ConfigKeys.NavidromeArtwork, ConfigDefaults.NavidromeArtwork, ConfigValues.Boolean),
                ShowLogo: Key(source, ConfigKeys.ShowLogo, ConfigDefaults.ShowLogo, ConfigValues.Boolean)),
            // The newer key wins; without it, the Go plugin's spotifylinks switch decides.
            Links: Key(source, ConfigKeys.Links, spotify ? LinkMode.Spotify : LinkMode.None, ConfigValues.Choice<LinkMode>),
            SmallTextTemplate: Key(source, ConfigKeys.SmallTextTemplate, ConfigDefaults.SmallTextTemplate, template),
            Progress: Key(source, ConfigKeys.Progress, ProgressMode.Bar, ConfigValues.Choice<ProgressMode>),
            Secrets: users.Secrets,
            // The buttons that can ever show: an entry the checker reports is left out, the others still work.
            Buttons: source(ConfigKeys.Buttons) is { } buttons && !ConfigValues.IsAbsent(buttons) ? ButtonList.Parse(buttons, users.Secrets).Usable : [],
            YieldToOtherApps: Key(source, ConfigKeys.YieldToOtherApps, ConfigDefaults.YieldToOtherApps, ConfigValues.Boolean));
        return new ConfigParse(onlyUser is null ? config : config.ForUser(onlyUser), new UserTokens(users.Tokens), []);
    }

    private static T Key<T>(ConfigSource source, string key, T fallback, Func<string, Parsed<T>> parse) =>
        source(key) is { } text && !ConfigValues.IsAbsent(text) ? parse(text).Or(fallback) : fallback;

    private sealed record ReadUsers(EquatableArray<DiscordUser> Accepted, ImmutableDictionary<string, string> Tokens, SecretScreen Secrets);

    /// <summary>One pass over the users text: every token for the screen, and the usable first entries wanted.</summary>
    private static ReadUsers Users(ConfigSource source, string? onlyUser)
    {
        if (source(ConfigKeys.Users) is not { } json || ConfigValues.IsAbsent(json))
            return new ReadUsers([], ImmutableDictionary<string, string>.Empty, SecretScreen.None);
        var accepted = new List<UserEntry>();
        var tokens = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var everyToken = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        UsersScan.Scan(json, entry =>
        {
            if (!string.IsNullOrEmpty(entry.Token)) everyToken.Add(entry.Token);
            if (string.IsNullOrEmpty(entry.Username) || !seen.Add(entry.Username)) return true;
            if ((onlyUser is null || entry.Username == onlyUser) && UserEntryRules.Problem(entry) is null)
            {
                accepted.Add(entry);
                tokens[entry.Username] = entry.Token!;
            }
            return true;
        });
        // Settings are read once every token is known: a per-user template is screened against all of them.
        var secrets = SecretScreen.Of(everyToken);
        return new ReadUsers([.. accepted.Select(e => UserEntryRules.Accepted(e, UserSettings.Of(e, secrets)))], tokens.ToImmutable(), secrets);
    }
}
