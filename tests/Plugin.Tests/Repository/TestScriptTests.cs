using System.Diagnostics;
using Navidrome.DiscordPresence.Tests.Manifest;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Repository;

/// <summary>
/// ./test.sh tells the truth about the wasm tests: it says loudly when they are skipped, and refuses a module older
/// than its sources. Each case runs the real script (--check-module) in a scratch copy of the layout it reads.
/// </summary>
public sealed class TestScriptTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("test-sh-").FullName;
    private static readonly DateTime Built = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);

    public TestScriptTests()
    {
        File.Copy(RepositoryFiles.Path("test.sh"), Path.Combine(root, "test.sh"));
        foreach (var source in new[] { "src/Domain/Core.cs", "build/wasm/native/host.c", "build/snapshot/Program.cs" })
            Write(source, Built.AddHours(-1));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private void Write(string relative, DateTime modified)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, relative);
        File.SetLastWriteTimeUtc(path, modified);
    }

    private (int Code, string Errors) CheckModule()
    {
        var start = new ProcessStartInfo("bash", ["test.sh", "--check-module"])
        {
            WorkingDirectory = root,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment.Remove("PLUGIN_WASM");
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, errors.Result);
    }

    [Fact]
    public void Without_a_module_the_skip_is_announced()
    {
        var (code, errors) = CheckModule();
        Assert.Equal(0, code);
        Assert.Contains("WASM TESTS SKIPPED: build/wasm/out/plugin.wasm is not built", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_module_built_after_every_source_is_used()
    {
        Write("build/wasm/out/plugin.wasm", Built);
        Write("src/Domain/obj/Release/generated.cs", Built.AddHours(1)); // build outputs are not sources
        Write("build/wasm/out/gen/exports.g.c", Built.AddHours(1));
        var (code, errors) = CheckModule();
        Assert.Equal(0, code);
        Assert.Contains("wasm tests run against build/wasm/out/plugin.wasm", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("SKIPPED", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("src/Domain/Core.cs")]
    [InlineData("build/wasm/native/host.c")]
    [InlineData("build/snapshot/Program.cs")]
    public void A_module_older_than_a_source_is_refused(string changed)
    {
        Write("build/wasm/out/plugin.wasm", Built);
        Write(changed, Built.AddMinutes(1));
        var (code, errors) = CheckModule();
        Assert.Equal(2, code);
        Assert.Contains($"is older than its sources ({changed} changed after it was built)", errors, StringComparison.Ordinal);
        Assert.Contains("run ./build.sh, or ./test.sh --build", errors, StringComparison.Ordinal);
    }
}
