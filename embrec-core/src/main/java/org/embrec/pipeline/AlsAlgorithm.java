package org.embrec.pipeline;

import java.util.Map;
import java.util.Objects;
import org.embrec.Progress;
import org.embrec.als.AlsConfig;
import org.embrec.als.AlsTrainer;
import org.embrec.model.ModelManifest;
import org.embrec.model.Scoring;
import org.embrec.sequence.Sequences;
import org.embrec.vectors.EmbeddingStore;

/**
 * {@code --algo als}: implicit ALS (Hu, Koren and Volinsky 2008) with {@link AlsTrainer}. The item
 * factors are the model's vectors (related items: their cosine); the users' factors are kept and
 * the model declares {@link Scoring#factorModel}: a stored user scores items by the inner product
 * of their factors with the item factors, an ad-hoc item list by the factors a fold-in solve gives
 * it. Every item that occurs in training gets factors (no min-count).
 *
 * <p>Immutable and thread-safe.
 */
public final class AlsAlgorithm implements EmbeddingAlgorithm {
    /** The {@code --algo} value. */
    public static final String NAME = "als";

    private final AlsConfig config;

    public AlsAlgorithm(AlsConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return NAME;
    }

    public AlsConfig config() {
        return config;
    }

    /** The item factors alone. */
    @Override
    public EmbeddingStore fit(Sequences training, long seed, Progress progress) {
        return AlsTrainer.train(training, config, seed, progress).items();
    }

    /** The ALS settings, named as their flags ({@code dim}, {@code als-alpha}, {@code reg}, ...). */
    @Override
    public Map<String, Object> describe() {
        return ModelManifest.configOf(config);
    }

    @Override
    public Scoring scoring() {
        return Scoring.factorModel(config.alsAlpha(), config.reg());
    }

    /** Item and user factors, the declared scoring, and the run's figures. */
    @Override
    public Fit train(TrainingData data, long seed, Progress progress) {
        AlsTrainer.Result r = AlsTrainer.train(data.sequences(), config, seed, progress);
        return new Fit(r.items(), describe(), r.figures(), scoring(), r.users());
    }
}
