using Navidrome.DiscordPresence.Harness;
using Navidrome.DiscordPresence.TestHost.Scenarios;

// Usage: scenarios.sh [--quiet] <file.scenario | folder>...
// Prints each scenario's transcript (only failing ones with --quiet) and a verdict; exits 1 if any failed.
var quiet = args.Contains("--quiet");
var targets = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
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
        result = ScenarioRunner.Run(ScenarioParser.ParseFile(file), new ManagedPluginRunner());
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
    if (!result.Passed) failed++;
}
Console.WriteLine(string.Join(Environment.NewLine, verdicts));
Console.WriteLine($"{files.Count - failed} of {files.Count} scenarios passed");
return failed == 0 ? 0 : 1;
