using Navidrome.DiscordPresence.TestHost.Network;

namespace Navidrome.DiscordPresence.TestHost;

/// <summary>
/// Navidrome 0.62+'s two scrobbler workers (docs/navidrome-host.md, 'Which calls arrive, and from where'), for runs that want Navidrome's
/// concurrency: one goroutine drains a FIFO of every user's PlaybackReports, another drains NowPlaying entries
/// keyed by player (only the latest per player survives). The two run independently of each other and of the
/// socket and timer callbacks, so their calls interleave the way they can in Navidrome. Queued work counts as
/// in flight for <see cref="NetworkLedger"/>, so the clock waits for it.
/// </summary>
public sealed class NavidromeWorkers : IDisposable
{
    private readonly NetworkLedger _ledger;
    private readonly Func<string, int>? _delayBeforeMs;
    private readonly Queue<Action> _reports = new();
    private readonly List<(string Player, Action Call)> _nowPlaying = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _reportSignal = new(0), _nowPlayingSignal = new(0);
    private readonly Task _reportWorker, _nowPlayingWorker;

    /// <param name="delayBeforeMs">A real pause before each call, by worker name (chaos runs vary how the two overlap).</param>
    public NavidromeWorkers(NetworkLedger ledger, Func<string, int>? delayBeforeMs = null)
    {
        _ledger = ledger;
        _delayBeforeMs = delayBeforeMs;
        _reportWorker = Task.Factory.StartNew(ReportLoop, TaskCreationOptions.LongRunning);
        _nowPlayingWorker = Task.Factory.StartNew(NowPlayingLoop, TaskCreationOptions.LongRunning);
    }

    /// <summary>Queues a PlaybackReport dispatch (is_authorized, then playback_report).</summary>
    public void EnqueueReport(Action call)
    {
        _ledger.BeginWork();
        lock (_reports) _reports.Enqueue(call);
        _reportSignal.Release();
    }

    /// <summary>Queues a NowPlaying dispatch for a player, replacing one not yet sent.</summary>
    public void EnqueueNowPlaying(string player, Action call)
    {
        lock (_nowPlaying)
        {
            var at = _nowPlaying.FindIndex(e => e.Player == player);
            if (at >= 0)
            {
                _nowPlaying[at] = (player, call);
                return;
            }
            _ledger.BeginWork();
            _nowPlaying.Add((player, call));
        }
        _nowPlayingSignal.Release();
    }

    private void ReportLoop()
    {
        while (Wait(_reportSignal))
        {
            Action call;
            lock (_reports) call = _reports.Dequeue();
            Run("playback report", call);
        }
    }

    private void NowPlayingLoop()
    {
        while (Wait(_nowPlayingSignal))
        {
            Action? call = null;
            lock (_nowPlaying)
            {
                if (_nowPlaying.Count > 0)
                {
                    call = _nowPlaying[0].Call;
                    _nowPlaying.RemoveAt(0);
                }
            }
            if (call is not null) Run("now playing", call);
        }
    }

    private bool Wait(SemaphoreSlim signal)
    {
        try
        {
            signal.Wait(_stop.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Run(string worker, Action call)
    {
        try
        {
            if (_delayBeforeMs?.Invoke(worker) is > 0 and var pause) Thread.Sleep(pause);
            call();
        }
        finally { _ledger.EndWork(); }
    }

    public void Dispose()
    {
        _stop.Cancel();
        Task.WaitAll([_reportWorker, _nowPlayingWorker], TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }
}
