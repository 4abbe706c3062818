using CxSpark.Jobs.Generation;

namespace CxSpark.Pipeline.Tests.Jobs.Generation;

/// <summary>The sizing arithmetic of gen-data --lines (no server: the expected counts of the generator's distributions).</summary>
public sealed class SyntheticSettingsTests
{
    [Fact]
    public void ExpectedLinesPerCustomer_DefaultHabits_AboutNineteen()
    {
        // 0.35·1·3.03 + 0.35·3.53·3.03 + 0.20·6.51·3.03 + 0.10·14.5·6.51, plus 4 % returns.
        Assert.Equal(18.94, SyntheticRawZone.ExpectedLinesPerCustomer(1.0), 2);
    }

    [Theory]
    [InlineData(600_000L, 60_000, 3_000)]
    [InlineData(10_000_000L, 1_000_000, 50_000)]
    [InlineData(10_000L, 1_000, 50)]
    public void ForLines_Size_TenthCustomersTwoHundredthProductsTenLinesEach(long lines, int customers, int products)
    {
        SyntheticSettings settings = SyntheticSettings.ForLines(lines);

        Assert.Equal(customers, settings.Customers);
        Assert.Equal(products, settings.Products);
        Assert.Equal(10.0, SyntheticRawZone.ExpectedLinesPerCustomer(settings.BasketScale), 6);
    }

    [Fact]
    public void BasketScaleFor_BelowOneLinePerOrder_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticRawZone.BasketScaleFor(3.0));
    }
}
