namespace CxSpark.Connect.ML;

/// <summary>Marks a property of a <see cref="Params"/> type as the Spark param of the given name.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
internal sealed class SparkParamAttribute(string name) : Attribute
{
    /// <summary>Gets Spark's exact param name, such as <c>regParam</c>.</summary>
    public string Name { get; } = name;
}
