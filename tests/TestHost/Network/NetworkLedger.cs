namespace Navidrome.DiscordPresence.TestHost.Network;

/// <summary>
/// Counts messages in flight between the test host and the fake servers, so a scenario can wait until every
/// frame sent has been handled by its receiver (a plugin callback returned, or the fake answered) before the
/// virtual clock moves. Each WebSocket connection has a <see cref="Link"/>: the sender counts a message up before
/// sending, the receiver counts it down after handling it (after sending any answers, which count up first).
/// When one side of a link ends, nothing more will be handled there and its count drops to zero.
/// </summary>
public sealed class NetworkLedger
{
    private readonly Dictionary<int, Link> _links = [];
    private int _nextId;
    private int _work;

    /// <summary>Counts a piece of host work in flight (a queued Navidrome worker call), so settling waits for it too.</summary>
    public void BeginWork() => Change(() => _work++);

    /// <summary>The piece of work counted by <see cref="BeginWork"/> is done.</summary>
    public void EndWork() => Change(() => _work = Math.Max(0, _work - 1));

    /// <summary>A new link, named by a number the client passes to the server in its handshake.</summary>
    public Link Open()
    {
        lock (_links)
        {
            var link = new Link(++_nextId, this);
            _links[link.Id] = link;
            return link;
        }
    }

    /// <summary>The link a server connection belongs to, or a detached one for unknown clients.</summary>
    public Link Find(int id)
    {
        lock (_links) return _links.TryGetValue(id, out var link) ? link : new Link(0, this);
    }

    /// <summary>Messages not yet handled, over all links.</summary>
    public int Pending
    {
        get { lock (_links) return _work + _links.Values.Sum(l => l.ToServer + l.ToClient); }
    }

    /// <summary>Waits until nothing is in flight; false when <paramref name="timeout"/> passed first.</summary>
    public bool WaitQuiet(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (_links)
        {
            while (_work + _links.Values.Sum(l => l.ToServer + l.ToClient) > 0)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero) return false;
                Monitor.Wait(_links, left);
            }
            return true;
        }
    }

    internal void Change(Action change)
    {
        lock (_links)
        {
            change();
            Monitor.PulseAll(_links);
        }
    }
}

/// <summary>The in-flight counts of one connection (see <see cref="NetworkLedger"/>).</summary>
public sealed class Link(int id, NetworkLedger ledger)
{
    public int Id { get; } = id;
    public int ToServer { get; private set; }
    public int ToClient { get; private set; }
    private bool _serverGone, _clientGone;

    public void SentToServer() => ledger.Change(() => { if (!_serverGone) ToServer++; });
    public void ServerHandled() => ledger.Change(() => ToServer = Math.Max(0, ToServer - 1));
    public void SentToClient() => ledger.Change(() => { if (!_clientGone) ToClient++; });
    public void ClientHandled() => ledger.Change(() => ToClient = Math.Max(0, ToClient - 1));
    public void ServerGone() => ledger.Change(() => { _serverGone = true; ToServer = 0; });
    public void ClientGone() => ledger.Change(() => { _clientGone = true; ToClient = 0; });
}
