using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.State;

/// <summary>
/// Writes an <see cref="EquatableArray{T}"/> as a JSON array and reads it back, using the context's own metadata
/// for the items (trim-safe: no reflection). Registered per item type on <see cref="StateJson"/>.
/// </summary>
internal sealed class EquatableArrayConverter<T> : JsonConverter<EquatableArray<T>>
{
    public override EquatableArray<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return [];
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("expected an array");
        var item = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var items = ImmutableArray.CreateBuilder<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            items.Add(JsonSerializer.Deserialize(ref reader, item)!);
        return items.ToImmutable();
    }

    public override void Write(Utf8JsonWriter writer, EquatableArray<T> value, JsonSerializerOptions options)
    {
        var item = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartArray();
        foreach (var element in value) JsonSerializer.Serialize(writer, element, item);
        writer.WriteEndArray();
    }
}
