using System.Globalization;
using CxSpark.Compare;

// CxSpark.Compare --base DIR --head DIR [--digits N] [--examples N] [--title TEXT]
// Compares every published table of two cxspark output roots row for row (scripts/compare-outputs.sh runs it).
// Exit code: 0 all tables identical, 1 a table differs or exists in one run only, 2 bad arguments.
string? baseRoot = null, headRoot = null, title = null;
int digits = 17, examples = 3;
if (args.Length % 2 != 0)
{
    return Usage("every option takes one value");
}

for (int i = 0; i < args.Length; i += 2)
{
    string value = args[i + 1];
    switch (args[i])
    {
        case "--base":
            baseRoot = value;
            break;
        case "--head":
            headRoot = value;
            break;
        case "--title":
            title = value;
            break;
        case "--digits" when int.TryParse(value, CultureInfo.InvariantCulture, out int d) && d is >= 1 and <= 17:
            digits = d;
            break;
        case "--examples" when int.TryParse(value, CultureInfo.InvariantCulture, out int e) && e >= 0:
            examples = e;
            break;
        default:
            return Usage($"unexpected argument '{args[i]} {value}'");
    }
}

if (baseRoot is null || headRoot is null || !Directory.Exists(baseRoot) || !Directory.Exists(headRoot))
{
    return Usage("--base and --head must name existing output folders");
}

SortedDictionary<string, IReadOnlyList<string>> baseTables = PublishedTables.Find(baseRoot);
SortedDictionary<string, IReadOnlyList<string>> headTables = PublishedTables.Find(headRoot);
string precision = digits == 17
    ? "doubles compared exactly (17 significant digits: bit for bit)"
    : $"doubles compared rounded to {digits} significant digits (tolerance about 5e-{digits} relative)";
Console.WriteLine($"== {title ?? "outputs"}: {precision}");
Console.WriteLine($"   base {baseRoot}");
Console.WriteLine($"   head {headRoot}");
Console.WriteLine($"{"table",-28} {"rows base",11} {"rows head",11} {"only base",10} {"only head",10}  schema");

var comparisons = new List<TableComparison>();
using (var comparer = new TableComparer(digits, examples))
{
    foreach (string table in baseTables.Keys.Union(headTables.Keys).Order(StringComparer.Ordinal))
    {
        TableComparison result = comparer.Compare(table, baseTables.GetValueOrDefault(table), headTables.GetValueOrDefault(table));
        comparisons.Add(result);
        Console.WriteLine($"{table,-28} {Number(result.BaseRows),11} {Number(result.HeadRows),11} {Number(result.OnlyInBase),10} " +
            $"{Number(result.OnlyInHead),10}  {(result.SchemaEqual ? "equal" : "DIFFERS")}");
        foreach (string detail in result.Details)
        {
            Console.WriteLine("    " + detail);
        }
    }
}

string[] differing = comparisons.Where(c => !c.IsIdentical).Select(c => c.Table).ToArray();
if (comparisons.Count == 0)
{
    Console.WriteLine("RESULT: no published tables found in either output");
    return 1;
}

Console.WriteLine(differing.Length == 0
    ? $"RESULT: identical ({comparisons.Count} tables)"
    : $"RESULT: DIFFERENT: {differing.Length} of {comparisons.Count} tables differ: {string.Join(", ", differing)}");
return differing.Length == 0 ? 0 : 1;

static string Number(long? value) => value is null ? "-" : value.Value.ToString("N0", CultureInfo.InvariantCulture);

static int Usage(string problem)
{
    Console.Error.WriteLine($"CxSpark.Compare: {problem}");
    Console.Error.WriteLine("usage: CxSpark.Compare --base DIR --head DIR [--digits 1..17] [--examples N] [--title TEXT]");
    return 2;
}
