package org.embrec.spark;

import org.apache.spark.sql.SparkSession;

/**
 * A Spark session in this JVM ({@code local[N]}) bound to the loopback interface only: driver,
 * block manager and shuffle service listen on 127.0.0.1, the web UI is off, and shuffles use a
 * few partitions (adaptive execution merges small ones), and MLlib uses the Java BLAS
 * ({@link JavaBlas}). For {@code spark-local}, tests and
 * benchmarks; a cluster job gets its session from {@code spark-submit} instead. Stateless.
 */
public final class LocalSpark {
    /** Loopback address every local session binds to. */
    public static final String LOOPBACK = "127.0.0.1";

    private LocalSpark() {}

    /** Starts (or returns the running) local session with {@code cores} worker threads. */
    public static SparkSession start(int cores) {
        return SparkSession.builder()
                .master("local[" + cores + "]")
                .appName("embrec spark-local")
                .config("spark.driver.host", LOOPBACK)
                .config("spark.driver.bindAddress", LOOPBACK)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", String.valueOf(4 * cores))
                .config("spark.default.parallelism", String.valueOf(2 * cores))
                .config("spark.plugins", JavaBlas.class.getName())
                .getOrCreate();
    }
}
