using CxSpark.Connect.Errors;
using CxSpark.Connect.ML.Linalg;
using CxSpark.Connect.Sql;
using Proto = Spark.Connect;

namespace CxSpark.Connect.ML;

/// <summary>A fitted model: a handle to an object in the server's per-session ML cache, with the params set on it.</summary>
/// <remarks>
/// Dispose it (<c>await using</c>) to delete it from the server; it is never deleted by a finalizer. Frames built
/// from the model (<see cref="Transform"/>, attribute frames) stop working once it is deleted.
/// </remarks>
public abstract class Model : Transformer, IAsyncDisposable
{
    private static readonly TimeSpan s_deleteTimeout = TimeSpan.FromSeconds(30);
    private int _disposed;

    private protected Model(SparkSession session, string objectId, string uid)
        : base(uid)
    {
        ArgumentNullException.ThrowIfNull(session);
        Session = session;
        ObjectId = objectId;
    }

    /// <summary>Gets the session that holds the model.</summary>
    public SparkSession Session { get; }

    /// <summary>Gets a value indicating whether the model has been disposed (and deleted on the server).</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Gets the id of the model in the server's ML cache.</summary>
    internal string ObjectId { get; }

    /// <summary>Gets the training data, for 4.1 servers that rebuild an offloaded model's summary from it.</summary>
    internal Proto.Relation? TrainingData { get; set; }

    /// <summary>Returns the frame transformed by the model with its current params; lazy.</summary>
    /// <exception cref="ObjectDisposedException">The model has been disposed.</exception>
    public override DataFrame Transform(DataFrame dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ThrowIfDisposed();
        RequireSession(dataset);
        var transform = new Proto.MlRelation.Types.Transform { ObjRef = MLCommands.Ref(ObjectId), Input = dataset.Relation, Params = ToProto() };
        return Session.NewDataFrame(new Proto.Relation { MlRelation = new Proto.MlRelation { Transform = transform } });
    }

    /// <summary>Saves the model to a path the server can write (<c>model.write().save(path)</c>).</summary>
    /// <exception cref="MLException">The path exists and <paramref name="overwrite"/> is false, or the write failed.</exception>
    public async Task SaveAsync(string path, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ThrowIfDisposed();
        var write = new Proto.MlCommand.Types.Write { ObjRef = MLCommands.Ref(ObjectId), Params = ToProto(), Path = path, ShouldOverwrite = overwrite };
        await MLCommands.ExecuteAsync(Session, new Proto.MlCommand { Write = write }, this, $"save to {path}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the model from the server's ML cache; later calls do nothing.</summary>
    /// <remarks>A session that is already closed has dropped its cache, so nothing is sent then.</remarks>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        GC.SuppressFinalize(this);
        await DisposeCoreAsync().ConfigureAwait(false);
    }

    /// <summary>Fetches an attribute by Spark name, or a chain such as <c>summary.trainingCost</c>, and converts it to .NET.</summary>
    /// <remarks>
    /// Only attributes on the server's allow-list can be fetched. Numbers, strings and booleans come back as such,
    /// arrays as arrays, vectors as <see cref="Vector"/>, matrices as <see cref="Matrix"/>.
    /// </remarks>
    /// <exception cref="MLException">The server refused the attribute or does not have it.</exception>
    public Task<object?> GetAttributeAsync(string name, CancellationToken cancellationToken = default) =>
        FetchAsync(cancellationToken, Chain(name));

    /// <summary>A lazy frame of a DataFrame-valued attribute by Spark name, or a chain such as <c>summary.predictions</c>.</summary>
    public DataFrame GetAttributeFrame(string name) => FetchFrame(Chain(name));

    /// <summary>Returns the type, uid and server id of the model.</summary>
    public override string ToString() => $"{base.ToString()} @{ObjectId}";

    private protected virtual async ValueTask DisposeCoreAsync()
    {
        var delete = new Proto.MlCommand.Types.Delete { EvictOnly = false };
        delete.ObjRefs.Add(MLCommands.Ref(ObjectId));
        using var timeout = new CancellationTokenSource(s_deleteTimeout);
        try
        {
            await MLCommands.ExecuteAsync(Session, new Proto.MlCommand { Delete = delete }, this, "delete", timeout.Token).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The session was released first; the server dropped its ML cache with it.
        }
    }

    /// <summary>Fetches an attribute (a chain such as <c>summary.trainingCost</c>) now and converts it to .NET.</summary>
    internal async Task<object?> FetchAsync(CancellationToken cancellationToken, params MLMethod[] methods)
    {
        ThrowIfDisposed();
        var fetch = new Proto.Fetch { ObjRef = MLCommands.Ref(ObjectId) };
        fetch.Methods.AddRange(methods.Select(m => m.ToProto()));
        string action = "fetch " + string.Join('.', methods.Select(m => m.ToString()));
        Proto.MlCommandResult result = await MLCommands.ExecuteAsync(Session, new Proto.MlCommand { Fetch = fetch }, this, action, cancellationToken).ConfigureAwait(false);
        return result.ResultTypeCase switch
        {
            Proto.MlCommandResult.ResultTypeOneofCase.Param => LinalgLiterals.FromLiteral(result.Param),
            Proto.MlCommandResult.ResultTypeOneofCase.Summary => result.Summary,
            Proto.MlCommandResult.ResultTypeOneofCase.OperatorInfo => result.OperatorInfo.ObjRef?.Id,
            _ => null,
        };
    }

    internal async Task<T> FetchAsync<T>(CancellationToken cancellationToken, params MLMethod[] methods)
    {
        object? value = await FetchAsync(cancellationToken, methods).ConfigureAwait(false);
        string name = string.Join('.', methods.Select(m => m.Name));
        return value switch
        {
            T typed => typed,
            _ when typeof(T) == typeof(double[]) && value is Vector vector => (T)(object)vector.ToArray(),
            _ when value is not null && ParamLiterals.Coerce(value, typeof(T)) is T coerced => coerced,
            _ => throw new SparkConnectException($"{GetType().Name}.{name} returned {value?.GetType().Name ?? "null"}, not {typeof(T).Name}."),
        };
    }

    /// <summary>A lazy frame of a DataFrame-valued attribute, such as <c>userFactors</c> or <c>recommendForAllUsers(10)</c>.</summary>
    internal DataFrame FetchFrame(params MLMethod[] methods)
    {
        ThrowIfDisposed();
        var fetch = new Proto.Fetch { ObjRef = MLCommands.Ref(ObjectId) };
        fetch.Methods.AddRange(methods.Select(m => m.ToProto()));
        var relation = new Proto.MlRelation { Fetch = fetch };
        if (methods.Length > 0 && methods[0].Name == "summary" && TrainingData is not null)
        {
            relation.ModelSummaryDataset = TrainingData;
        }

        return Session.NewDataFrame(new Proto.Relation { MlRelation = relation });
    }

    private static MLMethod[] Chain(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return name.Split('.').Select(part => new MLMethod(part)).ToArray();
    }

    private protected void RequireSession(DataFrame dataset)
    {
        if (!ReferenceEquals(dataset.Session, Session))
        {
            throw new ArgumentException($"{GetType().Name} belongs to another SparkSession than the DataFrame.", nameof(dataset));
        }
    }

    private protected void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed, this);
}
