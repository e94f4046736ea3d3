namespace Navidrome.DiscordPresence.TestHost.Services;

/// <summary>One schedule: one-time (a timer) or recurring (a cron entry), due at a virtual instant.</summary>
public sealed record Schedule(string Id, string Payload, bool IsRecurring, CronSpec? Cron, long DueMs, long Order)
{
    /// <summary>True while its callback runs (a one-time entry is not removed until the callback returns).</summary>
    public bool Firing { get; set; }
}

/// <summary>
/// Navidrome's scheduler (docs/navidrome-host.md, 'The scheduler') on the virtual clock: ids per plugin (duplicates refused,
/// "" generates one), one-time delays in seconds (0 or less: due at once), recurring @every schedules, cancel.
/// A one-time entry is deleted by id after its callback returns — so a same-id reschedule from inside the callback
/// is refused, and one made after a cancel inside the callback is deleted (Navidrome's trap, reproduced).
/// The host takes every entry due at an instant at once and fires them concurrently, as Navidrome does.
/// </summary>
public sealed class SchedulerService(VirtualClock clock, Ids ids)
{
    private readonly Dictionary<string, Schedule> _schedules = new(StringComparer.Ordinal);
    private long _order;

    public byte[] Call(string function, HostRequest request) => function switch
    {
        "scheduler_scheduleonetime" => Add(request.String("scheduleId"), request.String("payload"), null, Math.Max(0, request.Int("delaySeconds")) * 1000),
        "scheduler_schedulerecurring" => AddRecurring(request),
        "scheduler_cancelschedule" => Cancel(request.String("scheduleId")),
        _ => throw new HostError($"unknown scheduler function {function}"),
    };

    /// <summary>The schedules that exist now, for expectations and transcripts.</summary>
    public IReadOnlyList<Schedule> All
    {
        get { lock (_schedules) return [.. _schedules.Values.OrderBy(s => s.DueMs).ThenBy(s => s.Order)]; }
    }

    /// <summary>When the next schedule is due, or null.</summary>
    public long? NextDueMs
    {
        get { lock (_schedules) return _schedules.Values.Where(s => !s.Firing).Select(s => (long?)s.DueMs).Min(); }
    }

    /// <summary>
    /// Takes every schedule due at or before <paramref name="nowMs"/>, in (due time, creation) order: a recurring
    /// one is re-armed at once, a one-time one stays (marked firing) until <see cref="Finished"/>.
    /// </summary>
    public IReadOnlyList<Schedule> TakeAllDue(long nowMs)
    {
        lock (_schedules)
        {
            var due = _schedules.Values.Where(s => !s.Firing && s.DueMs <= nowMs).OrderBy(s => s.DueMs).ThenBy(s => s.Order).ToList();
            foreach (var schedule in due)
            {
                if (schedule.IsRecurring) _schedules[schedule.Id] = schedule with { DueMs = schedule.Cron!.Next(schedule.DueMs), Order = ++_order };
                else schedule.Firing = true;
            }
            return due;
        }
    }

    /// <summary>After a one-time callback returned: delete whatever entry now has its id.</summary>
    public void Finished(Schedule fired)
    {
        if (fired.IsRecurring) return;
        lock (_schedules) _schedules.Remove(fired.Id);
    }

    /// <summary>Cancels everything (unload).</summary>
    public void Clear()
    {
        lock (_schedules) _schedules.Clear();
    }

    private byte[] AddRecurring(HostRequest request)
    {
        var cron = CronSpec.Parse(request.String("cronExpression"));
        return Add(request.String("scheduleId"), request.String("payload"), cron, 0);
    }

    private byte[] Add(string id, string payload, CronSpec? cron, long delayMs)
    {
        if (id.Length == 0) id = ids.Next();
        lock (_schedules)
        {
            if (_schedules.ContainsKey(id)) throw new HostError($"schedule ID \"{id}\" already exists");
            var now = clock.NowMs;
            _schedules[id] = new Schedule(id, payload, cron is not null, cron, cron?.Next(now) ?? now + delayMs, ++_order);
        }
        return new HostResponse().Set("newScheduleId", id).ToBytes();
    }

    private byte[] Cancel(string id)
    {
        lock (_schedules)
            if (!_schedules.Remove(id)) throw new HostError($"schedule ID \"{id}\" not found");
        return HostResponse.Empty;
    }
}
