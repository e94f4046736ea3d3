using Navidrome.DiscordPresence.Domain;

namespace Navidrome.DiscordPresence.Exports.Host;

/// <summary>
/// Reads Navidrome's error texts for calls that name an id (plugins/host_websocket.go, plugins/host_scheduler.go;
/// see docs/navidrome-host.md): <c>connection ID "…" already exists</c>, <c>schedule ID "…" not found</c> and the like.
/// The id is quoted, so a quote right before the words keeps texts that merely mention them ("artwork not found") out.
/// </summary>
internal static class HostFailureText
{
    private const string Taken = "\" already exists", Gone = "\" not found";

    /// <summary>The kind of failure <paramref name="text"/> names.</summary>
    public static HostFailure Classify(string text) =>
        text.Contains(Taken, StringComparison.Ordinal) ? new HostFailure.AlreadyExists(text)
        : text.Contains(Gone, StringComparison.Ordinal) ? new HostFailure.NotFound(text)
        : new HostFailure.Failed(text);
}
