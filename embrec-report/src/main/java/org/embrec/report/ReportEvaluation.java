package org.embrec.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.embrec.Progress;
import org.embrec.data.Catalog;
import org.embrec.eval.EvaluationReport;
import org.embrec.eval.EvaluationSuite;
import org.embrec.pipeline.EmbeddingAlgorithm;
import org.embrec.pipeline.TrainingData;
import org.embrec.sequence.Sequences;
import org.embrec.vectors.EmbeddingStore;

/**
 * The evaluation behind a report: every algorithm and the baselines through one
 * {@link EvaluationSuite}, keeping the vectors of the first algorithm's first fit (on the
 * training split) for the {@link EmbeddingMap}, so no extra model is trained for the map.
 *
 * <p>Stateless and thread-safe.
 */
public final class ReportEvaluation {
    /** Colours of the map: nine genres and "other". */
    public static final int MAP_GROUPS = 10;
    /** Most items drawn on the map. */
    public static final int MAP_POINTS = 20_000;

    /**
     * @param report the evaluation
     * @param map the first algorithm's items in 2D, or null without algorithms
     */
    public record Result(EvaluationReport report, EmbeddingMap map) {}

    private ReportEvaluation() {}

    /**
     * @param catalog item metadata for the map's genres (may be empty)
     */
    public static Result run(EvaluationSuite suite, String dataset, List<EmbeddingAlgorithm> algorithms, Catalog catalog,
            Progress progress) {
        List<EmbeddingAlgorithm> run = new ArrayList<>(algorithms);
        FirstFit first = algorithms.isEmpty() ? null : new FirstFit(algorithms.get(0));
        if (first != null) {
            run.set(0, first);
        }
        EvaluationReport report = suite.runAll(dataset, run, progress);
        EmbeddingMap map = first == null || first.vectors == null || first.vectors.size() < 2 ? null
                : EmbeddingMap.of(first.name(), first.vectors, catalog, MAP_GROUPS, MAP_POINTS);
        return new Result(report, map);
    }

    /** An algorithm that remembers the vectors of its first fit. Confined to one suite run. */
    private static final class FirstFit implements EmbeddingAlgorithm {
        private final EmbeddingAlgorithm inner;
        private EmbeddingStore vectors;

        FirstFit(EmbeddingAlgorithm inner) {
            this.inner = Objects.requireNonNull(inner, "inner");
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public EmbeddingStore fit(Sequences training, long seed, Progress progress) {
            return keep(inner.fit(training, seed, progress));
        }

        @Override
        public EmbeddingStore fit(TrainingData data, long seed, Progress progress) {
            return keep(inner.fit(data, seed, progress));
        }

        @Override
        public int coldThreshold() {
            return inner.coldThreshold();
        }

        private EmbeddingStore keep(EmbeddingStore fitted) {
            if (vectors == null) {
                vectors = fitted;
            }
            return fitted;
        }
    }
}
