namespace Navidrome.DiscordPresence.TestHost.Discord;

/// <summary>Every request the fake web services (Discord REST, Cover Art Archive, ListenBrainz Labs, uguu) received.</summary>
public sealed class FakeHttpLog(VirtualClock clock, Transcript transcript)
{
    private readonly List<HttpRecord> _records = [];

    public IReadOnlyList<HttpRecord> Records
    {
        get { lock (_records) return [.. _records]; }
    }

    public void Add(string host, Network.FakeRequest request, int status)
    {
        var record = new HttpRecord(clock.ElapsedMs, host, request.Method, request.Path, status, request.Header("Authorization") is { Length: > 0 }, request.BodyText);
        lock (_records) _records.Add(record);
        transcript.Add("http", $"{request.Method} {host}{request.Path} → {status}");
    }
}
