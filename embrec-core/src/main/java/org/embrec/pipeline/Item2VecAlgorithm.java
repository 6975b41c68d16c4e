package org.embrec.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.embrec.Progress;
import org.embrec.model.ModelManifest;
import org.embrec.model.Scoring;
import org.embrec.sequence.HoldOut;
import org.embrec.sequence.Sequences;
import org.embrec.train.SkipGramTrainer;
import org.embrec.train.TrainedModel;
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

    /**
     * {@link Scoring#DIRECTED} or {@link Scoring#DEFAULT} as configured; with
     * {@link Word2VecConfig.ItemScoring#AUTO} the default: each fit carries its chosen scoring.
     */
    @Override
    public Scoring scoring() {
        return config.scoring() == Word2VecConfig.ItemScoring.DIRECTED ? Scoring.DIRECTED : Scoring.DEFAULT;
    }

    @Override
    public Map<String, Object> describe() {
        return ModelManifest.configOf(config);
    }

    /**
     * Trains on the data's sentences. With {@code --scoring auto} a first model is trained
     * without the last item of a sample of sequences ({@link BlendSelection#holdOut}), the
     * scoring that ranks those items best is chosen ({@link BlendSelection#choose}), and the model
     * is trained again on all the data (the held-out items are the newest, and a model without
     * them ranks worse); the fit carries the chosen scoring (with the user queries' half-life), and the evidence in its figures as
     * {@code scoring_selection}. Its {@code train_seconds} count both trainings.
     */
    @Override
    public Fit train(TrainingData data, long seed, Progress progress) {
        Word2VecConfig seeded = config.withSeed(seed);
        if (config.scoring() != Word2VecConfig.ItemScoring.AUTO) {
            return Fit.scored(SkipGramTrainer.train(data.sentences(), seeded, progress), describe());
        }
        long t0 = System.nanoTime();
        HoldOut held = BlendSelection.holdOut(data.sequences(), seed, config.minCount());
        TrainedModel probe = SkipGramTrainer.train(held.training().sentences(), seeded, progress);
        BlendSelection.Choice choice = BlendSelection.choose(held, probe.vectors(), probe.outputVectors());
        double selection = (System.nanoTime() - t0) / 1e9;
        progress.done("scoring", String.format(java.util.Locale.ROOT, "auto: %s in %.2fs", choice, selection));
        Scoring scoring = choice.scoring();
        TrainedModel trained = SkipGramTrainer.train(data.sentences(), scoring.needsOutputVectors() ? seeded
                : seeded.withScoring(Word2VecConfig.ItemScoring.COSINE), progress);
        Map<String, Object> figures = new LinkedHashMap<>(trained.figures());
        figures.put("train_seconds", trained.trainSeconds() + selection);
        figures.put("scoring_selection_seconds", selection);
        figures.put("scoring_selection", choice.figures());
        return new Fit(trained.vectors(), describe(), figures, scoring, null, trained.outputVectors());
    }

    /** Targets seen fewer than min-count times in training have no vector: the cold slice. */
    @Override
    public int coldThreshold() {
        return config.minCount();
    }
}
