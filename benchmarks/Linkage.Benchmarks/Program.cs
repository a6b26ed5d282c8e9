using BenchmarkDotNet.Running;

// Pick benchmarks on the command line, e.g. --filter '*StringKernel*' --job short.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
