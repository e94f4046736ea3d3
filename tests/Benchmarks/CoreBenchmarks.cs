using System.Text;
using BenchmarkDotNet.Attributes;
using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Gateway;
using Navidrome.DiscordPresence.Domain.Playback;

namespace Navidrome.DiscordPresence.Benchmarks;

/// <summary>
/// What one Navidrome call costs the pure core on the normal .NET runtime: reading a frame, and deciding a
/// heartbeat ACK, a playback report and a READY. The wasm build's per-call cost (start-up included) is measured
/// by the wasm benchmark; these figures are the floor under it.
/// </summary>
[MemoryDiagnoser]
public class CoreBenchmarks
{
    private const long Now = 1_800_000_000_000;
    private static readonly byte[] Ack = """{"op":11,"d":null}"""u8.ToArray();
    private static readonly byte[] Ready = Encoding.UTF8.GetBytes(
        """{"t":"READY","s":1,"op":0,"d":{"v":10,"user":{"id":"1","username":"x"},"guilds":[""" +
        string.Join(",", Enumerable.Range(0, 200).Select(i => $$"""{"id":"{{i}}","name":"guild {{i}}","features":["A","B"],"roles":[{"id":"{{i}}"}]}""")) +
        """],"session_id":"abc","resume_gateway_url":"wss://gateway-us-east1-b.discord.gg"}}""");

    private readonly PluginConfig config = new(
        "1234567890123456789", [new DiscordUser("alice", "fp")], ActivityNameMode.Default, "{artist} - {track}", "{track}", "{artist}", "{album}",
        StatusDisplay.Details, OnlineStatus.Online, PauseMode.Frozen, 30, [], new ArtworkOptions(true, false, true, false), LinkMode.None);

    private UserState ready = UserState.Initial;
    private Input report = null!;

    [GlobalSetup]
    public void Setup()
    {
        var track = new Track("t1", "Blue in Green", "Kind of Blue", "Miles Davis", "Miles Davis", "Miles Davis", 337.5, "rec", "rel", "rg");
        report = new Input.PlaybackReported("alice", new PlaybackReport(track, ReportState.Playing, 10_000, 1, "web", "web", Now));
        ready = UserState.Initial with
        {
            Host = new HostFacts(true),
            Session = SessionState.Initial with { Generation = 1, Phase = Phase.Ready, SessionId = "abc", ResumeUrl = "wss://x.discord.gg", Sequence = 5, HeartbeatIntervalMs = 41_250 },
        };
    }

    [Benchmark]
    public InboundFrame ReadAckFrame() => FrameReader.Read(Ack);

    [Benchmark]
    public InboundFrame ReadLargeReadyFrame() => FrameReader.Read(Ready);

    [Benchmark]
    public Step DecideHeartbeatAck() =>
        Core.Decide(new Input.FrameReceived(GatewayIds.Connection("alice", 1), new InboundFrame.HeartbeatAck()), "alice", ready, config, new Moment(Now, 0.5));

    [Benchmark]
    public Step DecidePlaybackReport() => Core.Decide(report, "alice", ready, config, new Moment(Now, 0.5));
}
