using CxSpark.Connect.Sql;
using CxSpark.Connect.Sql.Types;
using CxSpark.Pipeline.Contract;
using CxSpark.Pipeline.Tests.Infrastructure;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Tests.Contract;

[Collection("Spark")]
public sealed class ContractMapperTests(SparkServerFixture fixture)
{
    private static readonly Dictionary<string, string> s_retailMapping = new()
    {
        ["transaction_id"] = "InvoiceNo",
        ["customer_id"] = "CustomerID",
        ["product_id"] = "StockCode",
        ["quantity"] = "Quantity",
        ["unit_price"] = "UnitPrice",
        ["event_time"] = "InvoiceDate",
    };

    private readonly SparkSession _spark = fixture.Spark;

    [Fact]
    public void Validate_MissingRequiredColumn_NamesTableColumnFileAndTypes()
    {
        StructType schema = StructType.FromDdl("InvoiceNo STRING, CustomerID DOUBLE, StockCode STRING, Quantity INT, InvoiceDate TIMESTAMP");

        InputContractException e = Assert.Throws<InputContractException>(
            () => ContractMapper.Validate(schema, InputTables.Transactions, s_retailMapping, "/raw/transactions/part-0.parquet"));

        Assert.Equal("transactions", e.Table);
        Assert.Equal("UnitPrice", e.Column);
        Assert.Equal("/raw/transactions/part-0.parquet", e.File);
        Assert.Equal("DOUBLE", e.ExpectedType);
        Assert.Equal("missing", e.ActualType);
        Assert.Contains("UnitPrice", e.Message);
    }

    [Fact]
    public void Validate_IncompatibleType_NamesExpectedAndActualType()
    {
        StructType schema = StructType.FromDdl(
            "InvoiceNo STRING, CustomerID DOUBLE, StockCode STRING, Quantity INT, InvoiceDate BOOLEAN, UnitPrice DOUBLE");

        InputContractException e = Assert.Throws<InputContractException>(
            () => ContractMapper.Validate(schema, InputTables.Transactions, s_retailMapping, "raw"));

        Assert.Equal("InvoiceDate", e.Column);
        Assert.Equal("TIMESTAMP", e.ExpectedType);
        Assert.Equal("boolean", e.ActualType);
    }

    [Fact]
    public async Task Map_DoubleKeysAndWideningTypes_CastsToContract()
    {
        DataFrame raw = _spark.CreateDataFrame(
            [
                ["536365", 17850.0, " 85123A ", 6, new DateTimeOffset(2010, 12, 1, 8, 26, 0, TimeSpan.Zero), 2.55, "extra"],
                ["536366", 17850.5, "71053", 2, new DateTimeOffset(2010, 12, 1, 8, 28, 0, TimeSpan.Zero), 3.39, "extra"],
            ],
            "InvoiceNo STRING, CustomerID DOUBLE, StockCode STRING, Quantity INT, InvoiceDate TIMESTAMP, UnitPrice DOUBLE, Description STRING");
        StructType schema = await raw.SchemaAsync();

        DataFrame mapped = ContractMapper.Map(raw, schema, InputTables.Transactions, s_retailMapping);
        StructType mappedSchema = await mapped.SchemaAsync();
        IReadOnlyList<Row> rows = await mapped.OrderBy(Col("transaction_id")).CollectAsync();

        Assert.Equal([.. InputTables.Transactions.ColumnNames, ContractMapper.UnparseableFlag], mappedSchema.FieldNames);
        Assert.Equal("long", mappedSchema["quantity"].DataType.TypeName);
        Assert.Equal("17850", rows[0].GetString("customer_id"));
        Assert.Equal(6L, rows[0].GetLong("quantity"));
        Assert.False(rows[0].GetBoolean(ContractMapper.UnparseableFlag));
        Assert.Null(rows[1].GetString("customer_id"));
        Assert.True(rows[1].GetBoolean(ContractMapper.UnparseableFlag));
        Assert.Null(rows[0].GetString("channel"));
    }

    [Fact]
    public async Task Map_TextNumbers_ParsesValidAndFlagsUnparseable()
    {
        DataFrame raw = _spark.CreateDataFrame(
            [
                ["t1", "c1", "p1", " 3 ", "1.50", "2011-01-02 10:00:00"],
                ["t2", "c1", "p1", "three", "1.50", "2011-01-02 10:00:00"],
                ["t3", "c1", "p1", "2", "1.50", "yesterday"],
            ],
            "transaction_id STRING, customer_id STRING, product_id STRING, quantity STRING, unit_price STRING, event_time STRING");

        DataFrame mapped = ContractMapper.Map(raw, await raw.SchemaAsync(), InputTables.Transactions, new Dictionary<string, string>());
        IReadOnlyList<Row> rows = await mapped.OrderBy(Col("transaction_id")).CollectAsync();

        Assert.Equal(3L, rows[0].GetLong("quantity"));
        Assert.Equal(1.5, rows[0].GetDouble("unit_price"));
        Assert.Equal([false, true, true], rows.Select(r => r.GetBoolean(ContractMapper.UnparseableFlag)).ToArray());
    }
}
