package cxspark.bench;

import static org.apache.spark.sql.functions.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.ml.feature.IndexToString;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StandardScalerModel;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The JVM reference of CxSpark's nightly: the same stages as plain Spark SQL and MLlib on the same synthetic raw zone
 * (whose columns already have the contract's names and types), written as an expert would write them by hand.
 *
 * <pre>spark-submit --class cxspark.bench.NightlyReference nightly-reference.jar INPUT OUTPUT RUN_DATE [--warmup ZONE] [--cancellation-prefix P]</pre>
 *
 * With --warmup, the stages first run unreported on ZONE (a small zone), so that the measured run, like CxSpark's on a
 * long-running server, does not pay for JIT compilation. Prints one JSON line per stage on stdout: {"stage":"…","seconds":…,"rows_in":…,"rows_out":…}. Stage names match
 * the run manifest of {@code cxspark nightly}: clean.&lt;table&gt;, profile, segment, recommend.
 */
public final class NightlyReference {
    private static final String REASON = "quarantine_reason";
    private static final List<String> EVENT_TYPES = List.of("view", "add_to_cart", "remove_from_cart", "purchase", "search", "wishlist");

    private final SparkSession spark;
    private final String input;
    private final String output;
    private final LocalDate runDate;
    private final String cancellationPrefix;
    private final boolean report;

    private NightlyReference(SparkSession spark, String input, String output, LocalDate runDate, String cancellationPrefix, boolean report) {
        this.spark = spark;
        this.input = input.replaceAll("/+$", "");
        this.output = output.replaceAll("/+$", "");
        this.runDate = runDate;
        this.cancellationPrefix = cancellationPrefix;
        this.report = report;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: NightlyReference INPUT OUTPUT RUN_DATE [--warmup ZONE] [--cancellation-prefix P]");
            System.exit(2);
        }
        List<String> options = Arrays.asList(args).subList(3, args.length);
        int warmup = options.indexOf("--warmup");
        int prefix = options.indexOf("--cancellation-prefix");
        String cancellationPrefix = prefix >= 0 ? options.get(prefix + 1) : null;
        LocalDate runDate = LocalDate.parse(args[2]);
        SparkSession spark = SparkSession.builder().appName("cxspark-nightly-reference").getOrCreate();
        try {
            if (warmup >= 0) {
                new NightlyReference(spark, options.get(warmup + 1), args[1] + "/_warmup", runDate, cancellationPrefix, false).run();
            }
            new NightlyReference(spark, args[0], args[1], runDate, cancellationPrefix, true).run();
        } finally {
            spark.stop();
        }
    }

    private void run() throws Exception {
        // Keys first, then the contract columns in contract order (lib/CxSpark.Pipeline/Contract/InputTables.cs).
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        tables.put("transactions", List.of(List.of("transaction_id", "customer_id", "product_id"),
            List.of("transaction_id", "customer_id", "product_id", "quantity", "unit_price", "event_time", "country", "channel")));
        tables.put("customers", List.of(List.of("customer_id"), List.of("customer_id", "signup_time", "country", "email", "birth_year", "updated_at")));
        tables.put("products", List.of(List.of("product_id"), List.of("product_id", "name", "category", "list_price", "updated_at")));
        tables.put("events", List.of(List.of("event_id", "customer_id"), List.of("event_id", "customer_id", "product_id", "event_type", "event_time", "session_id")));
        for (Map.Entry<String, List<List<String>>> table : tables.entrySet()) {
            if (new java.io.File(input + "/" + table.getKey()).exists()) {
                stage("clean." + table.getKey(), () -> clean(table.getKey(), table.getValue().get(0), table.getValue().get(1)));
            }
        }
        stage("profile", this::profile);
        stage("segment", this::segment);
        stage("recommend", this::recommend);
    }

    private interface StageBody extends Callable<long[]> {
    }

    private void stage(String name, StageBody body) throws Exception {
        long start = System.nanoTime();
        long[] rows = body.call();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!report) {
            return;
        }
        System.out.println(String.format(Locale.ROOT, "{\"stage\":\"%s\",\"seconds\":%.3f,\"rows_in\":%d,\"rows_out\":%d}", name, seconds, rows[0], rows[1]));
        System.out.flush();
    }

    private String partition(String table) {
        return output + "/" + table + "/run_date=" + runDate;
    }

    private long write(Dataset<Row> rows, String table) {
        rows.write().mode("overwrite").parquet(partition(table));
        return spark.read().parquet(partition(table)).count();
    }

    // ---- clean: contract columns, trimmed keys, first-match quarantine reason, returns, dedup, counts with invariant

    private long[] clean(String table, List<String> keys, List<String> columns) {
        Dataset<Row> raw = spark.read().parquet(input + "/" + table);
        List<Column> trimmed = new ArrayList<>();
        for (String column : columns) {
            trimmed.add(keys.contains(column) ? nullif(trim(col(column)), lit("")).alias(column) : col(column));
        }
        boolean isTransactions = table.equals("transactions");
        Column isReturn = lit(false);
        if (isTransactions) {
            isReturn = coalesce(col("quantity").lt(0L), lit(false));
            if (cancellationPrefix != null && !cancellationPrefix.isEmpty()) {
                isReturn = isReturn.or(coalesce(col("transaction_id").startsWith(cancellationPrefix), lit(false)));
            }
        }
        Dataset<Row> classified = raw.select(trimmed.toArray(new Column[0]))
            .withColumn("is_return", isReturn)
            .withColumn(REASON, reason(table, keys, columns))
            .cache();
        try {
            Row counts = classified.agg(
                count(lit(1)),
                count_if(col(REASON).isNull().and(not(col("is_return")))),
                count_if(col(REASON).isNull().and(col("is_return")))).first();
            long rowsIn = counts.getLong(0);
            long cleanBefore = counts.getLong(1);
            long returnsBefore = counts.getLong(2);
            long quarantined = classified.filter(col(REASON).isNotNull()).groupBy(REASON).count().collectAsList()
                .stream().mapToLong(r -> r.getLong(1)).sum();
            if (rowsIn != cleanBefore + returnsBefore + quarantined) {
                throw new IllegalStateException(table + ": rows in " + rowsIn + " != clean + returns + quarantined");
            }

            Column[] contract = columns.stream().map(c -> col(c)).toArray(Column[]::new);
            Column[] published = columns.stream().filter(c -> !c.equals("email")).map(c -> col(c)).toArray(Column[]::new);
            Dataset<Row> valid = classified.filter(col(REASON).isNull());
            Dataset<Row> clean = dedup(valid.filter(not(col("is_return"))).select(contract), columns, keys.get(0));
            long cleanRows = write(clean.select(published), "clean/" + table);
            if (isTransactions) {
                write(valid.filter(col("is_return")).select(contract).dropDuplicates(), "returns");
            }
            List<Column> quarantine = new ArrayList<>(Arrays.asList(published));
            quarantine.add(col(REASON));
            write(classified.filter(col(REASON).isNotNull()).select(quarantine.toArray(new Column[0])), "quarantine/" + table);
            return new long[] {rowsIn, cleanRows};
        } finally {
            classified.unpersist();
        }
    }

    private Column reason(String table, List<String> keys, List<String> columns) {
        Column missingKey = keys.stream().map(k -> col(k).isNull()).reduce(Column::or).orElseThrow();
        Column reason = when(missingKey, "missing_key");
        if (columns.contains("event_time")) {
            Column time = col("event_time");
            Column maxTime = lit(java.sql.Timestamp.from(runDate.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
            Column minTime = lit(java.sql.Timestamp.from(LocalDate.of(1990, 1, 1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
            reason = reason.when(time.isNull(), "null_time").when(time.geq(maxTime), "future_time").when(time.lt(minTime), "time_too_early");
        }
        if (table.equals("transactions")) {
            Column price = col("unit_price");
            Column invalidPrice = price.isNull().or(isnan(price)).or(abs(price).equalTo(Double.POSITIVE_INFINITY)).or(price.lt(0.0));
            reason = reason.when(invalidPrice, "invalid_price")
                .when(coalesce(col("quantity"), lit(0L)).equalTo(0L), "zero_quantity")
                .when(price.equalTo(0.0).and(not(col("is_return"))), "zero_price");
        } else if (table.equals("events")) {
            reason = reason.when(not(coalesce(col("event_type").isin(EVENT_TYPES.toArray()), lit(false))), "unknown_event_type");
        }
        return reason;
    }

    private static Dataset<Row> dedup(Dataset<Row> rows, List<String> columns, String key) {
        if (!columns.contains("updated_at")) {
            return rows.dropDuplicates();
        }
        List<Column> order = new ArrayList<>();
        order.add(col("updated_at").desc_nulls_last());
        columns.stream().filter(c -> !c.equals("updated_at")).forEach(c -> order.add(col(c).asc()));
        WindowSpec latest = Window.partitionBy(key).orderBy(order.toArray(new Column[0]));
        return rows.withColumn("version_rank", row_number().over(latest)).filter(col("version_rank").equalTo(1)).drop("version_rank");
    }

    // ---- profile: RFM and behaviour columns per customer, exact quintile scores, RFM class

    private long[] profile() {
        Dataset<Row> purchases = spark.read().parquet(partition("clean/transactions"));
        Dataset<Row> returns = spark.read().parquet(partition("returns"));
        Dataset<Row> products = spark.read().parquet(partition("clean/products"));
        Dataset<Row> events = spark.read().parquet(partition("clean/events"));
        LocalDate referenceDate = purchases.agg(date_add(max(to_date(col("event_time"))), 1)).first().getDate(0).toLocalDate();
        Column reference = lit(java.sql.Date.valueOf(referenceDate));
        Column revenue = col("quantity").multiply(col("unit_price"));

        Dataset<Row> bought = purchases.groupBy("customer_id").agg(
            min("event_time").alias("first_purchase_time"), max("event_time").alias("last_purchase_time"),
            countDistinct("transaction_id").alias("frequency"), sum(revenue).alias("gross_revenue"),
            countDistinct("product_id").alias("distinct_products"));
        Dataset<Row> returned = returns.groupBy("customer_id").agg(sum(abs(col("quantity")).multiply(col("unit_price"))).alias("returned_value"));
        Dataset<Row> topCategory = purchases
            .join(products.select("product_id", "category").filter(col("category").isNotNull()), on("product_id"), "inner")
            .groupBy("customer_id", "category").agg(sum(revenue).alias("category_revenue"))
            .groupBy("customer_id").agg(max(struct(col("category_revenue"), col("category"))).alias("best"))
            .select(col("customer_id"), col("best").getField("category").alias("top_category"));
        Column end = lit(java.sql.Timestamp.from(referenceDate.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        Column in30 = col("event_time").geq(lit(java.sql.Timestamp.from(referenceDate.minusDays(30).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))).and(col("event_time").lt(end));
        Column in90 = col("event_time").geq(lit(java.sql.Timestamp.from(referenceDate.minusDays(90).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))).and(col("event_time").lt(end));
        Dataset<Row> activity = purchases.select("customer_id").distinct()
            .join(events.groupBy("customer_id").agg(count_if(in30).alias("events_30"), count_if(in90).alias("events_90")), on("customer_id"), "left_outer")
            .select(col("customer_id"), coalesce(col("events_30"), lit(0L)).alias("events_30d"), coalesce(col("events_90"), lit(0L)).alias("events_90d"));

        Column returnedValue = coalesce(col("returned_value"), lit(0.0));
        Dataset<Row> profiles = bought
            .join(returned, on("customer_id"), "left_outer")
            .join(topCategory, on("customer_id"), "left_outer")
            .join(activity, on("customer_id"), "left_outer")
            .select(col("customer_id"), col("first_purchase_time"), col("last_purchase_time"),
                datediff(reference, to_date(col("last_purchase_time"))).alias("recency_days"), col("frequency"),
                col("gross_revenue").minus(returnedValue).alias("monetary"), col("gross_revenue"), returnedValue.alias("returned_value"),
                col("gross_revenue").divide(col("frequency")).alias("avg_order_value"),
                datediff(reference, to_date(col("first_purchase_time"))).alias("tenure_days"), col("distinct_products"), col("top_category"),
                try_divide(returnedValue, col("gross_revenue")).alias("return_rate"), col("events_30d"), col("events_90d"),
                reference.alias("reference_date"));
        long customers = write(withRfmScores(profiles), "customer_profiles");
        return new long[] {spark.read().parquet(partition("clean/transactions")).count(), customers};
    }

    private static Dataset<Row> withRfmScores(Dataset<Row> profiles) {
        Column quintiles = array(lit(0.2), lit(0.4), lit(0.6), lit(0.8));
        Dataset<Row> cuts = profiles.agg(
            percentile(col("recency_days"), quintiles).alias("r_cuts"),
            percentile(col("frequency"), quintiles).alias("f_cuts"),
            percentile(col("monetary"), quintiles).alias("m_cuts"));
        Column r = col("r_score"), f = col("f_score"), m = col("m_score");
        Column rfmClass = when(r.geq(4).and(f.geq(4)).and(m.geq(4)), "Champions")
            .when(r.leq(2).and(f.geq(4)).and(m.geq(4)), "Can't lose")
            .when(r.geq(3).and(f.geq(4)), "Loyal")
            .when(r.leq(2).and(f.geq(3)), "At risk")
            .when(r.geq(4).and(f.equalTo(1)), "New")
            .when(r.geq(3).and(f.geq(2)), "Potential loyalist")
            .when(r.geq(2), "Hibernating")
            .otherwise("Lost");
        return profiles.crossJoin(cuts)
            .withColumn("r_score", lit(6).minus(bucket(col("recency_days"), col("r_cuts"))).cast("int"))
            .withColumn("f_score", bucket(col("frequency"), col("f_cuts")))
            .withColumn("m_score", bucket(col("monetary"), col("m_cuts")))
            .drop("r_cuts", "f_cuts", "m_cuts")
            .withColumn("rfm_class", rfmClass);
    }

    private static Column bucket(Column value, Column cuts) {
        Column exceeded = lit(1);
        for (int i = 0; i < 4; i++) {
            exceeded = exceeded.plus(when(value.gt(cuts.getItem(i)), 1).otherwise(0));
        }
        return exceeded.cast("int");
    }

    // ---- segment: KMeans on standardised log1p(R, F, M), k 3..8 by silhouette, segments and a named summary

    private long[] segment() {
        Dataset<Row> profiles = spark.read().parquet(partition("customer_profiles"));
        Dataset<Row> assembled = new VectorAssembler()
            .setInputCols(new String[] {"log_recency", "log_frequency", "log_monetary"}).setOutputCol("raw_features")
            .transform(profiles
                .withColumn("log_recency", log1p(col("recency_days").cast("double")))
                .withColumn("log_frequency", log1p(col("frequency").cast("double")))
                .withColumn("log_monetary", log1p(greatest(col("monetary").cast("double"), lit(0.0)))));
        StandardScalerModel scaler = new StandardScaler().setInputCol("raw_features").setOutputCol("features").setWithMean(true).setWithStd(true).fit(assembled);
        Dataset<Row> features = scaler.transform(assembled).select("customer_id", "features").cache();
        try {
            ClusteringEvaluator evaluator = new ClusteringEvaluator().setFeaturesCol("features").setPredictionCol("segment");
            KMeansModel best = null;
            double bestSilhouette = Double.NEGATIVE_INFINITY;
            for (int k = 3; k <= 8; k++) {
                KMeansModel model = new KMeans().setK(k).setSeed(1).setFeaturesCol("features").setPredictionCol("segment").fit(features);
                double silhouette = evaluator.evaluate(model.transform(features));
                if (silhouette > bestSilhouette) {
                    best = model;
                    bestSilhouette = silhouette;
                }
            }
            long customers = write(best.transform(features).select("customer_id", "segment"), "customer_segments");
            writeSummary();
            return new long[] {profiles.count(), customers};
        } finally {
            features.unpersist();
        }
    }

    private void writeSummary() {
        Dataset<Row> published = spark.read().parquet(partition("customer_segments"))
            .join(spark.read().parquet(partition("customer_profiles")).select("customer_id", "recency_days", "frequency", "monetary"), on("customer_id"), "inner");
        Row medians = published.agg(median(col("recency_days")), median(col("frequency")), median(col("monetary")), sum("monetary")).first();
        double total = medians.getDouble(3);
        List<Row> summary = new ArrayList<>();
        for (Row c : published.groupBy("segment").agg(count("*"), sum("monetary"), avg("recency_days"), avg("frequency"), avg("monetary"))
            .orderBy("segment").collectAsList()) {
            String name = segmentName(c.getDouble(3), c.getDouble(4), c.getDouble(5), medians.getDouble(0), medians.getDouble(1), medians.getDouble(2));
            summary.add(RowFactory.create(c.getInt(0), name, c.getLong(1), total == 0 ? 0.0 : c.getDouble(2) / total, c.getDouble(3), c.getDouble(4), c.getDouble(5)));
        }
        StructType schema = StructType.fromDDL("segment INT, segment_name STRING, size BIGINT, revenue_share DOUBLE, "
            + "centroid_recency_days DOUBLE, centroid_frequency DOUBLE, centroid_monetary DOUBLE");
        write(spark.createDataFrame(summary, schema), "segment_summary");
    }

    private static String segmentName(double recency, double frequency, double monetary, double medianRecency, double medianFrequency, double medianMonetary) {
        boolean recent = recency <= medianRecency, frequent = frequency > medianFrequency, valuable = monetary > medianMonetary;
        if (recent && frequent && valuable) return "High-value loyal";
        if (recent && valuable) return "Recent big spenders";
        if (recent && frequent) return "Frequent small baskets";
        if (recent) return "New or occasional";
        if (frequent) return "Lapsing regulars";
        if (valuable) return "Lapsed big spenders";
        return "Lapsed one-timers";
    }

    // ---- recommend: implicit ALS on log1p(purchase lines) per customer x product, top 10 for every customer by
    // recommendForAllUsers.
    // TODO(recommend stage): provisional. Align with CxSpark's recommend once it is final: the hyper-parameter grid on a
    // validation window, the evaluation fit on a holdout, the final fit, exclusion of bought items, the popularity
    // fallback, similar products from item factors, and the same candidate scoring plan.

    private long[] recommend() {
        Dataset<Row> purchases = spark.read().parquet(partition("clean/transactions"));
        Dataset<Row> pairs = purchases.groupBy("customer_id", "product_id").agg(log1p(count(lit(1)).cast("double")).alias("rating"));
        StringIndexerModel users = new StringIndexer().setInputCol("customer_id").setOutputCol("user_index").fit(pairs);
        StringIndexerModel items = new StringIndexer().setInputCol("product_id").setOutputCol("item_index").fit(pairs);
        Dataset<Row> ratings = items.transform(users.transform(pairs))
            .select(col("user_index").cast(DataTypes.IntegerType).alias("user"), col("item_index").cast(DataTypes.IntegerType).alias("item"), col("rating"));
        ALSModel model = new ALS().setImplicitPrefs(true).setRank(32).setRegParam(0.1).setAlpha(20).setMaxIter(10).setSeed(42)
            .setUserCol("user").setItemCol("item").setRatingCol("rating").fit(ratings);
        Dataset<Row> top = model.recommendForAllUsers(10)
            .select(col("user"), posexplode(col("recommendations")).as(new String[] {"position", "recommendation"}))
            .select(col("user").cast("double").alias("user"), col("recommendation").getField("item").cast("double").alias("item"),
                col("position").plus(1).alias("rank"), col("recommendation").getField("rating").alias("score"));
        Dataset<Row> labelled = new IndexToString().setInputCol("item").setOutputCol("product_id").setLabels(items.labelsArray()[0]).transform(
            new IndexToString().setInputCol("user").setOutputCol("customer_id").setLabels(users.labelsArray()[0]).transform(top));
        long rows = write(labelled.select("customer_id", "product_id", "rank", "score"), "recommendations");
        return new long[] {purchases.count(), rows};
    }

    private static String[] on(String... columns) {
        return columns;
    }
}
