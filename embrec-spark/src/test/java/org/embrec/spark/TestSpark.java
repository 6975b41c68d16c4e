package org.embrec.spark;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The one local[2] session all test classes share (starting Spark costs seconds; Spark stops it
 * at JVM exit), and helpers to run {@code spark-local} on it.
 */
final class TestSpark {
    private static SparkSession session;

    private TestSpark() {}

    static synchronized SparkSession session() {
        if (session == null) {
            session = LocalSpark.start(SparkLocal.CORES);
        }
        return session;
    }

    /** The bundled MovieLens directory. */
    static Path bundled() {
        return Path.of(System.getProperty("embrec.repo", ".."), "data", "ml-latest-small");
    }

    /** What a command printed and returned. */
    record Run(int code, String out, String err) {}

    /** Runs {@code spark-local} on the shared session. */
    static Run sparkLocal(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkLocal.run(session(), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Runs {@code spark-local} without ever touching Spark (for flags refused before it starts). */
    static Run refused(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkLocal.run(null, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }
}
