using CxSpark.Bench;
using CxSpark.Bench.Nightly;

// CxSpark.Bench collect …   one way of consuming a wide result (scripts/bench-collect.sh)
// CxSpark.Bench nightly …   the nightly scale series against its JVM reference (scripts/bench.sh)
var parsed = new BenchArgs(args);
return parsed.Verb switch
{
    "collect" => await CollectBenchmark.RunAsync(parsed),
    "nightly" => await NightlyBenchmark.RunAsync(NightlyBenchOptions.From(parsed)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: CxSpark.Bench collect --mode noop|arrow|rows [--rows N] [--remote sc://host:port]");
    Console.Error.WriteLine("       CxSpark.Bench nightly --sizes 0.6M,2.5M,10M --remote sc://… --ui http://127.0.0.1:PORT --cxspark PATH --cache DIR --work DIR --out DIR …");
    Console.Error.WriteLine("       (scripts/bench.sh passes every option; see its header)");
    return 2;
}
