namespace Navidrome.DiscordPresence.TestHost.Services;

/// <summary>A Navidrome user the admin granted to the plugin.</summary>
public sealed record NavidromeUser(string UserName, string Name, bool IsAdmin);
