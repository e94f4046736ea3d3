namespace Navidrome.DiscordPresence.Domain;

/// <summary>Correlation tags of HTTP requests, shaped like every other id (<see cref="TaggedId"/>).</summary>
public static class HttpTags
{
    /// <summary>The purpose of the request that fetches the gateway URL for a connection generation.</summary>
    public const string GatewayUrl = "gwurl";

    /// <summary>Makes a tag.</summary>
    public static string Make(string purpose, long number, string user) => TaggedId.Format(purpose, number, user);

    /// <summary>Reads a tag.</summary>
    public static bool TryParse(string tag, out string purpose, out long number, out string user) =>
        TaggedId.TryParse(tag, out purpose, out number, out user);
}
