package org.embrec.eval;

import org.embrec.Progress;
import org.embrec.model.Scoring;
import org.embrec.pipeline.TrainingData;
import org.embrec.vectors.EmbeddingStore;

/**
 * A model derived from an algorithm's fitted vectors without retraining them (such as cold
 * start, which adds vectors for items the algorithm left out). The {@link EvaluationSuite}
 * reports it beside the algorithm, as model {@code algorithm name + suffix()}, on the same fits,
 * so the two differ only by the derivation.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface StoreVariant {
    /** Appended to the algorithm's name in reports, e.g. {@code +cold-start}. */
    String suffix();

    /**
     * The derived vectors (never modifies {@code fitted}) of a fit that ranks by {@code scoring}
     * (the derivation may depend on it, as cold start's centring does).
     */
    EmbeddingStore derive(TrainingData data, EmbeddingStore fitted, Scoring scoring, long seed, Progress progress);

    /**
     * The derived output vectors of a fit whose model scores candidates by them ({@code output},
     * rows as {@code fitted}), consistent with {@link #derive} of {@code fitted}: by default
     * {@link #derive} of the output vectors. Never modifies either.
     */
    default EmbeddingStore deriveOutput(TrainingData data, EmbeddingStore fitted, EmbeddingStore output,
            Scoring scoring, long seed, Progress progress) {
        return derive(data, output, scoring, seed, progress);
    }
}
