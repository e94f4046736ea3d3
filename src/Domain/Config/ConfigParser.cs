using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.Config;

// Interim minimal version; replaced by the config branch.
public sealed record ConfigParse(PluginConfig Config, UserTokens Tokens, EquatableArray<ConfigError> Errors);

public static class ConfigParser
{
    public static readonly IReadOnlyList<string> Keys = ["clientid", "users"];

    public static ConfigParse Parse(IReadOnlyDictionary<string, string> raw)
    {
        var users = ImmutableArray.CreateBuilder<DiscordUser>();
        var tokens = ImmutableDictionary.CreateBuilder<string, string>();
        if (raw.TryGetValue("users", out var json))
        {
            using var doc = JsonDocument.Parse(json);
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                var u = e.GetProperty("username").GetString()!; var t = e.GetProperty("token").GetString()!;
                users.Add(new DiscordUser(u, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(t)))[..16]));
                tokens[u] = t;
            }
        }
        var config = new PluginConfig(raw.GetValueOrDefault("clientid"), users.ToImmutable(), ActivityNameMode.Default, "{artist} - {track}", "{track}", "{artist}", "{album}",
            StatusDisplay.Details, OnlineStatus.Online, PauseMode.Frozen, 30, [], new ArtworkOptions(false, false, true, false), LinkMode.None);
        return new ConfigParse(config, new UserTokens(tokens.ToImmutable()), []);
    }
}
