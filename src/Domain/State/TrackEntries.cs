using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Song;

namespace Navidrome.DiscordPresence.Domain.State;

/// <summary>
/// Which shared entries of the track in focus a full decision loads, each only when the config uses it: its Spotify
/// link (links mode Spotify, or a button URL with {spotifyurl}) and its year and genre (a template shows {year} or {genre}). Every other config reads neither key.
/// </summary>
public readonly record struct TrackEntries(bool Links, bool Song)
{
    /// <summary>Neither.</summary>
    public static readonly TrackEntries None = new(false, false);

    /// <summary>The entries <paramref name="config"/> uses.</summary>
    public static TrackEntries For(PluginConfig config) => new(config.LooksUpSpotify, SongLookup.IsWanted(config));
}
