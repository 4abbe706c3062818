using System.Text.Json;
using Google.Rpc;
using Grpc.Core;

namespace CxSpark.Connect.Client;

/// <summary>Reads Spark's <c>google.rpc.ErrorInfo</c> out of a failed call's trailers.</summary>
internal static class ErrorDetails
{
    internal static bool HasRetryInfo(RpcException exception) =>
        TryGetStatus(exception)?.Details.Any(d => d.Is(RetryInfo.Descriptor)) == true;

    internal static ErrorInfo? GetErrorInfo(RpcException exception)
    {
        Google.Rpc.Status? status = TryGetStatus(exception);
        try
        {
            return status?.Details.Where(d => d.Is(ErrorInfo.Descriptor)).Select(d => d.Unpack<ErrorInfo>()).FirstOrDefault();
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            // A corrupt ErrorInfo must not mask the failure it describes.
            return null;
        }
    }

    internal static IReadOnlyDictionary<string, string> ParseParameters(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return new Dictionary<string, string>();
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return document.RootElement.EnumerateObject().ToDictionary(
                p => p.Name,
                p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? string.Empty : p.Value.GetRawText());
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON, or JSON that is not an object: the message itself still stands.
            return new Dictionary<string, string>();
        }
    }

    internal static IReadOnlyList<string> ParseClasses(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<string[]>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static Google.Rpc.Status? TryGetStatus(RpcException exception)
    {
        try
        {
            return exception.GetRpcStatus();
        }
        catch (Exception ex) when (ex is Google.Protobuf.InvalidProtocolBufferException or InvalidOperationException)
        {
            return null;
        }
    }
}
