using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Exports.Seam;

namespace Navidrome.DiscordPresence.Exports;

/// <summary>
/// One call's config, read only as far as the call needs (reading and parsing all of it is most of what a small
/// call costs in Navidrome's runtime): not at all for an ACK, the client id and the users list to know whether a
/// user is enabled, everything for a decision that composes a presence. Most calls concern one user, so only that
/// user's entry is parsed. The host learns every token read, so that log lines and errors are scrubbed of them.
/// </summary>
internal sealed class CallConfig(RedactingHost host, string? user)
{
    private static readonly string[] EnablementKeys = [ConfigKeys.ClientId, ConfigKeys.Users];

    private ConfigParse? parsed;
    private ConfigParse? enablement;

    /// <summary>The tokens read so far (none until the users list was read).</summary>
    public UserTokens Tokens => (parsed ?? enablement)?.Tokens ?? UserTokens.None;

    /// <summary>The config as far as <paramref name="reach"/>; a call that read more already gives what it has.</summary>
    public ConfigView View(ConfigReach reach) => reach switch
    {
        ConfigReach.None => new ConfigView.Unread(),
        ConfigReach.Enablement when parsed is null => new ConfigView.Enablement(ConfigView.Enables(Enablement().Config, user ?? "")),
        _ => new ConfigView.Parsed(Parse().Config),
    };

    /// <summary>The whole config (just this call's user when it has one), with every problem found in it.</summary>
    public ConfigParse Parse() => parsed ??= Read(ConfigKeys.All);

    private ConfigParse Enablement() => enablement ??= Read(EnablementKeys);

    private ConfigParse Read(IEnumerable<string> keys)
    {
        var raw = new Dictionary<string, string>();
        foreach (var key in keys)
            if (host.GetConfig(key) is { } value) raw[key] = value;
        var config = ConfigParser.Parse(raw, user);
        host.Learn(config.Tokens);
        return config;
    }
}
