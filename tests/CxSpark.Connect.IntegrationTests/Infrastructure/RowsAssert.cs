using CxSpark.Connect.Sql;

namespace CxSpark.Connect.IntegrationTests.Infrastructure;

/// <summary>Compares collected rows with expected values.</summary>
public static class RowsAssert
{
    public static void Equal(IEnumerable<object?[]> expected, IReadOnlyList<Row> actual)
    {
        object?[][] want = expected.ToArray();
        Assert.Equal(want.Length, actual.Count);
        for (int i = 0; i < want.Length; i++)
        {
            Assert.Equal(want[i], actual[i].Values.ToArray());
        }
    }
}
