using CxSpark.Connect.Sql;
using CxSpark.Pipeline.Cleaning;
using CxSpark.Pipeline.Contract;
using CxSpark.Pipeline.Profiles;
using CxSpark.Pipeline.Publishing;
using CxSpark.Pipeline.Quality;
using Microsoft.Extensions.Logging;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Runs;

/// <summary>The <c>profile</c> job: customer profiles with RFM scores from the run date's clean partitions.</summary>
public static class ProfileRun
{
    /// <summary>Builds and publishes <c>customer_profiles</c>; returns its row count.</summary>
    /// <exception cref="MissingInputException">No clean transactions were published for the run date.</exception>
    /// <exception cref="QualityGateException">The clean transactions hold no purchase (all quarantined, only returns, empty).</exception>
    public static Task<long> RunAsync(RunContext context, CancellationToken cancellationToken = default) =>
        context.StageAsync("profile", () => ProfileAsync(context, cancellationToken));

    private static async Task<long> ProfileAsync(RunContext context, CancellationToken cancellationToken)
    {
        context.Publisher.Claim([OutputTables.CustomerProfiles]);
        OutputReader outputs = context.Outputs;
        DataFrame purchases = await outputs.RequireAsync(OutputTables.Clean(InputTables.Transactions.Name), "clean", cancellationToken).ConfigureAwait(false);
        DataFrame? returns = await outputs.ReadAsync(OutputTables.Returns, cancellationToken).ConfigureAwait(false);
        DataFrame? products = await outputs.ReadAsync(OutputTables.Clean(InputTables.Products.Name), cancellationToken).ConfigureAwait(false);
        DataFrame? events = await outputs.ReadAsync(OutputTables.Clean(InputTables.Events.Name), cancellationToken).ConfigureAwait(false);

        (long purchaseLines, DateOnly? dayAfterLast) = await ScanPurchasesAsync(purchases, cancellationToken).ConfigureAwait(false);
        if (purchaseLines == 0)
        {
            GateVerdict verdict = NothingToProfile(context);
            context.Manifest.Quality.Add(verdict);
            throw new QualityGateException([verdict]);
        }

        DateOnly referenceDate = context.Options.Profiles.ReferenceDate ?? dayAfterLast ?? DateOnly.FromDateTime(DateTime.UtcNow);
        context.Logger.LogInformation("[profile] reference date {ReferenceDate:yyyy-MM-dd}", referenceDate);
        DataFrame profiles = RfmScorer.WithRfmScores(CustomerProfiler.Build(purchases, returns, products, events, referenceDate));
        long customers;
        await using (await ShufflePartitions.ScopeAsync(context.Spark, purchaseLines, context.Options.Spark.ShufflePartitions, cancellationToken).ConfigureAwait(false))
        {
            customers = (await context.PublishAsync(profiles, OutputTables.CustomerProfiles, "profile.customers", cancellationToken).ConfigureAwait(false)).Rows;
        }

        context.Logger.LogInformation("[profile] {Customers} customer profiles", customers);
        return customers;
    }

    /// <summary>The verdict of an input without a clean purchase, naming what became of its rows.</summary>
    private static GateVerdict NothingToProfile(RunContext context)
    {
        string table = InputTables.Transactions.Name;
        string detail = context.Manifest.Cleaning.TryGetValue(table, out TableCounts? counts)
            ? $"of {counts.RowsIn} rows in, {counts.Returns} are returns and {counts.Quarantined} quarantined" +
                (counts.QuarantineByReason.Count > 0 ? " (" + string.Join(", ", counts.QuarantineByReason.Select(r => $"{r.Key} {r.Value}")) + ")" : string.Empty)
            : "the run date's clean/transactions partition is empty";
        return new GateVerdict("nothing_to_profile", table, 0, null, null, 0, GateAction.Fail, false,
            $"{table}: no clean purchase to profile for {context.Options.RunDate:yyyy-MM-dd}: {detail}");
    }

    /// <summary>
    /// One aggregate over the clean purchases: their count (which sizes the shuffles) and the day after the last one
    /// (the default reference date; null without purchases).
    /// </summary>
    private static async Task<(long Lines, DateOnly? DayAfterLast)> ScanPurchasesAsync(DataFrame purchases, CancellationToken cancellationToken)
    {
        Row row = (await purchases.Agg(Count("*").Alias("lines"), DateAdd(Max(ToDate(Col("event_time"))), 1).Alias("reference_date"))
            .FirstAsync(cancellationToken).ConfigureAwait(false))!;
        return (row.GetLong("lines"), row.IsNullAt(1) ? null : row.GetDate("reference_date"));
    }
}
