package org.embrec.report;

import java.util.List;
import org.embrec.Progress;
import org.embrec.data.Catalog;
import org.embrec.eval.EvaluationReport;
import org.embrec.eval.EvaluationSuite;
import org.embrec.pipeline.EmbeddingAlgorithm;
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
        EmbeddingAlgorithm mapped = algorithms.isEmpty() ? null : algorithms.get(0);
        EmbeddingStore[] first = new EmbeddingStore[1];
        EvaluationReport report = suite.runAll(dataset, algorithms, progress, (algorithm, seed, fit) -> {
            if (algorithm == mapped && first[0] == null) {
                first[0] = fit.vectors();
            }
        });
        EmbeddingMap map = first[0] == null || first[0].size() < 2 ? null
                : EmbeddingMap.of(mapped.name(), first[0], catalog, MAP_GROUPS, MAP_POINTS);
        return new Result(report, map);
    }
}
