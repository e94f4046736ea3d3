using System.Text.Json.Serialization;
using Navidrome.DiscordPresence.Domain.Gateway;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Effects.Discord;

namespace Navidrome.DiscordPresence.Domain.State;

/// <summary>Source-generated JSON for the stored state parts (camelCase, computed properties left out).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    IgnoreReadOnlyProperties = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [
        typeof(EquatableArrayConverter<PlayerSession>),
        typeof(EquatableArrayConverter<long>),
        typeof(EquatableArrayConverter<Activity>),
    ])]
[JsonSerializable(typeof(PlaybackState))]
[JsonSerializable(typeof(NowPlayingState))]
[JsonSerializable(typeof(HostFacts))]
[JsonSerializable(typeof(SessionState))]
[JsonSerializable(typeof(BeatState))]
[JsonSerializable(typeof(SentPresence))]
[JsonSerializable(typeof(TokenVerdict))]
[JsonSerializable(typeof(PlayerSession))]
[JsonSerializable(typeof(Domain.Artwork.AlbumArt))]
[JsonSerializable(typeof(Domain.Artwork.FixedImages))]
[JsonSerializable(typeof(Domain.Artwork.SpotifyLink))]
[JsonSerializable(typeof(Domain.Song.SongFacts))]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(long))]
internal sealed partial class StateJson : JsonSerializerContext;
