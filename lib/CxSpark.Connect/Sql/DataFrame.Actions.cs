using System.Runtime.CompilerServices;
using Apache.Arrow;
using CxSpark.Connect.Arrow;
using CxSpark.Connect.Plans;
using CxSpark.Connect.Sql.Types;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Sql;

/// <summary>Actions: each runs the plan on the server.</summary>
public sealed partial class DataFrame
{
    /// <summary>Runs the query and returns every row to this process.</summary>
    /// <remarks>The whole result is held in memory, in Arrow's columnar form (rows read their values on access);
    /// for results larger than memory stream <see cref="ToArrowAsync"/> instead.</remarks>
    public async Task<IReadOnlyList<Row>> CollectAsync(CancellationToken cancellationToken = default)
    {
        var rows = new List<Row>();
        await foreach ((StructType schema, RecordBatch batch) in StreamAsync(Plan(), cancellationToken).ConfigureAwait(false))
        {
            rows.AddRange(ArrowRowConverter.ToRows(batch, schema));
        }

        return rows;
    }

    /// <summary>Counts the rows.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<Row> rows = await Agg(Functions.Count(Functions.Lit(1))).CollectAsync(cancellationToken).ConfigureAwait(false);
        return rows[0].GetLong(0);
    }

    /// <summary>Returns the first <paramref name="n"/> rows.</summary>
    public Task<IReadOnlyList<Row>> TakeAsync(int n, CancellationToken cancellationToken = default) => Limit(n).CollectAsync(cancellationToken);

    /// <summary>Returns the first <paramref name="n"/> rows; the same as <see cref="TakeAsync"/>.</summary>
    public Task<IReadOnlyList<Row>> HeadAsync(int n, CancellationToken cancellationToken = default) => TakeAsync(n, cancellationToken);

    /// <summary>Returns the first row, or <see langword="null"/> when there is none.</summary>
    public async Task<Row?> FirstAsync(CancellationToken cancellationToken = default) =>
        (await TakeAsync(1, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>Returns the last <paramref name="n"/> rows (collects them through the driver).</summary>
    public Task<IReadOnlyList<Row>> TailAsync(int n, CancellationToken cancellationToken = default) => Derive(r =>
    {
        r.Tail = new Proto.Tail { Input = Relation, Limit = n };
        return r;
    }).CollectAsync(cancellationToken);

    /// <summary>Returns whether the frame has no rows.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default) =>
        (await TakeAsync(1, cancellationToken).ConfigureAwait(false)).Count == 0;

    /// <summary>Returns Spark's text table of the first rows, as <c>show()</c> prints it.</summary>
    /// <param name="numRows">The number of rows.</param>
    /// <param name="truncate">Cut strings to this many characters; 0 for none.</param>
    /// <param name="vertical">One line per column.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<string> ShowStringAsync(int numRows = 20, int truncate = 20, bool vertical = false, CancellationToken cancellationToken = default)
    {
        DataFrame show = Derive(r =>
        {
            r.ShowString = new Proto.ShowString { Input = Relation, NumRows = numRows, Truncate = truncate, Vertical = vertical };
            return r;
        });
        IReadOnlyList<Row> rows = await show.CollectAsync(cancellationToken).ConfigureAwait(false);
        return rows[0].GetString(0) ?? string.Empty;
    }

    /// <summary>Prints Spark's text table of the first rows to <paramref name="writer"/> (the console by default).</summary>
    public async Task ShowAsync(int numRows = 20, int truncate = 20, bool vertical = false, TextWriter? writer = null, CancellationToken cancellationToken = default)
    {
        string text = await ShowStringAsync(numRows, truncate, vertical, cancellationToken).ConfigureAwait(false);
        await (writer ?? Console.Out).WriteAsync(text).ConfigureAwait(false);
    }

    /// <summary>Runs the query and streams its result as Arrow record batches, without buffering the whole result.</summary>
    /// <remarks>Each batch belongs to the caller, who should dispose it.</remarks>
    public async IAsyncEnumerable<RecordBatch> ToArrowAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach ((StructType _, RecordBatch batch) in StreamAsync(Plan(), cancellationToken).ConfigureAwait(false))
        {
            yield return batch;
        }
    }

    /// <summary>Runs the query and returns the result as a <see cref="Microsoft.Data.Analysis.DataFrame"/>.</summary>
    public async Task<Microsoft.Data.Analysis.DataFrame> ToDataAnalysisFrameAsync(CancellationToken cancellationToken = default)
    {
        var batches = new List<RecordBatch>();
        await foreach (RecordBatch batch in ToArrowAsync(cancellationToken).ConfigureAwait(false))
        {
            batches.Add(batch);
        }

        if (batches.Count == 0)
        {
            StructType schema = await SchemaAsync(cancellationToken).ConfigureAwait(false);
            return LocalRelationWriter.EmptyFrame(schema);
        }

        return Microsoft.Data.Analysis.DataFrame.FromArrowRecordBatch(ArrowBatches.Concatenate(batches));
    }

    /// <summary>Registers the frame as a temporary view, replacing one of the same name.</summary>
    public Task CreateOrReplaceTempViewAsync(string name, CancellationToken cancellationToken = default) => CreateViewAsync(name, false, true, cancellationToken);

    /// <summary>Registers the frame as a temporary view; fails if one of that name exists.</summary>
    public Task CreateTempViewAsync(string name, CancellationToken cancellationToken = default) => CreateViewAsync(name, false, false, cancellationToken);

    /// <summary>Registers the frame as a global temporary view (<c>global_temp.name</c>), replacing one of the same name.</summary>
    public Task CreateOrReplaceGlobalTempViewAsync(string name, CancellationToken cancellationToken = default) => CreateViewAsync(name, true, true, cancellationToken);

    /// <summary>Writes the frame out (<c>df.write</c>).</summary>
    public DataFrameWriter Write() => new(this);

    /// <summary>Writes the frame to a catalog table (<c>df.writeTo</c>).</summary>
    public DataFrameWriterV2 WriteTo(string table) => new(this, table);

    internal async IAsyncEnumerable<(StructType Schema, RecordBatch Batch)> StreamAsync(
        Proto.Plan plan, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        StructType? schema = null;
        await foreach (Proto.ExecutePlanResponse response in Session.Client.ExecuteAsync(plan, cancellationToken).ConfigureAwait(false))
        {
            if (response.Schema is not null && schema is null)
            {
                schema = DataTypeConverter.FromProto(response.Schema) as StructType;
            }

            if (response.ResponseTypeCase != Proto.ExecutePlanResponse.ResponseTypeOneofCase.ArrowBatch)
            {
                continue;
            }

            foreach (RecordBatch batch in ArrowBatchReader.Decode(response.ArrowBatch.Data))
            {
                schema ??= ArrowBatches.ToSparkSchema(batch.Schema);
                yield return (schema, batch);
            }
        }
    }

    private async Task CreateViewAsync(string name, bool global, bool replace, CancellationToken cancellationToken)
    {
        var command = new Proto.Command
        {
            CreateDataframeView = new Proto.CreateDataFrameViewCommand { Input = Relation, Name = name, IsGlobal = global, Replace = replace },
        };
        await Session.ExecuteCommandAsync(command, cancellationToken).ConfigureAwait(false);
    }
}
