namespace CxSpark.Bench;

/// <summary>The command line: a verb, then <c>--name value</c> pairs and <c>--flag</c>s.</summary>
internal sealed class BenchArgs
{
    private readonly string[] _args;

    public BenchArgs(string[] args) => _args = args;

    public string? Verb => _args.Length > 0 ? _args[0] : null;

    public string? Get(string name)
    {
        int i = Array.IndexOf(_args, name);
        return i >= 0 && i + 1 < _args.Length ? _args[i + 1] : null;
    }

    public string Require(string name) => Get(name) ?? throw new ArgumentException($"missing {name}");

    public bool Has(string flag) => Array.IndexOf(_args, flag) >= 0;
}
