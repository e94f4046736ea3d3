using System.Text.Json.Nodes;

namespace Navidrome.DiscordPresence.Tests.Simulation.Concurrency;

/// <summary>
/// Compares what Discord shows for a user in two runs: nothing and an empty activity list are the same; the
/// activity's timestamps may drift by up to <see cref="DriftMs"/>; <c>since</c> is ignored (it is when the pause
/// started, which can differ by a call); images are ignored when asked (art is a best-effort lookup a fault may
/// legitimately leave at its fallback).
/// </summary>
public static class ShownPresence
{
    public const long DriftMs = 2_000;

    /// <summary>The difference between two shown presences, or null when they agree.</summary>
    public static string? Difference(JsonNode? expected, JsonNode? actual, bool ignoreImages)
    {
        var (e, a) = (Normalise(expected, ignoreImages), Normalise(actual, ignoreImages));
        if (e is null && a is null) return null;
        if (e is null || a is null) return $"expected {Text(e)}, shows {Text(a)}";
        foreach (var field in new[] { "start", "end" })
        {
            var (te, ta) = (Timestamp(e, field), Timestamp(a, field));
            if (te.HasValue != ta.HasValue || (te is { } x && ta is { } y && Math.Abs(x - y) > DriftMs))
                return $"timestamps.{field}: expected {te?.ToString() ?? "none"}, shows {ta?.ToString() ?? "none"} (expected {Text(e)}, shows {Text(a)})";
        }
        var (se, sa) = (WithoutTimestamps(e), WithoutTimestamps(a));
        return JsonNode.DeepEquals(se, sa) ? null : $"expected {Text(se)}, shows {Text(sa)}";
    }

    /// <summary>A one-line summary: the first activity's details and state, or "nothing".</summary>
    public static string Summary(JsonNode? presence) =>
        Normalise(presence, ignoreImages: true) is { } p && p["activities"]?[0] is { } activity
            ? $"\"{activity["details"]}\" / \"{activity["state"]}\"{(activity["timestamps"] is null ? " (no clock)" : "")}"
            : "nothing";

    private static JsonNode? Normalise(JsonNode? presence, bool ignoreImages)
    {
        if (presence is not JsonObject o || o["activities"] is not JsonArray { Count: > 0 }) return null;
        var copy = (JsonObject)o.DeepClone();
        copy.Remove("since");
        if (ignoreImages)
            foreach (var activity in copy["activities"]!.AsArray().OfType<JsonObject>()) activity.Remove("assets");
        return copy;
    }

    private static long? Timestamp(JsonNode presence, string field) =>
        presence["activities"]?[0]?["timestamps"]?[field] is JsonValue v && v.TryGetValue<long>(out var ms) ? ms : null;

    private static JsonNode WithoutTimestamps(JsonNode presence)
    {
        var copy = presence.DeepClone();
        foreach (var activity in copy["activities"]!.AsArray().OfType<JsonObject>()) activity.Remove("timestamps");
        return copy;
    }

    private static string Text(JsonNode? node) => node?.ToJsonString() ?? "nothing";
}
