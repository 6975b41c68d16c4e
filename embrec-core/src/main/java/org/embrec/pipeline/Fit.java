package org.embrec.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.embrec.model.Scoring;
import org.embrec.train.TrainedModel;
import org.embrec.vectors.EmbeddingStore;

/**
 * What one training run of an {@link EmbeddingAlgorithm} produced: the item vectors, the
 * settings the algorithm describes itself with (a manifest's {@code config}) and the figures of
 * the run (a manifest's {@code training}). Immutable (the maps are unmodifiable copies).
 *
 * @param vectors the learned item vectors
 * @param config the algorithm's settings, named as their flags ({@link org.embrec.model.ModelManifest#configOf}), JSON values
 * @param figures {@code train_seconds} and what else the algorithm measured
 * @param scoring how the model scores ({@link Scoring#DEFAULT} for embedding models)
 * @param userFactors the users' factors when the scoring uses them, else null
 * @param outputVectors the items' output vectors (rows as in {@code vectors}) when the scoring
 *     scores candidates by them, else null
 */
public record Fit(EmbeddingStore vectors, Map<String, Object> config, Map<String, Object> figures, Scoring scoring,
        EmbeddingStore userFactors, EmbeddingStore outputVectors) {
    public Fit {
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(scoring, "scoring");
        if (scoring.needsUserFactors() != (userFactors != null)) {
            throw new IllegalArgumentException("user factors go with a scoring that uses them, and only with it");
        }
        if (scoring.needsOutputVectors() != (outputVectors != null)) {
            throw new IllegalArgumentException("output vectors go with a scoring that uses them, and only with it");
        }
        if (outputVectors != null && !Scoring.outputFits(vectors, outputVectors)) {
            throw new IllegalArgumentException("output vectors must have the item vectors' rows, and one component more (the bias)");
        }
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    /** A fit scored against its item vectors. */
    public Fit(EmbeddingStore vectors, Map<String, Object> config, Map<String, Object> figures, Scoring scoring,
            EmbeddingStore userFactors) {
        this(vectors, config, figures, scoring, userFactors, null);
    }

    /** An embedding model's fit: {@link Scoring#DEFAULT}, no user factors. */
    public Fit(EmbeddingStore vectors, Map<String, Object> config, Map<String, Object> figures) {
        this(vectors, config, figures, Scoring.DEFAULT, null);
    }

    /**
     * A word2vec run's vectors with {@code config}, and as figures {@code train_seconds},
     * {@code raw_tokens}, {@code tokens_per_second} and, when computed, {@code epoch_loss}.
     */
    public static Fit of(TrainedModel trained, Map<String, Object> config) {
        return new Fit(trained.vectors(), config, trained.figures());
    }

    /**
     * A word2vec run's fit scored as its config says: {@link Scoring#DEFAULT}, or with
     * {@code --scoring directed} {@link Scoring#DIRECTED} with the run's output vectors.
     */
    public static Fit scored(TrainedModel trained, Map<String, Object> config) {
        if (trained.config().scoring() == org.embrec.train.Word2VecConfig.ItemScoring.DIRECTED) {
            return new Fit(trained.vectors(), config, trained.figures(), Scoring.DIRECTED, null,
                    trained.outputVectors());
        }
        return of(trained, config);
    }

    /** The run's training time in seconds. */
    public double trainSeconds() {
        return ((Number) figures.getOrDefault("train_seconds", 0.0)).doubleValue();
    }
}
