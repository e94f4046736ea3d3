using System.Collections.Immutable;
using LanguageExt;
using Navidrome.DiscordPresence.Effects;
using static LanguageExt.Prelude;

namespace Navidrome.DiscordPresence.Domain.Config;

/// <summary>
/// The load-time check (nd_on_init): validates every key and every users entry and accumulates every problem
/// applicatively (each key is a <see cref="Validation{FAIL,SUCCESS}"/>, combined with <c>Apply</c>, so one bad key
/// never hides another). A clean config comes back as the same <see cref="PluginConfig"/> the per-call
/// <see cref="ConfigReader"/> reads; a property test holds the two together. Runs once per load, never per call.
/// </summary>
public static class ConfigChecker
{
    /// <summary>Every problem with the config, one per bad key, entry or button, in key order (none when it is clean).</summary>
    public static EquatableArray<ConfigError> Problems(ConfigSource source, string? onlyUser = null) =>
        [.. Check(source, onlyUser).FailToSeq()];

    /// <summary>The config, or every problem with it. With <paramref name="onlyUser"/>, only that user's entry is checked.</summary>
    public static Validation<ConfigError, ConfigParse> Check(ConfigSource source, string? onlyUser = null)
    {
        var (users, secrets) = Users(source, onlyUser);
        Func<string, Parsed<string>> template = text => ConfigValues.Template(text, secrets);
        var nameMode = Key(source, ConfigKeys.ActivityName, ActivityNameMode.Default, ConfigValues.Choice<ActivityNameMode>);
        var spotify = Key(source, ConfigKeys.SpotifyLinks, ConfigDefaults.SpotifyLinks, ConfigValues.Boolean);

        var names = (nameMode,
                source(ConfigKeys.ActivityNameTemplate) is { } nameText && string.IsNullOrWhiteSpace(nameText)
                    ? Success<ConfigError, string>("") // kept empty, as the Go plugin keeps it: the name falls back to "Navidrome"
                    : Key(source, ConfigKeys.ActivityNameTemplate, ConfigDefaults.ActivityNameTemplate, template),
                Key(source, ConfigKeys.StatusDisplayType, ConfigDefaults.StatusDisplayFor(nameMode.IfFail(ActivityNameMode.Default)), ConfigValues.Choice<StatusDisplay>))
            .Apply((mode, nameTemplate, display) => (mode, nameTemplate, display));
        var lines = (Key(source, ConfigKeys.DetailsTemplate, ConfigDefaults.DetailsTemplate, template),
                Key(source, ConfigKeys.StateTemplate, ConfigDefaults.StateTemplate, template),
                Key(source, ConfigKeys.LargeTextTemplate, ConfigDefaults.LargeTextTemplate, template),
                Key(source, ConfigKeys.SmallTextTemplate, ConfigDefaults.SmallTextTemplate, template),
                Key(source, ConfigKeys.Progress, ProgressMode.Bar, ConfigValues.Choice<ProgressMode>))
            .Apply((details, state, large, small, progress) => (details, state, large, small, progress));
        var behaviour = (Key(source, ConfigKeys.OnlineStatus, OnlineStatus.Online, ConfigValues.Choice<OnlineStatus>),
                Key(source, ConfigKeys.PauseMode, PauseMode.Frozen, ConfigValues.Choice<PauseMode>),
                Key(source, ConfigKeys.PauseTimeoutMinutes, ConfigDefaults.PauseTimeoutMinutes, text => ConfigValues.Integer(text, 0, ConfigDefaults.MaxPauseTimeoutMinutes)),
                Key(source, ConfigKeys.IgnoredPlayers, (EquatableArray<string>)[], text => ConfigValues.NameList(text, secrets)),
                Key(source, ConfigKeys.YieldToOtherApps, ConfigDefaults.YieldToOtherApps, ConfigValues.Boolean))
            .Apply((status, pause, timeout, ignored, yielding) => (status, pause, timeout, ignored, yielding));
        var artwork = (Key(source, ConfigKeys.CoverArtArchive, ConfigDefaults.CoverArtArchive, ConfigValues.Boolean),
                Key(source, ConfigKeys.Uguu, ConfigDefaults.Uguu, ConfigValues.Boolean),
                Key(source, ConfigKeys.NavidromeArtwork, ConfigDefaults.NavidromeArtwork, ConfigValues.Boolean),
                Key(source, ConfigKeys.ShowLogo, ConfigDefaults.ShowLogo, ConfigValues.Boolean))
            .Apply((caa, uguu, navidrome, logo) => new ArtworkOptions(caa, uguu, navidrome, logo));
        // The newer key wins; without it, the Go plugin's spotifylinks switch decides.
        var links = (spotify, Key(source, ConfigKeys.Links, spotify.IfFail(false) ? LinkMode.Spotify : LinkMode.None, ConfigValues.Choice<LinkMode>), Buttons(source, secrets))
            .Apply((_, mode, buttons) => (mode, buttons));

        return (ClientId(source), users, names, lines, behaviour, artwork, links).Apply((clientId, accepted, n, l, b, art, link) =>
            new ConfigParse(
                new PluginConfig(clientId, accepted.Users, n.mode, n.nameTemplate, l.details, l.state, l.large, n.display,
                    b.status, b.pause, b.timeout, b.ignored, art, link.mode, l.small, l.progress, Hidden: false, accepted.Secrets, link.buttons, b.yielding),
                new UserTokens(accepted.Tokens),
                []));
    }

    private static Validation<ConfigError, string> ClientId(ConfigSource source) =>
        source(ConfigKeys.ClientId) is { } text && !ConfigValues.IsAbsent(text)
            ? Verdict(ConfigKeys.ClientId, ConfigValues.ClientId(text))
            : Fail<ConfigError, string>(new ConfigError(ConfigKeys.ClientId,
                "is missing: set it to your Discord application's id; no presence is shown until then"));

    /// <summary>The buttons, or one problem per button that can never show (and one for entries past the second).</summary>
    private static Validation<ConfigError, EquatableArray<ButtonTemplate>> Buttons(ConfigSource source, SecretScreen secrets)
    {
        if (source(ConfigKeys.Buttons) is not { } text || ConfigValues.IsAbsent(text)) return Success<ConfigError, EquatableArray<ButtonTemplate>>([]);
        var parse = ButtonList.Parse(text, secrets);
        return parse.Problems.IsEmpty
            ? Success<ConfigError, EquatableArray<ButtonTemplate>>(parse.Usable)
            : Fail<ConfigError, EquatableArray<ButtonTemplate>>(toSeq(parse.Problems.Select(problem => new ConfigError(ConfigKeys.Buttons, problem))));
    }

    /// <summary>An absent key is its default; a present one is its parsed value or the problem, named by key (and user).</summary>
    private static Validation<ConfigError, T> Key<T>(ConfigSource source, string key, T fallback, Func<string, Parsed<T>> parse, string? user = null) =>
        source(key) is { } text && !ConfigValues.IsAbsent(text) ? Verdict(key, parse(text), user) : Success<ConfigError, T>(fallback);

    private static Validation<ConfigError, T> Verdict<T>(string key, Parsed<T> parsed, string? user = null) =>
        parsed.IsGood ? Success<ConfigError, T>(parsed.Value) : Fail<ConfigError, T>(new ConfigError(key, parsed.Problem!, user));

    private sealed record CheckedUsers(EquatableArray<DiscordUser> Users, ImmutableDictionary<string, string> Tokens, SecretScreen Secrets);

    /// <summary>
    /// Every entry checked on its own (a bad one never hides another), then combined; and the screen of every
    /// token written in the list, which the templates and lists are checked against whatever the entries' verdicts.
    /// </summary>
    private static (Validation<ConfigError, CheckedUsers>, SecretScreen) Users(ConfigSource source, string? onlyUser)
    {
        if (source(ConfigKeys.Users) is not { } json || ConfigValues.IsAbsent(json))
            return (Success<ConfigError, CheckedUsers>(new CheckedUsers([], ImmutableDictionary<string, string>.Empty, SecretScreen.None)), SecretScreen.None);
        var entries = new List<UserEntry>();
        var end = UsersScan.Scan(json, entry => { entries.Add(entry); return true; });
        var secrets = SecretScreen.Of(entries.Select(e => e.Token ?? ""));
        var firsts = entries.Where(e => !string.IsNullOrEmpty(e.Username)).GroupBy(e => e.Username).Select(g => g.First()).ToHashSet();
        var verdicts = toSeq(entries
            .Where(e => onlyUser is null || e.Username == onlyUser)
            .Select(e => Entry(e, firsts.Contains(e), secrets)));
        var scan = end switch
        {
            UsersScanEnd.NotAList => Fail<ConfigError, Unit>(new ConfigError(ConfigKeys.Users, "expected a list of {username, token} entries")),
            // Where the fault is, never what is around it: the text there can be a token.
            UsersScanEnd.Malformed => Fail<ConfigError, Unit>(new ConfigError(ConfigKeys.Users,
                $"is not valid JSON after entry {entries.Count} (expected a list of {{username, token}} entries); later entries are not used")),
            _ => Success<ConfigError, Unit>(unit),
        };
        var users = (scan, verdicts.Sequence()).Apply((_, accepted) => new CheckedUsers(
            [.. accepted.Somes().Select(a => a.User)],
            accepted.Somes().ToImmutableDictionary(a => a.User.Username, a => a.Token, StringComparer.Ordinal),
            secrets));
        return (users, secrets);
    }

    private static Validation<ConfigError, Option<(DiscordUser User, string Token)>> Entry(UserEntry entry, bool first, SecretScreen secrets)
    {
        var problem = UserEntryRules.Problem(entry);
        if (problem is not null && (first || problem.Username is null)) return Fail<ConfigError, Option<(DiscordUser, string)>>(Unnamed(problem, entry, secrets));
        if (!first)
            return Fail<ConfigError, Option<(DiscordUser, string)>>(Unnamed(new ConfigError(ConfigKeys.Users, "is listed more than once; the first entry is used", entry.Username), entry, secrets));
        return Settings(entry, secrets).MapFail(error => Unnamed(error, entry, secrets))
            .Map(settings => Some((UserEntryRules.Accepted(entry, settings), entry.Token!)));
    }

    /// <summary>A user's own settings, each checked as its global key is and reported naming the user and the key.</summary>
    private static Validation<ConfigError, UserSettings> Settings(UserEntry entry, SecretScreen secrets)
    {
        var user = entry.Username;
        ConfigSource own = key => entry.SettingText(key) is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;
        // Validation holds no null: an absent per-user value is None, and becomes null (the global value) at the end.
        Func<string, Parsed<Option<T>>> Optional<T>(Func<string, Parsed<T>> parse) =>
            text => parse(text) is var parsed && parsed.IsGood ? Parsed.Good(Some(parsed.Value)) : Parsed.Bad<Option<T>>(parsed.Problem!);
        var template = Optional<string>(text => ConfigValues.Template(text, secrets));
        var looks = (Key(own, ConfigKeys.ActivityName, Option<ActivityNameMode>.None, Optional<ActivityNameMode>(ConfigValues.Choice<ActivityNameMode>), user),
                Key(own, ConfigKeys.ActivityNameTemplate, Option<string>.None, template, user),
                Key(own, ConfigKeys.DetailsTemplate, Option<string>.None, template, user),
                Key(own, ConfigKeys.StateTemplate, Option<string>.None, template, user))
            .Apply((name, nameTemplate, details, state) => (name, nameTemplate, details, state));
        var behaviour = (Key(own, ConfigKeys.OnlineStatus, Option<OnlineStatus>.None, Optional<OnlineStatus>(ConfigValues.Choice<OnlineStatus>), user),
                Key(own, ConfigKeys.PauseMode, Option<PauseMode>.None, Optional<PauseMode>(ConfigValues.Choice<PauseMode>), user),
                Key(own, ConfigKeys.IgnoredPlayers, Option<EquatableArray<string>>.None, Optional<EquatableArray<string>>(text => ConfigValues.NameList(text, secrets)), user),
                Key(own, ConfigKeys.Hidden, false, ConfigValues.Boolean, user))
            .Apply((status, pause, ignored, hidden) => (status, pause, ignored, hidden));
        return (looks, behaviour).Apply((l, b) => new UserSettings(
            b.status.ToNullable(), b.pause.ToNullable(), l.name.ToNullable(), Text(l.nameTemplate), Text(l.details), Text(l.state),
            b.ignored.ToNullable(), b.hidden));
    }

    private static string? Text(Option<string> text) => text.IsSome ? (string)text : null;

    /// <summary>A problem about a user whose name holds someone's token names the entry's position instead.</summary>
    private static ConfigError Unnamed(ConfigError error, UserEntry entry, SecretScreen secrets) =>
        error.Username is { } name && secrets.Reveals(name)
            ? new ConfigError(error.Key, $"entry {entry.Position} {error.Problem} (its username is not shown: it contains a Discord token)")
            : error;
}
