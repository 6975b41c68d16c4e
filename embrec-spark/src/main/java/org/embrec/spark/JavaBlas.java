package org.embrec.spark;

import java.lang.reflect.Field;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.apache.spark.api.plugin.SparkPlugin;
import org.apache.spark.ml.linalg.BLAS$;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes MLlib's Word2Vec call netlib's Java BLAS (the JDK Vector API implementation) instead of
 * a native BLAS through JNI. Word2Vec makes three BLAS calls per (centre, context, tree node) on
 * vectors of only {@code dim} floats, where the JNI crossing dominates: a dot plus an axpy of 16
 * floats took ~196 ns through JNI (the system's libblas) and ~27 ns in Java on this machine
 * (docs/SPARK.md), so training ran several times slower whenever a native BLAS was installed.
 *
 * <p>MLlib picks its implementation once per JVM into a private field of
 * {@code org.apache.spark.ml.linalg.BLAS$}; {@link #install} sets that field. As a
 * {@link SparkPlugin} ({@code spark.plugins=org.embrec.spark.JavaBlas}) it runs in the driver and
 * in every executor when they start. If a Spark version renames the field, the plugin logs a
 * warning and training is merely slower. Thread-safe.
 */
public final class JavaBlas implements SparkPlugin {
    private static final Logger LOG = LoggerFactory.getLogger(JavaBlas.class);

    /** Points MLlib's "native" BLAS at its Java BLAS in this JVM; false (and a warning) when it cannot. */
    public static synchronized boolean install() {
        try {
            Field f = BLAS$.class.getDeclaredField("_nativeBLAS");
            f.setAccessible(true);
            f.set(null, BLAS$.MODULE$.javaBLAS());
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("cannot make MLlib use the Java BLAS ({}); Word2Vec keeps its default BLAS", e.toString());
            return false;
        }
    }

    @Override
    public DriverPlugin driverPlugin() {
        return new DriverPlugin() {
            @Override
            public Map<String, String> init(SparkContext sc, PluginContext context) {
                install();
                return Map.of();
            }
        };
    }

    @Override
    public ExecutorPlugin executorPlugin() {
        return new ExecutorPlugin() {
            @Override
            public void init(PluginContext context, Map<String, String> extraConf) {
                install();
            }
        };
    }
}
