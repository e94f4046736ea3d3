using Navidrome.DiscordPresence.TestHost.Scenarios;
using Xunit;

namespace Navidrome.DiscordPresence.TestHost.Tests;

/// <summary>The test host takes permissions, hosts and the KV limit from the plugin's manifest.json, as Navidrome does.</summary>
public sealed class ManifestTests
{
    [Theory]
    [InlineData("1MB", 1_000_000)]
    [InlineData("1MiB", 1_048_576)]
    [InlineData("512KB", 512_000)]
    [InlineData("2000", 2000)]
    public void Sizes_read_like_go_humanize(string text, long bytes) => Assert.Equal(bytes, PluginManifest.ParseSize(text));

    [Fact]
    public void The_repository_manifest_allows_every_host_the_fakes_stand_for()
    {
        var manifest = PluginManifest.Find(ScenarioFiles.RepositoryFolder(AppContext.BaseDirectory));
        Assert.NotNull(manifest);
        var options = PluginManifest.Apply(manifest, new HostOptions());
        Assert.True(Network.HostPattern.Allowed(Discord.FakeDiscord.GatewayHost, options.WebSocketHosts));
        Assert.True(Network.HostPattern.Allowed(Discord.FakeDiscord.ResumeHost, options.WebSocketHosts));
        foreach (var host in new[] { Discord.FakeDiscord.RestHost, Discord.FakeWebServices.CoverArtHost, Discord.FakeWebServices.ListenBrainzHost, Discord.FakeWebServices.UguuHost })
            Assert.True(Network.HostPattern.Allowed(host, options.HttpHosts), host);
    }

    [Fact]
    public void Host_functions_of_undeclared_permissions_do_not_exist()
    {
        var options = new HostOptions { Permissions = new HashSet<string> { "cache" } };
        using var world = new TestWorld(new ProbeRunner(), options, """{"a":"b"}""");
        Assert.Contains("is not exported", ProbeRunner.Host(world.Host, "kvstore_get", """{"key":"k"}""")["error"]!.GetValue<string>());
        Assert.Equal("b", ProbeRunner.Host(world.Host, "config_get", """{"key":"a"}""")["value"]!.GetValue<string>());
        Assert.Empty(ProbeRunner.Host(world.Host, "cache_getstring", """{"key":"k"}"""));
    }
}
