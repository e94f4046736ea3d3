using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Exports.Seam;

namespace Navidrome.DiscordPresence.Exports;

/// <summary>
/// One call's config, read only as far as the call needs (reading and parsing all of it is most of what a small
/// call costs in Navidrome's runtime): not at all for an ACK, the client id and the user's entry to know whether a
/// user is enabled, every key a decision uses when it composes a presence. Keys are fetched from Navidrome the first
/// time they are asked for. Most calls concern one user, so only that user's entry is parsed. The host learns every
/// token parsed, so that log lines and errors are scrubbed of them.
/// </summary>
internal sealed class CallConfig(RedactingHost host, string? user, Dictionary<string, string?>? fetchedBefore = null)
{
    private readonly Dictionary<string, string?> fetched = fetchedBefore ?? new(StringComparer.Ordinal);
    private ConfigParse? parsed;

    /// <summary>The same call's config about <paramref name="forUser"/>: keys fetched so far are not fetched again.</summary>
    public CallConfig For(string? forUser) => new(host, forUser, fetched);

    /// <summary>
    /// Our application id while other players are watched for (<c>yieldtootherapps</c> on), else null: asked by the
    /// frame reader for READY and SESSIONS_REPLACE only, so other frames never read these keys.
    /// </summary>
    public string? YieldingApplication() => ConfigReader.YieldingApplication(Source);

    /// <summary>The tokens read so far (none until a user's entry was parsed).</summary>
    public UserTokens Tokens => parsed?.Tokens ?? UserTokens.None;

    /// <summary>The config as far as <paramref name="reach"/>; a call that read more already gives what it has.</summary>
    public ConfigView View(ConfigReach reach) => reach switch
    {
        ConfigReach.None => new ConfigView.Unread(),
        ConfigReach.Enablement when parsed is null => new ConfigView.Enablement(ConfigReader.IsAuthorized(Source, user ?? "")),
        _ => new ConfigView.Parsed(Parse().Config),
    };

    /// <summary>The config the call runs with (just this call's user when it has one), without checking it: the per-call reader.</summary>
    public ConfigParse Parse() => parsed ??= Learn(ConfigReader.Read(Source, user));

    /// <summary>The config with every problem found in it: nd_on_init only, since checking costs far more than reading.</summary>
    public ConfigParse Check() => parsed = Learn(ConfigParser.Parse(Source, user));

    private ConfigParse Learn(ConfigParse config)
    {
        host.Learn(config.Tokens);
        return config;
    }

    private string? Source(string key)
    {
        if (!fetched.TryGetValue(key, out var value)) fetched[key] = value = host.GetConfig(key);
        return value;
    }
}
