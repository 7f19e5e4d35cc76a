using System.Linq;
using BenchmarkDotNet.Running;

namespace Fragless.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "analyzer-cost")
            return AnalyzerCost.Run(args.Skip(1).ToArray());

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
