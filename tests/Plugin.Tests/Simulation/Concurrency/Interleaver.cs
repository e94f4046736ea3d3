namespace Navidrome.DiscordPresence.Tests.Simulation.Concurrency;

/// <summary>
/// Runs plugin calls the way Navidrome overlaps them, one host call at a time, deterministically. Every call is a
/// <see cref="Fiber"/> on its own thread, but only the fiber holding the baton runs: a fiber gives the baton back
/// at every host call (<see cref="Yield"/>), and a seeded choice decides which ready fiber continues. A sequential
/// interleaver instead keeps running the fiber it last chose until it ends or waits, oldest first: the
/// one-call-after-another order the sequential World assumes.
/// Sequential sources of calls (one WebSocket reader, one scrobbler worker) are <see cref="Lane"/>s: a lane starts
/// its next call only after the previous one ended.
/// </summary>
public sealed class Interleaver(int seed, bool sequential)
{
    /// <summary>How long a fiber may run without giving the baton back before the run is declared stuck.</summary>
    private static readonly TimeSpan StuckAfter = TimeSpan.FromSeconds(60);

    private readonly Random random = new(seed);
    private readonly SemaphoreSlim baton = new(0, 1);
    private readonly List<Fiber> live = [];
    private readonly List<Lane> lanes = [];
    private readonly double switchOdds = seed % 3 switch { 0 => 0.2, 1 => 0.5, _ => 0.9 };
    private Fiber? last;

    /// <summary>The fiber that holds the baton, or null between runs.</summary>
    public Fiber? Current { get; private set; }

    /// <summary>Times a fiber was chosen to continue: the yield points of the run so far.</summary>
    public long Picks { get; private set; }

    /// <summary>The plugin load new calls belong to (a reload starts the next).</summary>
    public int Load { get; set; }

    /// <summary>Called before each choice; may change the world (a reload in the middle of anything).</summary>
    public Action? BeforePick { get; set; }

    /// <summary>Exceptions that escaped a fiber's body (a bug of the simulation, not of the plugin).</summary>
    public List<Exception> Crashes { get; } = [];

    /// <summary>A new sequential source of calls.</summary>
    public Lane NewLane(string name)
    {
        var lane = new Lane(name);
        lanes.Add(lane);
        return lane;
    }

    /// <summary>A call that starts on its own, without a lane (a timer callback, nd_on_init).</summary>
    public Fiber Spawn(string name, Action body)
    {
        var fiber = new Fiber(name, body) { Load = Load };
        live.Add(fiber);
        return fiber;
    }

    /// <summary>Called on a fiber's thread at every host call: hands the baton back and waits to be chosen again.</summary>
    public void Yield()
    {
        var me = Current ?? throw new InvalidOperationException("Yield outside a fiber");
        baton.Release();
        me.Go.Wait();
    }

    /// <summary>Called on a fiber's thread: waits (yielding) until <paramref name="other"/> has ended.</summary>
    public void WaitFor(Fiber other)
    {
        var me = Current ?? throw new InvalidOperationException("WaitFor outside a fiber");
        me.WaitingFor = other;
        Yield();
    }

    /// <summary>Runs fibers until none is left to run.</summary>
    public void RunUntilQuiet()
    {
        while (true)
        {
            foreach (var lane in lanes)
                if (lane.Active is null or { Finished: true } && lane.Pending.TryDequeue(out var call))
                    lane.Active = Spawn($"{lane.Name}: {call.Name}", call.Body);
            lanes.RemoveAll(l => l.Closed && l.Pending.Count == 0 && l.Active is null or { Finished: true });
            var ready = live.Where(f => f.WaitingFor is null or { Finished: true }).ToList();
            if (ready.Count == 0)
            {
                if (live.Count > 0) throw new InvalidOperationException("every call waits for another: " + string.Join(", ", live.Select(f => f.Name)));
                if (lanes.Any(l => l.Pending.Count > 0)) continue;
                return;
            }
            BeforePick?.Invoke();
            var chosen = Choose(ready);
            Resume(chosen);
            if (chosen.Finished) live.Remove(chosen);
        }
    }

    private Fiber Choose(List<Fiber> ready)
    {
        if (last is not null && ready.Contains(last) && (sequential || random.NextDouble() >= switchOdds)) return last;
        return sequential ? ready[0] : ready[random.Next(ready.Count)];
    }

    private void Resume(Fiber fiber)
    {
        Picks++;
        last = fiber;
        fiber.WaitingFor = null;
        Current = fiber;
        if (fiber.Thread is null)
        {
            fiber.Thread = new Thread(() => RunBody(fiber), 1024 * 1024) { IsBackground = true, Name = fiber.Name };
            fiber.Thread.Start();
        }
        else fiber.Go.Release();
        if (!baton.Wait(StuckAfter)) throw new TimeoutException($"call '{fiber.Name}' ran {StuckAfter.TotalSeconds} s without a host call");
        Current = null;
    }

    private void RunBody(Fiber fiber)
    {
        try
        {
            fiber.Body();
        }
        catch (Exception e)
        {
            Crashes.Add(new InvalidOperationException($"call '{fiber.Name}' crashed the simulation: {e.Message}", e));
        }
        finally
        {
            fiber.Finished = true;
            baton.Release();
        }
    }
}

/// <summary>One plugin call (or a chain of calls one source makes in a row) on its own thread.</summary>
public sealed class Fiber(string name, Action body)
{
    public string Name { get; } = name;
    internal Action Body { get; } = body;
    internal SemaphoreSlim Go { get; } = new(0, 1);
    internal Thread? Thread { get; set; }
    internal Fiber? WaitingFor { get; set; }

    /// <summary>The plugin load this call belongs to (a reload closes the older loads' host services).</summary>
    public int Load { get; init; }

    /// <summary>How many random numbers this call drew (the plugin's jitter).</summary>
    public int Draws { get; set; }

    public bool Finished { get; internal set; }
}

/// <summary>A sequential source of calls: one WebSocket connection's reader, one scrobbler worker.</summary>
public sealed class Lane(string name)
{
    public string Name { get; } = name;
    internal Queue<(string Name, Action Body)> Pending { get; } = new();
    internal Fiber? Active { get; set; }

    /// <summary>No more calls will be added; the lane goes away once drained.</summary>
    public bool Closed { get; private set; }

    public void Enqueue(string name, Action body)
    {
        if (!Closed) Pending.Enqueue((name, body));
    }

    /// <summary>Ends the lane: calls not yet started are dropped.</summary>
    public void Close(bool dropPending)
    {
        Closed = true;
        if (dropPending) Pending.Clear();
    }
}
