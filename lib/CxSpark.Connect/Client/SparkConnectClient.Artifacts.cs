using System.IO.Hashing;
using Google.Protobuf;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Client;

/// <summary>Artifact upload, used to cache large local data on the server.</summary>
internal sealed partial class SparkConnectClient
{
    private const int ArtifactChunkSize = 4 * 1024 * 1024;

    /// <summary>Uploads <paramref name="data"/> as the artifact <paramref name="name"/> in chunks with CRC32 checks.</summary>
    internal Task UploadArtifactAsync(string name, byte[] data, CancellationToken cancellationToken) => CallAsync(async ct =>
    {
        using var call = _stub.AddArtifacts(cancellationToken: ct);
        int chunks = Math.Max(1, (data.Length + ArtifactChunkSize - 1) / ArtifactChunkSize);
        for (int i = 0; i < chunks; i++)
        {
            var chunk = Chunk(data, i * ArtifactChunkSize);
            var request = new Proto.AddArtifactsRequest { SessionId = SessionId, UserContext = _userContext, ClientType = Options.UserAgent };
            SetObserved(id => request.ClientObservedServerSideSessionId = id);
            if (i == 0)
            {
                request.BeginChunk = new Proto.AddArtifactsRequest.Types.BeginChunkedArtifact
                {
                    Name = name,
                    TotalBytes = data.Length,
                    NumChunks = chunks,
                    InitialChunk = chunk,
                };
            }
            else
            {
                request.Chunk = chunk;
            }

            await call.RequestStream.WriteAsync(request, ct).ConfigureAwait(false);
        }

        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        Proto.AddArtifactsResponse response = await call.ResponseAsync.ConfigureAwait(false);
        Observe(response.ServerSideSessionId);
        if (response.Artifacts.Any(a => !a.IsCrcSuccessful))
        {
            throw new Errors.SparkConnectException($"The server received artifact {name} corrupted (CRC mismatch).");
        }

        return response;
    }, cancellationToken);

    private static Proto.AddArtifactsRequest.Types.ArtifactChunk Chunk(byte[] data, int offset)
    {
        int length = Math.Min(ArtifactChunkSize, data.Length - offset);
        var span = new ReadOnlySpan<byte>(data, offset, length);
        return new Proto.AddArtifactsRequest.Types.ArtifactChunk
        {
            Data = ByteString.CopyFrom(span),
            Crc = Crc32.HashToUInt32(span),
        };
    }
}
