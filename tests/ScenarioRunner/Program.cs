using Navidrome.DiscordPresence.Harness;
using Navidrome.DiscordPresence.TestHost.Scenarios;

// Usage: scenarios.sh [--quiet] [--concurrent] [--wasm plugin.wasm] <file.scenario | folder>...   or   scenarios.sh --scale N [--minutes M] [--concurrent] [--transcript file]
// Prints each scenario's transcript (only failing ones with --quiet) and a verdict; exits 1 if any failed.
var quiet = args.Contains("--quiet");
// --wasm <plugin.wasm>: drive the built module under Wasmtime instead of the managed plugin in-process.
var wasmAt = Array.IndexOf(args, "--wasm");
var wasmPath = wasmAt >= 0 && wasmAt + 1 < args.Length ? args[wasmAt + 1] : null;
using var wasmRunner = wasmPath is null ? null : new Navidrome.DiscordPresence.Harness.Wasm.WasmtimePluginRunner(wasmPath);
IPluginRunner runner = wasmRunner is null ? new ManagedPluginRunner() : wasmRunner;
var concurrent = args.Contains("--concurrent");
var scaleAt = Array.IndexOf(args, "--scale");
if (scaleAt >= 0)
{
    // Scale run: --scale N [--minutes M]; N users listen at once for M simulated minutes (default 60).
    var users = scaleAt + 1 < args.Length && int.TryParse(args[scaleAt + 1], out var n) ? n : 10;
    var minutesAt = Array.IndexOf(args, "--minutes");
    var minutes = minutesAt >= 0 && minutesAt + 1 < args.Length && int.TryParse(args[minutesAt + 1], out var m) ? m : 60;
    var report = ScaleRun.Run(users, TimeSpan.FromMinutes(minutes), runner, args.Contains("--concurrent"));
    Console.WriteLine(report);
    var transcriptAt = Array.IndexOf(args, "--transcript");
    if (transcriptAt >= 0 && transcriptAt + 1 < args.Length) File.WriteAllText(args[transcriptAt + 1], report.Transcript);
    return report.FailedCalls == 0 && report.Unsettled == 0 && report.PresenceBudgetBreaches == 0 ? 0 : 1;
}
var targets = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] is not ("--wasm" or "--scale" or "--minutes" or "--transcript"))).ToList();
if (targets.Count == 0) targets.Add(Path.Combine("tests", "scenarios"));

var files = targets.SelectMany(ScenarioFiles.Find).ToList();
if (files.Count == 0)
{
    Console.Error.WriteLine($"no *.scenario files in {string.Join(", ", targets)}");
    return 2;
}

var failed = 0;
var verdicts = new List<string>();
foreach (var file in files)
{
    ScenarioResult result;
    try
    {
        result = ScenarioRunner.Run(ScenarioParser.ParseFile(file), runner, concurrent);
    }
    catch (ScenarioFormatException e)
    {
        Console.WriteLine($"FAIL  {file}: {e.Message}");
        verdicts.Add($"FAIL  {file}: cannot be read");
        failed++;
        continue;
    }
    if (!quiet || !result.Passed) Console.WriteLine(result.Transcript);
    verdicts.Add(result.Verdict);
    if (result.Unexpected) failed++;
}
Console.WriteLine(string.Join(Environment.NewLine, verdicts));
Console.WriteLine($"{files.Count - failed} of {files.Count} scenarios as expected");
return failed == 0 ? 0 : 1;
