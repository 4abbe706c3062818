using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using CxSpark.Connect.Errors;
using Proto = Spark.Connect;

namespace CxSpark.Connect.ML;

/// <summary>The params of an MLlib estimator, transformer, model or evaluator: only the ones set here go to Spark.</summary>
/// <remarks>
/// Typed properties (<c>new ALS { Rank = 10 }</c>) read <see langword="null"/> until set, and Spark's own default
/// applies to every param left unset, exactly as in PySpark. Setting a property to <see langword="null"/> clears it.
/// Values outside Spark's range are refused at once with <see cref="InvalidParamException"/> where the check is cheap.
/// </remarks>
public abstract class Params
{
    private static readonly ConcurrentDictionary<Type, ParamTable> s_tables = new();
    private readonly SortedDictionary<string, object> _values = new(StringComparer.Ordinal);

    private protected Params(string? uid)
    {
        Uid = uid ?? $"{GetType().Name}_{Guid.NewGuid():N}"[..(GetType().Name.Length + 13)];
    }

    /// <summary>Gets the unique id of this instance, such as <c>ALS_0123456789ab</c>; a fitted model shares its estimator's.</summary>
    public string Uid { get; private protected set; }

    /// <summary>Gets the params set on this instance, by Spark name.</summary>
    public IReadOnlyDictionary<string, object> ParamValues => new Dictionary<string, object>(_values, StringComparer.Ordinal);

    /// <summary>Gets the JVM class that Spark instantiates, such as <c>org.apache.spark.ml.recommendation.ALS</c>.</summary>
    internal abstract string ClassName { get; }

    private ParamTable Table => s_tables.GetOrAdd(GetType(), ParamTable.For);

    /// <summary>Returns whether a param (by Spark name, such as <c>regParam</c>) has been set.</summary>
    public bool IsSet(string name) => _values.ContainsKey(name);

    /// <summary>Returns the value set for a param (by Spark name), or <see langword="null"/> when unset.</summary>
    public object? GetParam(string name) => _values.TryGetValue(name, out object? value) ? value : null;

    /// <summary>Sets a param by Spark name; <see langword="null"/> clears it.</summary>
    /// <remarks>
    /// A param with a typed property goes through that property, so its type and range are checked here. Any other
    /// name is sent as is (for params this client has no property for); Spark then rejects a name it does not know.
    /// </remarks>
    /// <exception cref="InvalidParamException">The value has the wrong type or is out of range.</exception>
    public void SetParam(string name, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (Table.BySparkName.TryGetValue(name, out ParamInfo? info))
        {
            object? typed = value is null ? null : ParamLiterals.Coerce(value, info.ValueType);
            if (value is not null && typed is null)
            {
                throw new InvalidParamException(GetType().Name, name, value, $"Spark expects {ParamLiterals.SparkTypeName(info.ValueType)}");
            }

            try
            {
                info.Property.SetValue(this, typed);
            }
            catch (TargetInvocationException error) when (error.InnerException is InvalidParamException invalid)
            {
                ExceptionDispatchInfo.Throw(invalid);
            }

            return;
        }

        if (value is null)
        {
            _values.Remove(name);
        }
        else if (ParamLiterals.IsSupported(value))
        {
            _values[name] = value;
        }
        else
        {
            throw new InvalidParamException(GetType().Name, name, value, "only numbers, booleans, strings, arrays of them, vectors and matrices can be params");
        }
    }

    /// <summary>Clears a param by Spark name, so that Spark's default applies.</summary>
    public void ClearParam(string name) => _values.Remove(name);

    /// <summary>Returns the type, uid and set params, as in <c>ALS[ALS_0123456789ab](rank=10, regParam=0.1)</c>.</summary>
    public override string ToString() =>
        $"{GetType().Name}[{Uid}](" + string.Join(", ", _values.Select(kv => $"{kv.Key}={InvalidParamException.Describe(kv.Value)}")) + ")";

    /// <summary>Gets the names of set params that have no typed property here, so were not type-checked.</summary>
    internal IEnumerable<string> UncheckedParamNames => _values.Keys.Where(name => !Table.BySparkName.ContainsKey(name));

    internal Proto.MlParams ToProto()
    {
        var result = new Proto.MlParams();
        foreach ((string name, object value) in _values)
        {
            result.Params.Add(name, ParamLiterals.ToLiteral(value));
        }

        return result;
    }

    /// <summary>Copies the values of the params this type declares; others are ignored (as when a model takes its estimator's).</summary>
    internal void CopyDeclaredParams(IEnumerable<KeyValuePair<string, object>> values)
    {
        foreach ((string name, object value) in values)
        {
            if (Table.BySparkName.TryGetValue(name, out ParamInfo? info) && ParamLiterals.Coerce(value, info.ValueType) is { } typed)
            {
                _values[name] = typed;
            }
        }
    }

    private protected T? GetValue<T>([CallerMemberName] string property = "")
        where T : struct => _values.TryGetValue(Table.SparkName(property), out object? value) ? (T)value : null;

    private protected T? GetObject<T>([CallerMemberName] string property = "")
        where T : class => _values.TryGetValue(Table.SparkName(property), out object? value) ? (T)(value is Array array ? array.Clone() : value) : null;

    private protected void SetValue(object? value, ParamCheck? check = null, [CallerMemberName] string property = "")
    {
        string name = Table.SparkName(property);
        if (value is null)
        {
            _values.Remove(name);
            return;
        }

        if (check is not null && !check.IsValid(value))
        {
            throw new InvalidParamException(GetType().Name, name, value, check.Rule);
        }

        _values[name] = value is Array array ? array.Clone() : value;
    }

    private sealed record ParamInfo(string SparkName, PropertyInfo Property, Type ValueType);

    private sealed class ParamTable
    {
        private readonly Dictionary<string, string> _byProperty = new(StringComparer.Ordinal);

        internal Dictionary<string, ParamInfo> BySparkName { get; } = new(StringComparer.Ordinal);

        internal static ParamTable For(Type type)
        {
            var table = new ParamTable();
            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetCustomAttribute<SparkParamAttribute>() is { } attribute)
                {
                    Type valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                    table._byProperty[property.Name] = attribute.Name;
                    table.BySparkName[attribute.Name] = new ParamInfo(attribute.Name, property, valueType);
                }
            }

            return table;
        }

        internal string SparkName(string property) => _byProperty.TryGetValue(property, out string? name)
            ? name
            : throw new InvalidOperationException($"Property {property} has no [SparkParam] attribute.");
    }
}
