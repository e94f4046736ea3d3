using System.Text.Json.Nodes;
using Navidrome.DiscordPresence.TestHost.Services;
using Xunit;

namespace Navidrome.DiscordPresence.TestHost.Tests;

/// <summary>The host services behave as docs/navidrome-host.md says Navidrome's do.</summary>
public sealed class HostSemanticsTests
{
    private static TestWorld World(ProbeRunner probe, string config = """{"clientid":"1"}""") =>
        new(probe, new HostOptions { Users = [new NavidromeUser("alice", "Alice", false)], FixedRandom = 0.5 }, config);

    private static JsonObject Call(TestWorld world, string function, string request) => ProbeRunner.Host(world.Host, function, request);

    [Fact]
    public void Config_is_flattened_the_way_Go_writes_it()
    {
        var map = GoJson.Flatten("""{"s":"text","n":3,"f":1.5,"big":1e21,"tiny":0.0000001,"id":123456789012345678,"b":true,"z":null,"arr":[{"b":1,"a":"<&>"}]}""");
        Assert.Equal("text", map["s"]);
        Assert.Equal("3", map["n"]);
        Assert.Equal("1.5", map["f"]);
        Assert.Equal("1e+21", map["big"]);
        Assert.Equal("1e-7", map["tiny"]);
        Assert.Equal("123456789012345680", map["id"]); // through float64, as Navidrome does
        Assert.Equal("true", map["b"]);
        Assert.Equal("null", map["z"]);
        Assert.Equal("""[{"a":"\u003c\u0026\u003e","b":1}]""", map["arr"]);
    }

    [Fact]
    public void Cache_reads_extend_the_expiry_and_are_type_strict()
    {
        using var world = World(new ProbeRunner());
        Call(world, "cache_setstring", """{"key":"k","value":"v","ttlSeconds":60}""");
        world.Host.Advance(TimeSpan.FromSeconds(50));
        Assert.Equal("v", Call(world, "cache_getstring", """{"key":"k"}""")["value"]!.GetValue<string>()); // touched: expires at 110 s
        world.Host.Advance(TimeSpan.FromSeconds(50));
        Assert.True(Call(world, "cache_has", """{"key":"k"}""")["exists"]!.GetValue<bool>()); // touched again: 160 s
        Assert.False(Call(world, "cache_getint", """{"key":"k"}""").ContainsKey("exists"));
        world.Host.Advance(TimeSpan.FromSeconds(61));
        Assert.Empty(Call(world, "cache_getstring", """{"key":"k"}"""));
    }

    [Fact]
    public void Cache_ttl_of_zero_means_a_day_and_a_reload_wipes_the_cache_but_not_the_kv_store()
    {
        using var world = World(new ProbeRunner());
        Call(world, "cache_setint", """{"key":"n","value":0,"ttlSeconds":0}""");
        Call(world, "kvstore_set", """{"key":"p","value":"aGk="}""");
        world.Host.Advance(TimeSpan.FromHours(23));
        Assert.Equal(JsonNode.Parse("""{"exists":true}""")!.ToJsonString(), Call(world, "cache_getint", """{"key":"n"}""").ToJsonString());
        world.Host.Reload();
        Assert.Empty(Call(world, "cache_getint", """{"key":"n"}"""));
        Assert.Equal("aGk=", Call(world, "kvstore_get", """{"key":"p"}""")["value"]!.GetValue<string>());
    }

    [Fact]
    public void Integer_fields_refuse_fractions_like_Go()
    {
        using var world = World(new ProbeRunner());
        Assert.True(Call(world, "scheduler_scheduleonetime", """{"delaySeconds":60.0,"payload":"","scheduleId":"x"}""").ContainsKey("error"));
    }

    [Fact]
    public void Schedules_fire_in_order_on_the_virtual_clock_with_Navidromes_callback_input()
    {
        var probe = new ProbeRunner();
        using var world = World(probe);
        Call(world, "scheduler_scheduleonetime", """{"delaySeconds":30,"payload":"later","scheduleId":"b"}""");
        Call(world, "scheduler_scheduleonetime", """{"delaySeconds":10,"payload":"sooner","scheduleId":"a"}""");
        Call(world, "scheduler_schedulerecurring", """{"cronExpression":"@every 20s","payload":"beat","scheduleId":"r"}""");
        Assert.Contains("already exists", Call(world, "scheduler_scheduleonetime", """{"delaySeconds":1,"payload":"","scheduleId":"a"}""")["error"]!.GetValue<string>());
        world.Host.Advance(TimeSpan.FromSeconds(45));
        var fired = probe.InputsOf("nd_scheduler_callback").Select(i => (i["scheduleId"]!.GetValue<string>(), i["isRecurring"]!.GetValue<bool>())).ToList();
        Assert.Equal([("a", false), ("r", true), ("b", false), ("r", true)], fired);
        Assert.Contains("not found", Call(world, "scheduler_cancelschedule", """{"scheduleId":"a"}""")["error"]!.GetValue<string>());
        Assert.Empty(Call(world, "scheduler_cancelschedule", """{"scheduleId":"r"}"""));
    }

    [Fact]
    public void Schedules_due_at_one_instant_fire_concurrently_like_Navidromes_goroutines()
    {
        // Each callback waits until the other one has started: only concurrent callbacks both get through.
        using var bothStarted = new CountdownEvent(2);
        var waitedForTheOther = 0;
        var probe = new ProbeRunner((export, _, _) =>
        {
            if (export != "nd_scheduler_callback") return;
            bothStarted.Signal();
            if (bothStarted.Wait(TimeSpan.FromSeconds(5))) Interlocked.Increment(ref waitedForTheOther);
        });
        using var world = World(probe);
        Call(world, "scheduler_scheduleonetime", """{"delaySeconds":10,"payload":"","scheduleId":"heartbeat"}""");
        Call(world, "scheduler_scheduleonetime", """{"delaySeconds":10,"payload":"","scheduleId":"flush"}""");
        world.Host.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(2, waitedForTheOther);
        Assert.Equal(2, probe.MaxOverlap);
        Assert.Empty(world.Host.Scheduler.All);
    }

    [Fact]
    public void A_one_time_schedule_rescheduled_from_its_own_callback_is_lost_like_in_Navidrome()
    {
        string? refusal = null;
        var probe = new ProbeRunner((export, input, host) =>
        {
            if (export != "nd_scheduler_callback" || input["payload"]!.GetValue<string>() != "first") return;
            refusal = ProbeRunner.Host(host, "scheduler_scheduleonetime", """{"delaySeconds":5,"payload":"again","scheduleId":"t"}""")["error"]?.GetValue<string>();
            ProbeRunner.Host(host, "scheduler_cancelschedule", """{"scheduleId":"t"}""");
            ProbeRunner.Host(host, "scheduler_scheduleonetime", """{"delaySeconds":5,"payload":"second","scheduleId":"t"}""");
        });
        using var world = World(probe);
        Call(world, "scheduler_scheduleonetime", """{"delaySeconds":1,"payload":"first","scheduleId":"t"}""");
        world.Host.Advance(TimeSpan.FromSeconds(30));
        Assert.Contains("already exists", refusal);
        Assert.Single(probe.InputsOf("nd_scheduler_callback"));
    }

    [Fact]
    public void Http_checks_allowed_hosts_and_gives_results_with_canonical_headers()
    {
        using var world = World(new ProbeRunner());
        world.Discord.AssetsStatus = 429;
        world.Discord.Accounts["tok"] = "alice";
        var refused = Call(world, "http_send", """{"request":{"method":"GET","url":"https://evil.example.com/x"}}""");
        Assert.Contains("not allowed", refused["error"]!.GetValue<string>());
        var answer = Call(world, "http_send", """{"request":{"method":"post","url":"https://discord.com/api/v9/applications/1/external-assets","headers":{"Authorization":"tok"},"body":"eyJ1cmxzIjpbImh0dHBzOi8vYS5iL2MiXX0="}}""");
        Assert.Equal(429, answer["result"]!["statusCode"]!.GetValue<int>());
        Assert.Equal("30", answer["result"]!["headers"]!["Retry-After"]!.GetValue<string>());
        var redirect = Call(world, "http_send", """{"request":{"method":"HEAD","url":"https://coverartarchive.org/release/abc/front-500","noFollowRedirects":true,"timeoutMs":4000}}""");
        Assert.Equal(307, redirect["result"]!["statusCode"]!.GetValue<int>());
        Assert.StartsWith("https://archive.org/", redirect["result"]!["headers"]!["Location"]!.GetValue<string>());
    }

    [Fact]
    public void Http_times_out_with_an_error()
    {
        using var world = World(new ProbeRunner());
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        world.Map.Map("uguu.se", ((System.Net.IPEndPoint)silent.LocalEndpoint).Port);
        var answer = Call(world, "http_send", """{"request":{"method":"GET","url":"https://uguu.se/upload","timeoutMs":300}}""");
        Assert.Contains("deadline exceeded", answer["error"]!.GetValue<string>());
    }

    [Fact]
    public void Kv_store_refuses_what_Navidrome_refuses()
    {
        using var world = World(new ProbeRunner());
        Assert.Contains("empty", Call(world, "kvstore_set", """{"key":"","value":"aGk="}""")["error"]!.GetValue<string>());
        Assert.Contains("256", Call(world, "kvstore_set", $$"""{"key":"{{new string('k', 257)}}","value":"aGk="}""")["error"]!.GetValue<string>());
        var big = Convert.ToBase64String(new byte[1024 * 1024]);
        Assert.Contains("storage limit exceeded", Call(world, "kvstore_set", $$"""{"key":"big","value":"{{big}}"}""")["error"]!.GetValue<string>());
    }

    [Fact]
    public void GetSong_answers_the_library_track_as_Navidromes_JSON_as_a_granted_user_only()
    {
        using var world = World(new ProbeRunner());
        world.Host.Library.Add(new TrackInfo("t1", "So What", "Kind of Blue", "Miles Davis", 562, Year: 1959, Genre: "Jazz"));
        world.Host.Library.Add(new TrackInfo("t2", "Untagged", "Demos", "Nobody", 120));
        JsonNode Song(string id) => JsonNode.Parse(Call(world, "subsonicapi_call", $$"""{"uri":"getSong?id={{id}}&u=alice"}""")["responseJson"]!.GetValue<string>())!["subsonic-response"]!;
        Assert.Equal("""{"id":"t1","isDir":false,"title":"So What","album":"Kind of Blue","artist":"Miles Davis","duration":562,"year":1959,"genre":"Jazz","genres":[{"name":"Jazz"}]}""", Song("t1")["song"]!.ToJsonString());
        Assert.Equal("""{"id":"t2","isDir":false,"title":"Untagged","album":"Demos","artist":"Nobody","duration":120,"genres":[]}""", Song("t2")["song"]!.ToJsonString());
        Assert.Equal(("failed", 70), ((string)Song("t9")["status"]!, (int)Song("t9")["error"]!["code"]!));
        Assert.Contains("not authorized", Call(world, "subsonicapi_call", """{"uri":"getSong?id=t1&u=bob"}""")["error"]!.GetValue<string>());
        Assert.Contains("'u'", Call(world, "subsonicapi_call", """{"uri":"getSong?id=t1"}""")["error"]!.GetValue<string>());
    }
}
