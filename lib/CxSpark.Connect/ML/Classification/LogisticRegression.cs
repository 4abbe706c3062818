using CxSpark.Connect.ML.Linalg;
using CxSpark.Connect.Sql;

namespace CxSpark.Connect.ML.Classification;

/// <summary>Binomial or multinomial logistic regression with elastic-net regularization, as <c>org.apache.spark.ml.classification.LogisticRegression</c>.</summary>
public sealed partial class LogisticRegression : Estimator<LogisticRegressionModel>
{
    /// <summary>Initializes a new instance with a generated uid and no params set.</summary>
    public LogisticRegression()
        : base(null)
    {
    }

    /// <summary>Gets or sets the elastic-net mixing: 0 is L2, 1 is L1 (<c>elasticNetParam</c>, in [0, 1], default 0.0).</summary>
    [SparkParam("elasticNetParam")]
    public double? ElasticNetParam { get => GetValue<double>(); set => SetValue(value, ParamCheck.Between(0, 1)); }

    /// <summary>Gets or sets whether to fit an intercept (<c>fitIntercept</c>, default true).</summary>
    [SparkParam("fitIntercept")]
    public bool? FitIntercept { get => GetValue<bool>(); set => SetValue(value); }

    /// <summary>Gets or sets whether to standardize features before fitting (<c>standardization</c>, default true).</summary>
    [SparkParam("standardization")]
    public bool? Standardization { get => GetValue<bool>(); set => SetValue(value); }

    /// <summary>Gets or sets the label distribution (<c>family</c>: <c>auto</c>, the default, <c>binomial</c> or <c>multinomial</c>).</summary>
    [SparkParam("family")]
    public string? Family { get => GetObject<string>(); set => SetValue(value, ParamCheck.OneOf("auto", "binomial", "multinomial")); }

    /// <summary>Gets or sets the depth of tree aggregation (<c>aggregationDepth</c>, at least 2, default 2).</summary>
    [SparkParam("aggregationDepth")]
    public int? AggregationDepth { get => GetValue<int>(); set => SetValue(value, ParamCheck.AtLeast(2)); }

    /// <summary>Gets or sets lower bounds on the coefficients, one row per class (<c>lowerBoundsOnCoefficients</c>).</summary>
    [SparkParam("lowerBoundsOnCoefficients")]
    public Matrix? LowerBoundsOnCoefficients { get => GetObject<Matrix>(); set => SetValue(value); }

    /// <summary>Gets or sets upper bounds on the coefficients, one row per class (<c>upperBoundsOnCoefficients</c>).</summary>
    [SparkParam("upperBoundsOnCoefficients")]
    public Matrix? UpperBoundsOnCoefficients { get => GetObject<Matrix>(); set => SetValue(value); }

    /// <summary>Gets or sets lower bounds on the intercepts, one per class (<c>lowerBoundsOnIntercepts</c>).</summary>
    [SparkParam("lowerBoundsOnIntercepts")]
    public Vector? LowerBoundsOnIntercepts { get => GetObject<Vector>(); set => SetValue(value); }

    /// <summary>Gets or sets upper bounds on the intercepts, one per class (<c>upperBoundsOnIntercepts</c>).</summary>
    [SparkParam("upperBoundsOnIntercepts")]
    public Vector? UpperBoundsOnIntercepts { get => GetObject<Vector>(); set => SetValue(value); }

    internal override string ClassName => "org.apache.spark.ml.classification.LogisticRegression";

    internal override LogisticRegressionModel CreateModel(SparkSession session, string objectId, DataFrame trainingData) => new(session, objectId, Uid);
}
