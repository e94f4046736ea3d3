namespace Navidrome.DiscordPresence.Domain.Config;

/// <summary>
/// What makes a <c>users</c> entry usable: a username, and a token that is only a token. The first entry of a
/// username decides (a later one is reported and ignored), so a reader looking for one user stops at its entry.
/// Problems name the user (or the entry's position when there is no usable name) and never show a token.
/// </summary>
public static class UserEntryRules
{
    /// <summary>Why the entry cannot be used, or null when it can (duplicates are the caller's to spot).</summary>
    public static ConfigError? Problem(UserEntry entry)
    {
        if (string.IsNullOrEmpty(entry.Username))
            return new ConfigError(ConfigKeys.Users, $"entry {entry.Position} has no username");
        // A username holding its own token (fields swapped): refuse it, and do not name it, since the name is the secret.
        if (!string.IsNullOrEmpty(entry.Token) && entry.Username.Contains(entry.Token, StringComparison.Ordinal))
            return new ConfigError(ConfigKeys.Users, $"entry {entry.Position} has its Discord token in the username field");
        return TokenProblem(entry.Token) is { } problem ? new ConfigError(ConfigKeys.Users, problem, entry.Username) : null;
    }

    /// <summary>The configured user of a usable entry, with its own settings (null when it sets none that hold).</summary>
    public static DiscordUser Accepted(UserEntry entry, UserSettings settings) =>
        new(entry.Username!, TokenFingerprint.Of(entry.Token!), settings == UserSettings.None ? null : settings);

    /// <summary>The problem with a token's shape, or null.</summary>
    public static string? TokenProblem(string? token)
    {
        if (string.IsNullOrEmpty(token)) return "has no Discord token";
        // The prefix check comes first: "Bot x" also has a space, and the prefix is the more useful thing to say.
        if (token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase) || token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return "has a token with a 'Bot'/'Bearer' prefix; a user token is pasted without one";
        foreach (var c in token)
            if (char.IsWhiteSpace(c) || c is '"' or '\'' || char.IsControl(c))
                return "has a Discord token with spaces, quotes or control characters in it; paste the token alone";
        return null;
    }
}
