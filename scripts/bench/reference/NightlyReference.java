package cxspark.bench;

import static org.apache.spark.sql.functions.*;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StandardScalerModel;
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
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The JVM reference of CxSpark's nightly: the same stages as plain Spark SQL and MLlib on the same synthetic raw zone
 * (whose columns already have the contract's names and types), written as an expert would write them by hand.
 *
 * <pre>spark-submit --class cxspark.bench.NightlyReference nightly-reference.jar INPUT OUTPUT RUN_DATE [--warmup ZONE] [--cancellation-prefix P]</pre>
 *
 * With --warmup, the stages first run unreported on ZONE (a small zone), so that the measured run, like CxSpark's on a
 * long-running server, does not pay for JIT compilation. Prints one JSON line per stage on stdout: {"stage":"…","seconds":…,"rows_in":…,"rows_out":…}. Stage names match
 * the run manifest of {@code cxspark nightly}, in its order: clean.&lt;table&gt;, profile, recommend, segment. The recommend stage also
 * prints its evaluation metrics on stderr ("reference recommend …" lines), to be checked against the manifest's.
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
    /** CxSpark's Recommend:Evaluate=false with this decay pinned: one fit on all feedback, no tuning, no holdout (null: evaluate). */
    private final Double pinnedDecay;

    private NightlyReference(SparkSession spark, String input, String output, LocalDate runDate, String cancellationPrefix, boolean report,
            Double pinnedDecay) {
        this.spark = spark;
        this.input = input.replaceAll("/+$", "");
        this.output = output.replaceAll("/+$", "");
        this.runDate = runDate;
        this.cancellationPrefix = cancellationPrefix;
        this.report = report;
        this.pinnedDecay = pinnedDecay;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: NightlyReference INPUT OUTPUT RUN_DATE [--warmup ZONE] [--cancellation-prefix P] [--no-evaluate DECAY_DAYS]");
            System.exit(2);
        }
        List<String> options = Arrays.asList(args).subList(3, args.length);
        int warmup = options.indexOf("--warmup");
        int prefix = options.indexOf("--cancellation-prefix");
        String cancellationPrefix = prefix >= 0 ? options.get(prefix + 1) : null;
        int noEvaluate = options.indexOf("--no-evaluate");
        Double pinnedDecay = noEvaluate >= 0 ? Double.valueOf(options.get(noEvaluate + 1)) : null;
        LocalDate runDate = LocalDate.parse(args[2]);
        SparkSession spark = SparkSession.builder().appName("cxspark-nightly-reference").getOrCreate();
        try {
            if (warmup >= 0) {
                new NightlyReference(spark, options.get(warmup + 1), args[1] + "/_warmup", runDate, cancellationPrefix, false, pinnedDecay).run();
            }
            new NightlyReference(spark, args[0], args[1], runDate, cancellationPrefix, true, pinnedDecay).run();
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
        // The clean transactions feed both profile and recommend: cached between the two (read through the same plan, so
        // both stages' reads hit the cache), released before segment.
        Dataset<Row> cleanTransactions = spark.read().parquet(partition("clean/transactions")).persist(StorageLevel.MEMORY_AND_DISK());
        stage("profile", this::profile);
        stage("recommend", this::recommend);
        cleanTransactions.unpersist();
        stage("segment", this::segment);
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
        save(rows, table);
        return spark.read().parquet(partition(table)).count();
    }

    private void save(Dataset<Row> rows, String table) {
        rows.write().mode("overwrite").parquet(partition(table));
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
            long rowsIn = 0, cleanBefore = 0, returnsBefore = 0, quarantined = 0;
            for (Row c : classified.groupBy(col(REASON), col("is_return")).agg(count(lit(1))).collectAsList()) {
                long rows = c.getLong(2);
                rowsIn += rows;
                if (!c.isNullAt(0)) {
                    quarantined += rows;
                } else if (c.getBoolean(1)) {
                    returnsBefore += rows;
                } else {
                    cleanBefore += rows;
                }
            }

            String configured = sizeShuffles(rowsIn);
            Column[] contract = columns.stream().map(c -> col(c)).toArray(Column[]::new);
            Column[] published = columns.stream().filter(c -> !c.equals("email")).map(c -> col(c)).toArray(Column[]::new);
            Dataset<Row> valid = classified.filter(col(REASON).isNull());
            Dataset<Row> clean = dedup(valid.filter(not(col("is_return"))).select(contract), columns, keys.get(0));
            long cleanRows = write(clean.select(published), "clean/" + table);
            long returnRows = 0;
            if (isTransactions) {
                returnRows = write(valid.filter(col("is_return")).select(contract).dropDuplicates(), "returns");
            }
            List<Column> quarantine = new ArrayList<>(Arrays.asList(published));
            quarantine.add(col(REASON));
            long quarantinedRows = write(classified.filter(col(REASON).isNotNull()).select(quarantine.toArray(new Column[0])), "quarantine/" + table);
            spark.conf().set(SHUFFLE_PARTITIONS, configured);
            if (rowsIn != cleanBefore + returnsBefore + quarantined || quarantinedRows != quarantined
                || cleanRows > cleanBefore || returnRows > returnsBefore) {
                throw new IllegalStateException(table + ": rows in " + rowsIn + " != clean + returns + quarantined");
            }
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

    private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

    /**
     * Sets the shuffle partitions to one per 500k rows, at least the configured count, as CxSpark's ShufflePartitions (clean
     * and profile); returns the configured value to restore.
     */
    private String sizeShuffles(long rows) {
        String configured = spark.conf().get(SHUFFLE_PARTITIONS);
        int base = Integer.parseInt(configured);
        long partitions = Math.max(base, Math.min(Math.max(base, 10_000), (rows + 499_999) / 500_000));
        spark.conf().set(SHUFFLE_PARTITIONS, Long.toString(partitions));
        return configured;
    }

    private long[] profile() {
        Dataset<Row> purchases = spark.read().parquet(partition("clean/transactions"));
        Dataset<Row> returns = spark.read().parquet(partition("returns"));
        Dataset<Row> products = spark.read().parquet(partition("clean/products"));
        Dataset<Row> events = spark.read().parquet(partition("clean/events"));
        Row scan = purchases.agg(date_add(max(to_date(col("event_time"))), 1), count(lit(1))).first();
        LocalDate referenceDate = scan.getDate(0).toLocalDate();
        Column reference = lit(java.sql.Date.valueOf(referenceDate));
        Column revenue = col("quantity").multiply(col("unit_price"));

        Dataset<Row> bought = purchases.groupBy("customer_id").agg(
            min("event_time").alias("first_purchase_time"), max("event_time").alias("last_purchase_time"),
            countDistinct("transaction_id").alias("frequency"), money(revenue).alias("gross_revenue"),
            countDistinct("product_id").alias("distinct_products"));
        Dataset<Row> returned = returns.groupBy("customer_id").agg(money(abs(col("quantity")).multiply(col("unit_price"))).alias("returned_value"));
        Dataset<Row> topCategory = purchases
            .join(broadcast(products.select("product_id", "category").filter(col("category").isNotNull())), on("product_id"), "inner")
            .groupBy("customer_id", "category").agg(money(revenue).alias("category_revenue"))
            .groupBy("customer_id").agg(max(struct(col("category_revenue"), col("category"))).alias("best"))
            .select(col("customer_id"), col("best").getField("category").alias("top_category"));
        Column end = lit(java.sql.Timestamp.from(referenceDate.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        Column in30 = col("event_time").geq(lit(java.sql.Timestamp.from(referenceDate.minusDays(30).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))).and(col("event_time").lt(end));
        Column in90 = col("event_time").geq(lit(java.sql.Timestamp.from(referenceDate.minusDays(90).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))).and(col("event_time").lt(end));
        Dataset<Row> activity = events.filter(in90).groupBy("customer_id").agg(count_if(in30).alias("events_30d"), count("*").alias("events_90d"));

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
                try_divide(returnedValue, col("gross_revenue")).alias("return_rate"),
                coalesce(col("events_30d"), lit(0L)).alias("events_30d"), coalesce(col("events_90d"), lit(0L)).alias("events_90d"),
                reference.alias("reference_date"));
        String configured = sizeShuffles(scan.getLong(1));
        long customers = write(withRfmScores(profiles), "customer_profiles");
        spark.conf().set(SHUFFLE_PARTITIONS, configured);
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
        // KMeans input in a layout that depends on the customers alone, as CxSpark's (SegmentRun.KMeansPartitions).
        long customerCount = profiles.count();
        int kmeansPartitions = (int) Math.max(8, Math.min(10_000, (customerCount + 99_999) / 100_000));
        profiles = profiles.repartition(kmeansPartitions, col("customer_id")).sortWithinPartitions(col("customer_id"));
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
                // KMeans persists its own vectors for the iterations only when its input is not cached itself.
                KMeansModel model = new KMeans().setK(k).setSeed(1).setFeaturesCol("features").setPredictionCol("segment").fit(features.select("features"));
                double silhouette = evaluator.evaluate(model.transform(features));
                if (silhouette > bestSilhouette) {
                    best = model;
                    bestSilhouette = silhouette;
                }
            }
            long customers = write(best.transform(features).select("customer_id", "segment"), "customer_segments");
            writeSummary();
            return new long[] {customerCount, customers};
        } finally {
            features.unpersist();
        }
    }

    private void writeSummary() {
        Dataset<Row> published = spark.read().parquet(partition("customer_segments"))
            .join(spark.read().parquet(partition("customer_profiles")).select("customer_id", "recency_days", "frequency", "monetary"), on("customer_id"), "inner");
        Row medians = published.agg(median(col("recency_days")), median(col("frequency")), median(col("monetary")), money(col("monetary"))).first();
        double total = medians.getDouble(3);
        List<Row> summary = new ArrayList<>();
        for (Row c : published.groupBy("segment").agg(count("*"), money(col("monetary")), avg("recency_days"), avg("frequency"), avg(col("monetary").cast("decimal(38,6)")).cast("double"))
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

    // ---- recommend: CxSpark's recommend stage with its default options (lib/CxSpark.Pipeline/Runs/RecommendRun.cs and
    // Recommendations/), plan for plan. Implicit feedback (a purchase per distinct transaction, weighted carts, wishlists
    // and views, decaying with age); ALS over the decay grid on a validation window against two popularity baselines; the
    // best settings refitted before the holdout and evaluated there; then refitted on all feedback for the top 10 per
    // customer without bought products, filled from recent popularity, newcomers served from popularity alone, and similar
    // products from the item factors. ALS learns only the candidate products: the most bought of the last 90 days.

    private static final int TOP_N = 10;
    private static final int HOLDOUT_DAYS = 30;
    private static final int VALIDATION_DAYS = 30;
    private static final int POPULARITY_DAYS = 30;
    private static final int CANDIDATE_PRODUCTS = 2000;
    private static final int CANDIDATE_DAYS = 90;
    private static final int SIMILAR_PRODUCTS = 10;
    /** A customer with h known products gets N + the first of these bounds at least h candidates per source (at most N + the largest history). */
    private static final int[] HISTORY_TIERS = {5, 20, 80, 320, 1280, 5000};
    private static final int MAX_HISTORY = 5000;
    /** Rank 32, regParam 1, alpha 20, and the decay constants 15, 30 and 60 days. */
    private static final List<AlsSettings> GRID = List.of(
        new AlsSettings(32, 1.0, 20.0, 15.0), new AlsSettings(32, 1.0, 20.0, 30.0), new AlsSettings(32, 1.0, 20.0, 60.0));

    /** The metrics of the recommend stage, printed on stderr at its end (names as in CxSpark's manifest, without "recommend."). */
    private final List<String> recommendReport = new ArrayList<>();

    private long[] recommend() {
        Dataset<Row> purchases = spark.read().parquet(partition("clean/transactions"));
        Dataset<Row> events = published("clean/events") ? spark.read().parquet(partition("clean/events")) : null;
        Feedback raw = Feedback.implicit(purchases, events);
        Row span = purchases
            .agg(min(col("event_time")).alias("first"), date_add(max(to_date(col("event_time"))), 1).alias("end")).first();
        if (span.isNullAt(0)) {
            throw new IllegalStateException("the clean transactions of " + runDate + " are empty");
        }
        TimeSplit split = TimeSplit.plan(span.getTimestamp(0).toInstant().atZone(ZoneOffset.UTC).toLocalDate(), span.getDate(1).toLocalDate());
        recommendReport.add("split validation " + split.validationStart() + " holdout " + split.holdoutStart() + " end " + split.end());

        IdIndex index = IdIndex.fit(raw.strengths(null, null, 0));
        Feedback feedback = raw.indexed(index);
        long rows;
        try {
            AlsSettings best;
            if (pinnedDecay == null) {
                best = tune(feedback, split);
                evaluateOnHoldout(feedback, split, best);
            } else {
                AlsSettings first = GRID.get(0);
                best = new AlsSettings(first.rank(), first.regParam(), first.alpha(), pinnedDecay);
            }
            rows = publishRecommendations(feedback, index, split, best);
        } finally {
            feedback.release();
            index.release();
        }
        if (report) {
            recommendReport.forEach(line -> System.err.println("reference recommend " + line));
            System.err.flush();
        }
        return new long[] {purchases.count(), rows};
    }

    /** Fits every grid point on the data before the validation window and keeps the best precision@k (then NDCG) on it. */
    private AlsSettings tune(Feedback feedback, TimeSplit split) {
        EvaluationWindow window = new EvaluationWindow(feedback, split.validationStart(), split.holdoutStart());
        try {
            reportMetrics("validation.popularity", window.evaluate(window.popularity));
            reportMetrics("validation.recent_popularity", window.evaluate(window.recentPopularity));
            AlsSettings best = null;
            RankingMetrics bestMetrics = null;
            for (AlsSettings settings : GRID) {
                ALSModel model = settings.fit(window.strengths(settings.decayDays()));
                RankingMetrics metrics = window.evaluate(model);
                reportMetrics("validation." + settings.label(), metrics);
                if (best == null || metrics.precision() > bestMetrics.precision()
                    || (metrics.precision() == bestMetrics.precision() && metrics.ndcg() > bestMetrics.ndcg())) {
                    best = settings;
                    bestMetrics = metrics;
                }
            }
            recommendReport.add("chose " + best.label());
            return best;
        } finally {
            window.release();
        }
    }

    /** Fits the chosen settings on everything before the holdout and compares with both popularity rankings on it. */
    private void evaluateOnHoldout(Feedback feedback, TimeSplit split, AlsSettings settings) {
        EvaluationWindow window = new EvaluationWindow(feedback, split.holdoutStart(), split.end());
        try {
            ALSModel model = settings.fit(window.strengths(settings.decayDays()));
            RankingMetrics als = window.evaluate(model);
            RankingMetrics popularity = window.evaluate(window.popularity);
            RankingMetrics recent = window.evaluate(window.recentPopularity);
            reportMetrics("holdout.als", als);
            reportMetrics("holdout.popularity", popularity);
            reportMetrics("holdout.recent_popularity", recent);
            if (recent.precision() > 0) {
                recommendReport.add(String.format(Locale.ROOT, "holdout precision_at_%d_lift_over_recent %.4f", TOP_N, als.precision() / recent.precision()));
            }
            if (popularity.precision() > 0) {
                recommendReport.add(String.format(Locale.ROOT, "holdout precision_at_%d_lift %.4f", TOP_N, als.precision() / popularity.precision()));
            }
        } finally {
            window.release();
        }
    }

    private void reportMetrics(String name, RankingMetrics metrics) {
        recommendReport.add(String.format(Locale.ROOT, "%s precision_at_%d %.6f recall_at_%d %.6f ndcg_at_%d %.6f coverage %.6f users %d",
            name, TOP_N, metrics.precision(), TOP_N, metrics.recall(), TOP_N, metrics.ndcg(), metrics.coverage(), metrics.users()));
    }

    /** Refits on all feedback and publishes recommendations for every customer (newcomers included), and similar products. */
    private long publishRecommendations(Feedback feedback, IdIndex index, TimeSplit split, AlsSettings settings) {
        // The run date and the settings, as CxSpark's model_version.
        String modelVersion = runDate + "/als-implicit-" + settings.label();
        Dataset<Row> strengths = restrictToCandidates(feedback.strengths(null, split.end(), settings.decayDays()), candidateProducts(feedback, split.end())).cache();
        Dataset<Row> users = null;
        Popularity popularity = null;
        try {
            ALSModel model = settings.fit(strengths);
            users = withHistory(index.customers, feedback.known(null, null)).cache();
            popularity = Popularity.fromKnown(feedback.known(split.end().minusDays(POPULARITY_DAYS), split.end()));
            Dataset<Row> recommendations = index.unindex(recommendations(model, users, maxKnown(users), popularity));
            if (published("clean/customers")) {
                recommendations = recommendations.unionByName(newcomers(index, popularity));
            }

            save(recommendations.select(col("customer_id"), col("rank"), col("product_id"), col("score"), col("source"), lit(modelVersion).alias("model_version")),
                "recommendations");
            Row counts = spark.read().parquet(partition("recommendations")).agg(
                count("*").alias("rows"), countDistinct(col("customer_id")).alias("customers"),
                count_if(col("source").equalTo("popularity")).alias("popularity_rows"), countDistinct(col("product_id")).alias("products")).first();
            long catalogue = index.products.count();
            recommendReport.add(String.format(Locale.ROOT, "published rows %d customers %d popularity_rows %d coverage %.6f",
                counts.getLong(0), counts.getLong(1), counts.getLong(2), catalogue == 0 ? 0.0 : (double) counts.getLong(3) / catalogue));

            long similar = write(similarProducts(model)
                .join(index.products.hint("broadcast"), on("item"), "inner")
                .join(index.products.select(col("item").alias("similar_item"), col("product_id").alias("similar_product_id")).hint("broadcast"),
                    on("similar_item"), "inner")
                .select(col("product_id"), col("rank"), col("similar_product_id"), col("similarity"), lit(modelVersion).alias("model_version")), "similar_products");
            recommendReport.add("published similar_products " + similar);
            return counts.getLong(0);
        } finally {
            if (users != null) {
                users.unpersist();
            }
            if (popularity != null) {
                popularity.release();
            }
            strengths.unpersist();
        }
    }

    /** Customers of the clean customers table without any feedback: the popularity top N. */
    private Dataset<Row> newcomers(IdIndex index, Popularity popularity) {
        return spark.read().parquet(partition("clean/customers")).select("customer_id").distinct()
            .join(index.customers, on("customer_id"), "left_anti")
            .crossJoin(popularity.top(TOP_N).hint("broadcast"))
            .withColumn("rank", row_number().over(Window.partitionBy("customer_id").orderBy(col("score").desc(), col("item"))))
            .join(index.products.hint("broadcast"), on("item"), "inner")
            .select(col("customer_id"), col("product_id"), col("score").cast("double").alias("score"), lit("popularity").alias("source"), col("rank"));
    }

    private boolean published(String table) {
        return new java.io.File(partition(table)).exists();
    }

    /** One ALS hyper-parameter combination of the grid; the label is CxSpark's, e.g. r32-reg1-a20-d30. */
    private record AlsSettings(int rank, double regParam, double alpha, double decayDays) {
        String label() {
            return "r" + rank + "-reg" + number(regParam) + "-a" + number(alpha) + "-d" + number(decayDays);
        }

        ALSModel fit(Dataset<Row> strengths) {
            return new ALS().setUserCol("user").setItemCol("item").setRatingCol("strength").setRank(rank).setRegParam(regParam)
                .setMaxIter(10).setSeed(42).setImplicitPrefs(true).setColdStartStrategy("drop").setAlpha(alpha)
                .setNumItemBlocks(Math.max(2, (CANDIDATE_PRODUCTS + 999) / 1000)).fit(strengths);
        }

        private static String number(double value) {
            return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    /** Validation window then holdout before the day after the last purchase; both shrink when the history is short. */
    private record TimeSplit(LocalDate validationStart, LocalDate holdoutStart, LocalDate end) {
        static TimeSplit plan(LocalDate first, LocalDate end) {
            double history = Math.max(ChronoUnit.DAYS.between(first, end), 1);
            double factor = Math.min(1.0, history / (2.0 * (HOLDOUT_DAYS + VALIDATION_DAYS)));
            int holdout = Math.max(1, (int) Math.floor(HOLDOUT_DAYS * factor));
            int validation = Math.max(1, (int) Math.floor(VALIDATION_DAYS * factor));
            LocalDate holdoutStart = end.minusDays(holdout);
            return new TimeSplit(holdoutStart.minusDays(validation), holdoutStart, end);
        }
    }

    /** Signals (ids, event_time, weight, is_known) keyed by customer_id/product_id, or by ALS's user/item once indexed and cached. */
    private static final class Feedback {
        private final Dataset<Row> signals;
        private final String user;
        private final String item;

        private Feedback(Dataset<Row> signals, String user, String item) {
            this.signals = signals;
            this.user = user;
            this.item = item;
        }

        static Feedback implicit(Dataset<Row> purchases, Dataset<Row> events) {
            Dataset<Row> signals = purchases
                .select(col("customer_id"), col("product_id"), col("transaction_id"), col("event_time"))
                .dropDuplicates("customer_id", "product_id", "transaction_id")
                .select(col("customer_id"), col("product_id"), col("event_time"), lit(1.0).alias("weight"), lit(true).alias("is_known"));
            if (events != null) {
                Column weight = when(col("event_type").equalTo("add_to_cart"), 0.3)
                    .when(col("event_type").equalTo("wishlist"), 0.2)
                    .when(col("event_type").equalTo("view"), 0.05)
                    .otherwise(0.0);
                signals = signals.union(events
                    .filter(col("product_id").isNotNull())
                    .select(col("customer_id"), col("product_id"), col("event_time"), weight.alias("weight"), lit(false).alias("is_known"))
                    .filter(col("weight").gt(0)));
            }
            return new Feedback(signals, "customer_id", "product_id");
        }

        Feedback indexed(IdIndex index) {
            return new Feedback(index.index(signals).drop("customer_id", "product_id").cache(), "user", "item");
        }

        void release() {
            signals.unpersist();
        }

        /** The signals in [from, until); null bounds are open. */
        Dataset<Row> signals(LocalDate from, LocalDate until) {
            Dataset<Row> frame = signals;
            if (from != null) {
                frame = frame.filter(col("event_time").geq(startOf(from)));
            }
            if (until != null) {
                frame = frame.filter(col("event_time").lt(startOf(until)));
            }
            return frame;
        }

        /** Per pair log1p(sum(weight x exp(-age in days at until / decayDays))); no decay for 0 or no end. */
        Dataset<Row> strengths(LocalDate from, LocalDate until, double decayDays) {
            Column weight = col("weight");
            if (decayDays > 0 && until != null) {
                Column age = datediff(lit(java.sql.Date.valueOf(until)), to_date(col("event_time")));
                weight = weight.multiply(exp(age.multiply(-1.0 / decayDays)));
            }
            return signals(from, until).groupBy(user, item).agg(log1p(sum(weight)).alias("strength"));
        }

        /** The distinct bought pairs in [from, until). */
        Dataset<Row> known(LocalDate from, LocalDate until) {
            return signals(from, until).filter(col("is_known")).select(user, item).distinct();
        }

        private static Column startOf(LocalDate day) {
            return lit(java.sql.Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
    }

    /**
     * StringIndexer's frequencyDesc ids (most frequent first, ties alphabetical) for customers and products, computed in SQL
     * from one aggregate of the pairs into one cached id table that indexes the feedback (broadcast joins) and maps results back.
     */
    private static final class IdIndex {
        private final Dataset<Row> ids;
        final Dataset<Row> customers;
        final Dataset<Row> products;

        private IdIndex(Dataset<Row> ids) {
            this.ids = ids;
            customers = ids.filter(col("kind").equalTo(0)).select(col("id").alias("customer_id"), col("index").alias("user"));
            products = ids.filter(col("kind").equalTo(1)).select(col("id").alias("product_id"), col("index").alias("item"));
        }

        static IdIndex fit(Dataset<Row> pairs) {
            return new IdIndex(pairs
                .select(explode(array(struct(lit(0).alias("kind"), col("customer_id").alias("id")), struct(lit(1).alias("kind"), col("product_id").alias("id")))).alias("key"))
                .groupBy(col("key").getField("kind").alias("kind"), col("key").getField("id").alias("id"))
                .agg(count("*").alias("pairs"))
                .select(col("kind"), col("id"), row_number().over(Window.partitionBy("kind").orderBy(col("pairs").desc(), col("id"))).minus(1).cast("int").alias("index"))
                .cache());
        }

        Dataset<Row> index(Dataset<Row> frame) {
            return frame.join(customers.hint("broadcast"), on("customer_id"), "inner").join(products.hint("broadcast"), on("product_id"), "inner");
        }

        Dataset<Row> unindex(Dataset<Row> frame) {
            return frame.join(customers, on("user"), "inner").join(products.hint("broadcast"), on("item"), "inner").drop("user", "item");
        }

        void release() {
            ids.unpersist();
        }
    }

    /**
     * Train before trainUntil, evaluate on the products users with training history newly bought in [trainUntil,
     * evaluateUntil). Known and relevant pairs, the users, both popularity rankings and the candidate products are cached,
     * and the candidate strengths once per decay.
     */
    private static final class EvaluationWindow {
        private final Feedback feedback;
        private final LocalDate trainUntil;
        private final Dataset<Row> known;
        private final Dataset<Row> relevant;
        private final Dataset<Row> users;
        private final long maxKnown;
        private final long catalogueSize;
        private final Dataset<Row> candidates;
        private final Map<Double, Dataset<Row>> strengths = new LinkedHashMap<>();
        final Popularity popularity;
        final Popularity recentPopularity;

        EvaluationWindow(Feedback feedback, LocalDate trainUntil, LocalDate evaluateUntil) {
            this.feedback = feedback;
            this.trainUntil = trainUntil;
            known = feedback.known(null, trainUntil).cache();
            relevant = feedback.known(trainUntil, evaluateUntil)
                .join(feedback.signals(null, trainUntil).select("user").distinct(), on("user"), "left_semi")
                .join(known, on("user", "item"), "left_anti")
                .cache();
            users = withHistory(relevant.select("user").distinct(), known).cache();
            maxKnown = maxKnown(users);
            catalogueSize = feedback.signals(null, trainUntil).select("item").distinct().count();
            popularity = Popularity.fromKnown(known);
            recentPopularity = Popularity.fromKnown(feedback.known(trainUntil.minusDays(POPULARITY_DAYS), trainUntil));
            candidates = candidateProducts(feedback, trainUntil).cache();
        }

        Dataset<Row> strengths(double decayDays) {
            return strengths.computeIfAbsent(decayDays, d -> restrictToCandidates(feedback.strengths(null, trainUntil, d), candidates).cache());
        }

        /** ALS with recent popularity fill-in. */
        RankingMetrics evaluate(ALSModel model) {
            return rankingMetrics(recommendations(model, users, maxKnown, recentPopularity), relevant, catalogueSize);
        }

        RankingMetrics evaluate(Popularity ranking) {
            return rankingMetrics(recommendations(null, users, maxKnown, ranking), relevant, catalogueSize);
        }

        void release() {
            strengths.values().forEach(Dataset::unpersist);
            popularity.release();
            recentPopularity.release();
            candidates.unpersist();
            users.unpersist();
            known.unpersist();
            relevant.unpersist();
        }
    }

    /** Items by distinct buyers among the known pairs given; the score is the share of their users who bought the item. */
    private static final class Popularity {
        private final Dataset<Row> ranked;

        private Popularity(Dataset<Row> ranked) {
            this.ranked = ranked;
        }

        static Popularity fromKnown(Dataset<Row> known) {
            return new Popularity(known.groupBy("item").agg(countDistinct(col("user")).alias("buyers"))
                .crossJoin(known.agg(countDistinct(col("user")).alias("users")))
                .select(col("item"), col("buyers").divide(col("users")).alias("score")).cache());
        }

        void release() {
            ranked.unpersist();
        }

        Dataset<Row> top(int count) {
            return ranked.orderBy(col("score").desc(), col("item")).limit(count);
        }
    }

    /** The items with the most distinct buyers in the CANDIDATE_DAYS before until, at most CANDIDATE_PRODUCTS (ties by item). */
    private static Dataset<Row> candidateProducts(Feedback feedback, LocalDate until) {
        return feedback.known(until.minusDays(CANDIDATE_DAYS), until)
            .groupBy("item").agg(count("*").alias("buyers"))
            .orderBy(col("buyers").desc(), col("item"))
            .limit(CANDIDATE_PRODUCTS)
            .select("item");
    }

    private static Dataset<Row> restrictToCandidates(Dataset<Row> frame, Dataset<Row> candidates) {
        return frame.join(candidates.hint("broadcast"), on("item"), "left_semi");
    }

    /** The users (user) with their history among the known pairs: (user, known_items, known_count); no history = empty array. */
    private static Dataset<Row> withHistory(Dataset<Row> users, Dataset<Row> known) {
        return users.select("user")
            .join(known.groupBy("user").agg(collect_list(col("item")).alias("known_items")), on("user"), "left_outer")
            .select(col("user"), coalesce(col("known_items"), array()).alias("known_items"))
            .withColumn("known_count", size(col("known_items")).cast("bigint"));
    }

    /**
     * The top N (user, item, score, source, rank) for users (user, known_items, known_count, at most maxKnown) without
     * known items: ALS first, then the popularity ranking; a null model gives the popularity ranking alone. Picked within
     * each user's row with array functions (no exploded candidate rows, no window).
     */
    private static Dataset<Row> recommendations(ALSModel model, Dataset<Row> users, long maxKnown, Popularity popularity) {
        Dataset<Row> fallback = popularity.top(TOP_N + (int) Math.min(maxKnown, MAX_HISTORY))
            .agg(sort_array(collect_list(candidate(1, col("item"), col("score"), "popularity"))).alias("fallback"));
        Column known = col("known_items");
        Dataset<Row> rows = users.select("user", "known_items", "known_count");
        rows = model == null
            ? rows.withColumn("model", lit(null))
            : rows.join(candidates(users, maxKnown, model::recommendForUserSubset).select("user", "recommendations"), on("user"), "left_outer")
                .select(col("user"), known, col("known_count"),
                    transform(col("recommendations"), r -> candidate(0, r.getField("item"), r.getField("rating"), "als")).alias("model"));
        return rows
            .crossJoin(fallback.hint("broadcast"))
            .select(col("user"), known,
                slice(col("fallback"), lit(1), col("known_count").plus(TOP_N).cast("int")).alias("fallback"),
                filter(coalesce(col("model"), slice(col("fallback"), 1, 0)), c -> not(array_contains(known, c.getField("item")))).alias("model"))
            .select(col("user"), known, col("fallback"), col("model"), transform(col("model"), c -> c.getField("item")).alias("model_items"))
            .select(col("user"), concat(col("model"),
                filter(col("fallback"), c -> not(array_contains(known, c.getField("item"))).and(not(array_contains(col("model_items"), c.getField("item")))))).alias("ranked"))
            .select(col("user"), posexplode(slice(sort_array(col("ranked")), 1, TOP_N)))
            .select(col("user"), col("col").getField("item").alias("item"), col("col").getField("score").alias("score"),
                col("col").getField("source").alias("source"), col("pos").plus(1).alias("rank"));
    }

    /** A candidate; ascending order = source priority, then score descending, then item. */
    private static Column candidate(int priority, Column item, Column score, String source) {
        return struct(lit(priority).alias("priority"), negate(score.cast("double")).alias("order"), item.alias("item"),
            score.cast("double").alias("score"), lit(source).alias("source"));
    }

    /** The largest known_count of the users (0 without users). */
    private static long maxKnown(Dataset<Row> users) {
        Row heaviest = users.agg(max(col("known_count")).alias("max")).first();
        return heaviest.isNullAt(0) ? 0 : heaviest.getLong(0);
    }

    /** ALS candidate lists (user, recommendations): N + the tier's history bound for each tier of customers. */
    private static Dataset<Row> candidates(Dataset<Row> users, long maxKnown, BiFunction<Dataset<Row>, Integer, Dataset<Row>> source) {
        Dataset<Row> candidates = null;
        long below = -1;
        for (int bound : HISTORY_TIERS) {
            boolean isLast = maxKnown <= bound || bound == MAX_HISTORY;
            Column inTier = isLast ? col("known_count").gt(below) : col("known_count").gt(below).and(col("known_count").leq(bound));
            Dataset<Row> tier = source.apply(users.filter(inTier).select("user"), TOP_N + (int) Math.min(maxKnown, bound));
            candidates = candidates == null ? tier : candidates.union(tier);
            if (isLast) {
                break;
            }
            below = bound;
        }
        return candidates;
    }

    private record RankingMetrics(long users, double precision, double recall, double ndcg, double coverage) {
    }

    /** Precision, recall and NDCG at N (binary relevance) averaged over users with a relevant item, and catalogue coverage. */
    private static RankingMetrics rankingMetrics(Dataset<Row> recommendations, Dataset<Row> relevant, long catalogueSize) {
        Dataset<Row> topK = recommendations.filter(col("rank").leq(TOP_N)).select("user", "item", "rank").cache();
        Dataset<Row> hits = topK.join(relevant.select("user", "item").distinct(), on("user", "item"), "inner")
            .groupBy("user")
            .agg(count("*").alias("hits"), sum(lit(1.0).divide(log2(col("rank").plus(1)))).alias("dcg"));
        Dataset<Row> perUser = relevant.select("user", "item").distinct()
            .groupBy("user").agg(count("*").alias("relevant"))
            .join(hits, on("user"), "left_outer")
            .select(
                coalesce(col("hits"), lit(0L)).divide((double) TOP_N).alias("precision"),
                coalesce(col("hits"), lit(0L)).divide(col("relevant")).alias("recall"),
                coalesce(col("dcg"), lit(0.0))
                    .divide(expr("aggregate(sequence(1, least(" + TOP_N + ", relevant)), 0D, (acc, i) -> acc + 1D / log2(i + 1))")).alias("ndcg"));
        Row totals = perUser.agg(count("*").alias("users"), avg(col("precision")).alias("precision"), avg(col("recall")).alias("recall"), avg(col("ndcg")).alias("ndcg"))
            .crossJoin(topK.agg(countDistinct(col("item")).alias("recommended")))
            .first();
        topK.unpersist();
        long users = totals.getLong(0);
        return new RankingMetrics(users,
            users == 0 ? 0 : totals.getDouble(1), users == 0 ? 0 : totals.getDouble(2), users == 0 ? 0 : totals.getDouble(3),
            catalogueSize == 0 ? 0 : (double) totals.getLong(4) / catalogueSize);
    }

    /** The top SIMILAR_PRODUCTS (item, similar_item, similarity, rank) per item by cosine similarity of the item factors. */
    private static Dataset<Row> similarProducts(ALSModel model) {
        Dataset<Row> unit = model.itemFactors()
            .select(col("id").alias("item"), col("features"))
            .selectExpr("item", "transform(features, x -> x / sqrt(aggregate(features, 0D, (s, y) -> s + y * y))) AS v")
            .filter(expr("NOT exists(v, x -> isnan(x))"));
        Dataset<Row> other = unit.select(col("item").alias("similar_item"), col("v").alias("w"));
        return unit.crossJoin(other)
            .filter(col("item").notEqual(col("similar_item")))
            .selectExpr("item", "similar_item", "aggregate(zip_with(v, w, (x, y) -> x * y), 0D, (s, p) -> s + p) AS similarity")
            .withColumn("rank", row_number().over(Window.partitionBy("item").orderBy(col("similarity").desc(), col("similar_item"))))
            .filter(col("rank").leq(SIMILAR_PRODUCTS));
    }

    /** An exact sum of money amounts (decimal micro-units), as CxSpark's Money.Sum. */
    private static Column money(Column amounts) {
        return sum(amounts.cast("decimal(38,6)")).cast("double");
    }

    private static String[] on(String... columns) {
        return columns;
    }
}
