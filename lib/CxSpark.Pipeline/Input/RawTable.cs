using CxSpark.Connect.Sql;
using CxSpark.Connect.Sql.Types;

namespace CxSpark.Pipeline.Input;

/// <summary>A raw input table as read: the frame, its schema and the path it came from.</summary>
/// <param name="Frame">The raw rows.</param>
/// <param name="Schema">The schema Spark resolved.</param>
/// <param name="Path">The dataset path read.</param>
public sealed record RawTable(DataFrame Frame, StructType Schema, string Path);
