using System.Collections.Immutable;

namespace Navidrome.DiscordPresence.Domain.Config;

/// <summary>
/// The Discord token of each configured user, kept apart from <see cref="PluginConfig"/> so that nothing the
/// core decides can carry a token. Only the interpreter reads it, when it writes an identify or resume frame or
/// an Authorization header. Its <see cref="ToString"/> never prints a token.
/// </summary>
public sealed class UserTokens
{
    private readonly ImmutableDictionary<string, string> byUser;

    /// <summary>Wraps a username → token map.</summary>
    public UserTokens(ImmutableDictionary<string, string> byUser) => this.byUser = byUser;

    /// <summary>No tokens at all.</summary>
    public static readonly UserTokens None = new(ImmutableDictionary<string, string>.Empty);

    /// <summary>The token of a configured user, or null.</summary>
    public string? For(string username) => byUser.TryGetValue(username, out var token) ? token : null;

    /// <summary>Every token, for checks that must prove no token leaked.</summary>
    public IEnumerable<string> All => byUser.Values;

    /// <summary>Names the users only.</summary>
    public override string ToString() => $"UserTokens({string.Join(", ", byUser.Keys)})";
}
