using Navidrome.DiscordPresence.Harness;
using Navidrome.DiscordPresence.TestHost.Scenarios;

// The modes and flags are RunnerOptions.Usage (./scenarios.sh --help). Prints each scenario's transcript (only
// failing ones with --quiet) and a verdict; exits 1 if any failed, 2 on a bad command line or when no file is found.
if (!RunnerOptions.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine($"scenarios.sh: error: {error}");
    Console.Error.WriteLine(RunnerOptions.UsageLine);
    return 2;
}
if (options.Help)
{
    Console.WriteLine(RunnerOptions.Usage);
    return 0;
}
// --wasm drives the built module under Wasmtime instead of the managed plugin in-process.
using var wasmRunner = options.Wasm is null ? null : new Navidrome.DiscordPresence.Harness.Wasm.WasmtimePluginRunner(options.Wasm);
IPluginRunner runner = wasmRunner is null ? new ManagedPluginRunner() : wasmRunner;
if (options.ScaleUsers is { } users)
{
    var report = ScaleRun.Run(users, TimeSpan.FromMinutes(options.Minutes), runner, options.Concurrent, busyEventsPerSecond: options.BusyEventsPerSecond, identifyIntentsIgnored: options.WithoutIntents);
    Console.WriteLine(report);
    if (options.Transcript is { } transcript) File.WriteAllText(transcript, report.Transcript);
    return report.FailedCalls == 0 && report.Unsettled == 0 && report.PresenceBudgetBreaches == 0 ? 0 : 1;
}
IReadOnlyList<string> targets = options.Targets.Count > 0 ? options.Targets : [Path.Combine("tests", "scenarios")];

var files = targets.SelectMany(ScenarioFiles.Find).ToList();
if (files.Count == 0)
{
    Console.Error.WriteLine($"no *.scenario files in {string.Join(", ", targets)}");
    return 2;
}

if (options.ChaosSeed is { } chaosSeed) Console.WriteLine($"chaos seed {chaosSeed}: replay it with ./scenarios.sh --chaos {chaosSeed}");
var failed = 0;
var verdicts = new List<string>();
foreach (var file in files)
{
    ScenarioResult result;
    try
    {
        result = ScenarioRunner.Run(ScenarioParser.ParseFile(file), runner, options.Concurrent, options.ChaosSeed);
    }
    catch (ScenarioFormatException e)
    {
        Console.WriteLine($"FAIL  {file}: {e.Message}");
        verdicts.Add($"FAIL  {file}: cannot be read");
        failed++;
        continue;
    }
    if (!options.Quiet || !result.Passed) Console.WriteLine(result.Transcript);
    verdicts.Add(result.Verdict);
    if (result.Unexpected) failed++;
}
Console.WriteLine(string.Join(Environment.NewLine, verdicts));
Console.WriteLine($"{files.Count - failed} of {files.Count} scenarios as expected{(options.ChaosSeed is { } seedUsed ? $" (chaos seed {seedUsed})" : "")}");
return failed == 0 ? 0 : 1;
