using CxSpark.Connect.Client;
using Proto = Spark.Connect;

namespace CxSpark.Connect.Sql;

/// <summary>A session's runtime configuration (<c>spark.conf</c>).</summary>
public sealed class RuntimeConfig
{
    private readonly SparkConnectClient _client;

    internal RuntimeConfig(SparkConnectClient client) => _client = client;

    /// <summary>Sets a value.</summary>
    public async Task SetAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        var set = new Proto.ConfigRequest.Types.Set();
        set.Pairs.Add(new Proto.KeyValue { Key = key, Value = value });
        await _client.ConfigAsync(new Proto.ConfigRequest.Types.Operation { Set = set }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets a value, or <paramref name="defaultValue"/> when it is not set.</summary>
    public async Task<string?> GetAsync(string key, string? defaultValue = null, CancellationToken cancellationToken = default)
    {
        var operation = new Proto.ConfigRequest.Types.Operation();
        if (defaultValue is null)
        {
            operation.GetOption = new Proto.ConfigRequest.Types.GetOption();
            operation.GetOption.Keys.Add(key);
        }
        else
        {
            operation.GetWithDefault = new Proto.ConfigRequest.Types.GetWithDefault();
            operation.GetWithDefault.Pairs.Add(new Proto.KeyValue { Key = key, Value = defaultValue });
        }

        Proto.ConfigResponse response = await _client.ConfigAsync(operation, cancellationToken).ConfigureAwait(false);
        Proto.KeyValue? pair = response.Pairs.FirstOrDefault();
        return pair is { HasValue: true } ? pair.Value : null;
    }

    /// <summary>Gets every set value whose key starts with <paramref name="prefix"/>.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetAllAsync(string? prefix = null, CancellationToken cancellationToken = default)
    {
        var getAll = new Proto.ConfigRequest.Types.GetAll();
        if (prefix is not null)
        {
            getAll.Prefix = prefix;
        }

        Proto.ConfigResponse response = await _client.ConfigAsync(new Proto.ConfigRequest.Types.Operation { GetAll = getAll }, cancellationToken).ConfigureAwait(false);
        return response.Pairs.ToDictionary(p => p.Key, p => p.Value);
    }

    /// <summary>Resets a value to its default.</summary>
    public async Task UnsetAsync(string key, CancellationToken cancellationToken = default)
    {
        var unset = new Proto.ConfigRequest.Types.Unset();
        unset.Keys.Add(key);
        await _client.ConfigAsync(new Proto.ConfigRequest.Types.Operation { Unset = unset }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets whether a key can be changed at runtime.</summary>
    public async Task<bool> IsModifiableAsync(string key, CancellationToken cancellationToken = default)
    {
        var operation = new Proto.ConfigRequest.Types.Operation { IsModifiable = new() };
        operation.IsModifiable.Keys.Add(key);
        Proto.ConfigResponse response = await _client.ConfigAsync(operation, cancellationToken).ConfigureAwait(false);
        return response.Pairs.FirstOrDefault()?.Value == "true";
    }
}
