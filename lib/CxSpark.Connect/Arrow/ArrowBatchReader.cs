using Apache.Arrow;
using Apache.Arrow.Ipc;
using Google.Protobuf;

namespace CxSpark.Connect.Arrow;

/// <summary>Decodes the Arrow IPC streams that carry Spark Connect results.</summary>
internal static class ArrowBatchReader
{
    /// <summary>Reads every record batch of one <c>arrow_batch</c> payload (a self-contained IPC stream).</summary>
    /// <remarks>The batches' buffers point into the payload's memory rather than copies of it.</remarks>
    internal static List<RecordBatch> Decode(ByteString data)
    {
        var batches = new List<RecordBatch>();
        using var reader = new ArrowStreamReader(data.Memory);
        while (reader.ReadNextRecordBatch() is { } batch)
        {
            batches.Add(batch);
        }

        return batches;
    }
}
