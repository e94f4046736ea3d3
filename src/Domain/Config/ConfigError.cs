namespace Navidrome.DiscordPresence.Domain.Config;

/// <summary>
/// One problem with the saved configuration: the key, what is wrong, and who is affected.
/// <paramref name="Username"/> is set when only that user is affected; a bad client id affects everyone.
/// Messages never quote a token.
/// </summary>
public sealed record ConfigError(string Key, string Problem, string? Username = null)
{
    /// <summary>One log line naming the key and the problem.</summary>
    public override string ToString() => Username is null
        ? $"config key '{Key}': {Problem}"
        : $"config key '{Key}' (user '{Username}'): {Problem}";
}
