namespace Navidrome.DiscordPresence.Domain.Artwork;

/// <summary>
/// Images every presence may use, registered with Discord once and shared by all users. Both are public files
/// of the Navidrome project (the Go plugin uses the same logo). If one cannot be registered, the presence simply
/// goes without it.
/// </summary>
public static class FixedImageUrls
{
    /// <summary>Navidrome's logo: the fallback large image, and the optional small image.</summary>
    public const string Logo = "https://raw.githubusercontent.com/navidrome/website/refs/heads/master/assets/icons/logo.webp";

    /// <summary>The pause icon shown as the small image while paused.</summary>
    public const string Pause = "https://raw.githubusercontent.com/navidrome/discord-rich-presence-plugin/main/assets/pause.png";
}
