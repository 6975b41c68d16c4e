package org.embrec.spark;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall-clock seconds per pipeline stage (load, sequences, graph, walks, training, write), in
 * the order the stages ran. Each stage ends with a Spark action, so its time includes the work
 * Spark deferred to it. Not thread-safe: one pipeline run owns it.
 */
public final class StageTimes {
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    /** Runs and times one stage. */
    public <T> T time(String stage, Supplier<T> work) {
        long t0 = System.nanoTime();
        try {
            return work.get();
        } finally {
            seconds.merge(stage, (System.nanoTime() - t0) / 1e9, Double::sum);
        }
    }

    /** Seconds of a stage, 0 when it did not run. */
    public double of(String stage) {
        return seconds.getOrDefault(stage, 0.0);
    }

    /** All stages, rounded to milliseconds (unmodifiable). */
    public Map<String, Object> rounded() {
        Map<String, Object> m = new LinkedHashMap<>();
        seconds.forEach((k, v) -> m.put(k, Math.round(v * 1000) / 1000.0));
        return Collections.unmodifiableMap(m);
    }

    /** The sum over all stages. */
    public double total() {
        return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
