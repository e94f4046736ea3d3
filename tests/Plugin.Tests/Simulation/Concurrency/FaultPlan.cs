namespace Navidrome.DiscordPresence.Tests.Simulation.Concurrency;

/// <summary>
/// The host failures of one run, drawn from its seed: which kinds are on (a run has a few kinds, so a failing seed
/// points at its cause) and, host call by host call, whether this one fails. The draws follow the order of host
/// calls, which the interleaver makes deterministic. <see cref="Injecting"/> is switched off for the quiet tail.
/// </summary>
public sealed class FaultPlan
{
    /// <summary>Every kind of fault, with its odds per host call in percent and the error text Navidrome would give.</summary>
    public static readonly (FaultKind Kind, string Prefix, int Percent, string Error)[] Kinds =
    [
        (FaultKind.Scheduler, "scheduler_", 10, "failed to schedule: scheduler is shutting down"),
        (FaultKind.CacheRead, "cache_get", 5, "cache: read failed"),
        (FaultKind.CacheWrite, "cache_set", 5, "cache: write failed"),
        (FaultKind.KvRead, "kvstore_get", 5, "kvstore: database is locked"),
        (FaultKind.KvWrite, "kvstore_set", 5, "kvstore: database is locked"),
        (FaultKind.Send, "websocket_sendtext", 8, "failed to send message: write: broken pipe"),
        (FaultKind.Http, "http_send", 15, "Get \"{url}\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"),
    ];

    private readonly Random random, recurring;

    public FaultPlan(int seed, bool enabled)
    {
        random = new Random(seed * 7919 + 17);
        recurring = new Random(seed * 7919 + 29);
        if (!enabled) return;
        var kinds = Enum.GetValues<FaultKind>().Where(k => k != FaultKind.LostRecurring).ToArray();
        foreach (var kind in kinds)
            if (random.Next(3) == 0) On.Add(kind);
        if (On.Count == 0) On.Add(kinds[random.Next(kinds.Length)]);
        ReloadAtPick = On.Contains(FaultKind.Reload) ? random.Next(1, 600) : -1;
        if (recurring.Next(3) == 0) On.Add(FaultKind.LostRecurring);
    }

    /// <summary>The kinds of fault this run injects.</summary>
    public HashSet<FaultKind> On { get; } = [];

    /// <summary>The yield point at which the plugin is reloaded, or -1.</summary>
    public long ReloadAtPick { get; } = -1;

    public bool Injecting { get; set; } = true;

    /// <summary>Faults injected so far, by kind.</summary>
    public Dictionary<FaultKind, int> Injected { get; } = [];

    /// <summary>
    /// The store faults that last: a failing cache or KV call fails the next 0–3 calls of its kind too (a SQLite
    /// database stays locked for a while), so some writes and reads fail every one of the plugin's attempts.
    /// </summary>
    private static readonly HashSet<FaultKind> Lasting = [FaultKind.CacheRead, FaultKind.CacheWrite, FaultKind.KvRead, FaultKind.KvWrite];

    private readonly Dictionary<FaultKind, int> stillFailing = [];

    /// <summary>The error this host call fails with, or null.</summary>
    public string? For(string function, string url)
    {
        if (!Injecting || On.Count == 0) return null;
        foreach (var (kind, prefix, percent, error) in Kinds)
        {
            if (!On.Contains(kind) || !function.StartsWith(prefix, StringComparison.Ordinal)) continue;
            if (stillFailing.GetValueOrDefault(kind) is > 0 and var left) stillFailing[kind] = left - 1;
            else if (random.Next(100) >= percent) return null;
            else if (Lasting.Contains(kind)) stillFailing[kind] = random.Next(4);
            Count(kind);
            return error.Replace("{url}", url, StringComparison.Ordinal);
        }
        return null;
    }

    /// <summary>True when a one-time timer being armed now will never fire.</summary>
    public bool LoseTimer()
    {
        if (!Injecting || !On.Contains(FaultKind.LostTimer) || random.Next(100) >= 8) return false;
        Count(FaultKind.LostTimer);
        return true;
    }

    /// <summary>
    /// True when a recurring schedule being armed now will never fire (the heartbeat or refresh of a connection): the
    /// host accepted it, so nothing tells the plugin. Odds are high because a connection arms only two.
    /// </summary>
    public bool LoseRecurring()
    {
        if (!Injecting || !On.Contains(FaultKind.LostRecurring) || recurring.Next(100) >= 40) return false;
        Count(FaultKind.LostRecurring);
        return true;
    }

    /// <summary>True when an HTTP request should get a server error rather than fail outright.</summary>
    public bool HttpServerError()
    {
        if (!Injecting || !On.Contains(FaultKind.Http) || random.Next(100) >= 10) return false;
        Count(FaultKind.Http);
        return true;
    }

    public void Count(FaultKind kind) => Injected[kind] = Injected.GetValueOrDefault(kind) + 1;

    public override string ToString() =>
        On.Count == 0 ? "no faults" : "faults " + string.Join(", ", On.Order()) + (ReloadAtPick >= 0 ? $" (reload at yield point {ReloadAtPick})" : "");
}

/// <summary>What the simulated host can do wrong.</summary>
public enum FaultKind
{
    /// <summary>scheduler_* calls fail.</summary>
    Scheduler,
    /// <summary>A one-time timer is accepted but never fires.</summary>
    LostTimer,
    CacheRead,
    CacheWrite,
    KvRead,
    KvWrite,
    /// <summary>websocket_sendtext fails, and every later send on that connection too (gorilla/websocket keeps a connection's first write error).</summary>
    Send,
    /// <summary>http_send times out or answers 503.</summary>
    Http,
    /// <summary>The plugin is reloaded at one yield point: schedules cancelled, sockets closed 1001 without a callback, cache wiped, KV kept, nd_on_init.</summary>
    Reload,
    /// <summary>A recurring schedule (a connection's heartbeat or refresh) is accepted but never fires. Drawn apart from the others, so adding it changed no older seed's faults.</summary>
    LostRecurring,
}
