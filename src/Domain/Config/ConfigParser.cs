using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.Config;

/// <summary>The outcome of parsing: the config to run with, the tokens (kept apart), and every problem found.</summary>
public sealed record ConfigParse(PluginConfig Config, UserTokens Tokens, EquatableArray<ConfigError> Errors);

/// <summary>
/// The whole story for one config map: what the plugin runs with (<see cref="ConfigReader"/>: a bad value gives its
/// default, a bad user entry leaves out only that user, a missing or malformed client id silences everyone) and
/// every problem (<see cref="ConfigChecker"/>). Never throws. Per-call paths use <see cref="ConfigReader"/> alone.
/// </summary>
public static class ConfigParser
{
    /// <summary>
    /// Parses <paramref name="raw"/> (key → string value, as Navidrome hands it over). With <paramref name="onlyUser"/>
    /// the users list holds just that user, if configured and valid, and only that user's problems are reported.
    /// </summary>
    public static ConfigParse Parse(IReadOnlyDictionary<string, string> raw, string? onlyUser = null) => Parse(ConfigSources.From(raw), onlyUser);

    /// <summary>As <see cref="Parse(IReadOnlyDictionary{string, string}, string?)"/>, over a source.</summary>
    public static ConfigParse Parse(ConfigSource source, string? onlyUser = null) =>
        ConfigReader.Read(source, onlyUser) with { Errors = ConfigChecker.Problems(source, onlyUser) };
}
