using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Navidrome.DiscordPresence.Benchmarks.CoreBenchmarks).Assembly).Run(args);
