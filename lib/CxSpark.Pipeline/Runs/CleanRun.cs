using CxSpark.Connect.Errors;
using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Caching;
using CxSpark.Pipeline.Cleaning;
using CxSpark.Pipeline.Contract;
using CxSpark.Pipeline.Input;
using CxSpark.Pipeline.Publishing;
using Microsoft.Extensions.Logging;

namespace CxSpark.Pipeline.Runs;

/// <summary>The <c>clean</c> job: every input table through contract check, mapping, cleaning and publishing.</summary>
public static class CleanRun
{
    /// <summary>Cleans every present input table and returns the counts per table.</summary>
    /// <exception cref="InputContractException">The transactions table is absent, or a table breaks the contract.</exception>
    /// <exception cref="UnreadableInputException">A file of an input table cannot be read in the table's format.</exception>
    /// <exception cref="CleaningInvariantException">A table's counts do not add up.</exception>
    public static async Task<IReadOnlyDictionary<string, TableCounts>> RunAsync(RunContext context, CancellationToken cancellationToken = default)
    {
        var reader = new RawZoneReader(context.Spark, context.Options);
        CleaningRules rules = CleaningRules.ForRunDate(context.Options.RunDate, context.Options.Cleaning);
        context.Publisher.Claim(InputTables.All
            .SelectMany(c => new[] { OutputTables.Clean(c.Name), OutputTables.Quarantine(c.Name) })
            .Append(OutputTables.Returns));
        // Every table is read and checked before any is cleaned, so bad input in a later table publishes nothing.
        var inputs = new List<(TableContract Contract, RawTable Raw)>();
        foreach (TableContract contract in InputTables.All)
        {
            RawTable? raw = await reader.ReadAsync(contract, cancellationToken).ConfigureAwait(false);
            if (raw is null)
            {
                context.Logger.LogInformation("[clean.{Table}] no input at {Path}; skipped", contract.Name, context.Options.PathOf(contract.Name));
                continue;
            }

            await reader.ValidateAsync(raw, contract, cancellationToken).ConfigureAwait(false);
            inputs.Add((contract, raw));
        }

        foreach ((TableContract contract, RawTable raw) in inputs)
        {
            try
            {
                await context.StageAsync("clean." + contract.Name, () => CleanTableAsync(context, raw, contract, rules, cancellationToken)).ConfigureAwait(false);
            }
            catch (SparkServerException e) when (PhysicalTypes.TryExplain(e, contract.Name, out InputContractException explained))
            {
                throw explained;
            }
            catch (SparkServerException e) when (UnreadableFiles.TryExplain(e, contract.Name, raw.Path, context.Options.SourceOf(contract.Name).Format, out UnreadableInputException unreadable))
            {
                throw unreadable;
            }
        }

        return context.Manifest.Cleaning;
    }

    /// <remarks>
    /// The classified input is cached: one aggregate counts its classes, then each part is written once and counted from
    /// its files (Parquet footers), so duplicate removal runs once per part and the counts are those of what was published.
    /// </remarks>
    private static async Task<TableCounts> CleanTableAsync(RunContext context, RawTable raw, TableContract contract, CleaningRules rules, CancellationToken cancellationToken)
    {
        DataFrame mapped = ContractMapper.Map(raw.Frame, raw.Schema, contract, context.Options.SourceOf(contract.Name).Mapping);
        await using var cache = new CacheScope();
        DataFrame classified = await cache.CacheAsync(TableCleaner.Classify(mapped, contract, rules), cancellationToken).ConfigureAwait(false);
        TableSplit split = TableCleaner.SplitClassified(classified, contract);
        ClassCounts classes = await CleaningCounter.CountClassesAsync(split, cancellationToken).ConfigureAwait(false);
        context.Manifest.Inputs[contract.Name] = raw.Path;

        string? key = context.Options.Cleaning.PiiHashKey;
        await using IAsyncDisposable sized = await ShufflePartitions.ScopeAsync(context.Spark, classes.RowsIn, context.Options.Spark.ShufflePartitions, cancellationToken).ConfigureAwait(false);
        long clean = (await context.PublishAsync(PiiPolicy.Apply(split.Clean, contract, key), OutputTables.Clean(contract.Name), cancellationToken: cancellationToken).ConfigureAwait(false)).Rows;
        long returns = split.Returns is null ? 0
            : (await context.PublishAsync(PiiPolicy.Apply(split.Returns, contract, key), OutputTables.Returns, cancellationToken: cancellationToken).ConfigureAwait(false)).Rows;
        DataFrame quarantine = PiiPolicy.Apply(split.Quarantine, contract, key, TableCleaner.ReasonColumn);
        long quarantined = (await context.PublishAsync(quarantine, OutputTables.Quarantine(contract.Name), cancellationToken: cancellationToken).ConfigureAwait(false)).Rows;
        TableCounts counts = CleaningCounter.Complete(contract.Name, classes, clean, returns);
        if (quarantined != counts.Quarantined)
        {
            throw new CleaningInvariantException(counts with { Quarantined = quarantined });
        }

        context.Manifest.Cleaning[contract.Name] = counts;
        context.Logger.LogInformation(
            "[clean.{Table}] rows in {RowsIn}, clean {Clean}, returns {Returns}, quarantined {Quarantined}, duplicates removed {Duplicates}; quarantine by reason: {Reasons}",
            contract.Name, counts.RowsIn, counts.Clean, counts.Returns, counts.Quarantined, counts.DuplicatesRemoved,
            string.Join(", ", counts.QuarantineByReason.Select(r => $"{r.Key} {r.Value}")));
        return counts;
    }
}
