namespace Navidrome.DiscordPresence.Domain;

/// <summary>
/// How a host call that names one of our ids failed, classified at the edge from Navidrome's error text
/// (src/Exports/Host/HostFailureText.cs), so the core decides on the kind and keeps the text only for the log.
/// </summary>
public abstract record HostFailure
{
    private HostFailure(string text) => Text = text;

    /// <summary>The host's own words, for the log.</summary>
    public string Text { get; }

    /// <summary>The id is taken (<c>connection ID "…" already exists</c>, <c>schedule ID "…" already exists</c>):
    /// another call won it. Ids are our locks, so nothing is lost.</summary>
    public sealed record AlreadyExists(string Text) : HostFailure(Text);

    /// <summary>The id is gone (<c>connection ID "…" not found</c>, <c>schedule ID "…" not found</c>): the connection
    /// closed, or the schedule fired or was cancelled.</summary>
    public sealed record NotFound(string Text) : HostFailure(Text);

    /// <summary>Anything else: a dial that failed, a host service that refused.</summary>
    public sealed record Failed(string Text) : HostFailure(Text);
}
