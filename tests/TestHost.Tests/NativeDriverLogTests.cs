using System.Text.RegularExpressions;
using Xunit;

namespace Navidrome.DiscordPresence.TestHost.Tests;

/// <summary>
/// The C driver's runtime log callback (build/wasm/native/host.c, mono_log) bypasses the plugin's redaction, so it
/// must never log text it did not write: a runtime message can quote input, and input can hold a token.
/// </summary>
public class NativeDriverLogTests
{
    [Fact]
    public void The_runtime_log_callback_never_prints_the_runtime_message()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "DiscordPresence.sln"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("no DiscordPresence.sln above the test");
        var source = File.ReadAllText(Path.Combine(root, "build", "wasm", "native", "host.c"));
        var body = Regex.Match(source, @"static void mono_log \([^)]*\)\s*\{(?<body>.*?)\n\}", RegexOptions.Singleline);
        Assert.True(body.Success, "mono_log not found in host.c");
        // The only use of the parameter is to mark it unused.
        var uses = Regex.Matches(body.Groups["body"].Value, @"\bmessage\b").Select(m => m.Index).ToList();
        Assert.Single(uses);
        Assert.Contains("(void) message;", body.Groups["body"].Value, StringComparison.Ordinal);
    }
}
