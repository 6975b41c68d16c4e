package org.embrec.pipeline;

import java.util.Map;
import java.util.Objects;
import org.embrec.Progress;
import org.embrec.model.ModelManifest;
import org.embrec.model.Scoring;
import org.embrec.sequence.Sequences;
import org.embrec.train.SkipGramTrainer;
import org.embrec.train.Word2VecConfig;
import org.embrec.vectors.EmbeddingStore;

/**
 * item2vec (Barkan and Koenigstein 2016): word2vec SGNS trained directly on the users' training
 * sequences with {@link SkipGramTrainer}; the seed of each fit replaces the config's.
 *
 * <p>Immutable and thread-safe.
 */
public final class Item2VecAlgorithm implements EmbeddingAlgorithm {
    /** The {@code --algo} value. */
    public static final String NAME = "item2vec";

    private final Word2VecConfig config;

    public Item2VecAlgorithm(Word2VecConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return NAME;
    }

    public Word2VecConfig config() {
        return config;
    }

    @Override
    public EmbeddingStore fit(Sequences training, long seed, Progress progress) {
        return SkipGramTrainer.train(training, config.withSeed(seed), progress).vectors();
    }

    @Override
    public Scoring scoring() {
        return config.scoring() == Word2VecConfig.ItemScoring.DIRECTED ? Scoring.DIRECTED : Scoring.DEFAULT;
    }

    @Override
    public Map<String, Object> describe() {
        return ModelManifest.configOf(config);
    }

    @Override
    public Fit train(TrainingData data, long seed, Progress progress) {
        return Fit.scored(SkipGramTrainer.train(data.sentences(), config.withSeed(seed), progress), describe());
    }

    /** Targets seen fewer than min-count times in training have no vector: the cold slice. */
    @Override
    public int coldThreshold() {
        return config.minCount();
    }
}
