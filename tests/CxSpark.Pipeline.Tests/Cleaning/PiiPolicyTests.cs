using CxSpark.Connect.Sql;
using CxSpark.Connect.Sql.Types;
using CxSpark.Pipeline.Cleaning;
using CxSpark.Pipeline.Contract;
using CxSpark.Pipeline.Tests.Infrastructure;
using static CxSpark.Connect.Sql.Functions;

namespace CxSpark.Pipeline.Tests.Cleaning;

[Collection("Spark")]
public sealed class PiiPolicyTests(SparkServerFixture fixture)
{
    private DataFrame Customers() => fixture.Spark.CreateDataFrame(
        [["c1", null, "UK", " Ann@Example.com", 1980L, null], ["c2", null, "UK", "ann@example.com", 1990L, null]],
        "customer_id STRING, signup_time TIMESTAMP, country STRING, email STRING, birth_year BIGINT, updated_at TIMESTAMP");

    [Fact]
    public async Task Apply_NoKey_DropsEmail()
    {
        StructType schema = await PiiPolicy.Apply(Customers(), InputTables.Customers, null).SchemaAsync();

        Assert.Equal(["customer_id", "signup_time", "country", "birth_year", "updated_at"], schema.FieldNames);
    }

    [Fact]
    public async Task Apply_WithKey_KeyedHashOfNormalisedEmail()
    {
        IReadOnlyList<Row> rows = await PiiPolicy.Apply(Customers(), InputTables.Customers, "secret")
            .OrderBy(Col("customer_id")).CollectAsync();
        IReadOnlyList<Row> otherKey = await PiiPolicy.Apply(Customers(), InputTables.Customers, "other").CollectAsync();

        string hash = rows[0].GetString("email_hash")!;
        Assert.Equal(64, hash.Length);
        Assert.Equal(hash, rows[1].GetString("email_hash"));
        Assert.DoesNotContain("example", hash);
        Assert.NotEqual(hash, otherKey[0].GetString("email_hash"));
        Assert.DoesNotContain("email", rows[0].Schema.FieldNames);
    }
}
