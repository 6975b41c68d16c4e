package org.embrec.tune;

import java.util.Objects;
import org.embrec.Progress;
import org.embrec.data.Catalog;
import org.embrec.eval.EmbeddingScorer;
import org.embrec.eval.Evaluator;
import org.embrec.eval.Metrics;
import org.embrec.eval.Split;
import org.embrec.eval.Task;
import org.embrec.model.UserVectors;
import org.embrec.pipeline.EmbeddingAlgorithm;
import org.embrec.pipeline.Fit;
import org.embrec.pipeline.TrainingData;

/**
 * Trains an algorithm with one point of the search space on a split's training sequences and
 * measures it on that split's cases (PROTOCOL.md ranking, HR@K and NDCG@K for i2i and u2i with
 * the model's user-vector rule, {@link UserVectors#MODEL}, or the model's own scoring when it
 * declares one, as ALS does). {@code tune} uses it on the validation split for every trial
 * and once on the test split for the winner.
 *
 * <p>Immutable and thread-safe: trials may run concurrently.
 */
public final class TrialEvaluator implements TrialRunner {
    /** Builds the algorithm of a point (the CLI lays the point over its flags). */
    @FunctionalInterface
    public interface AlgorithmFactory {
        EmbeddingAlgorithm create(HyperParameters point);
    }

    private final Split split;
    private final TrainingData data;
    private final AlgorithmFactory factory;
    private final Evaluator evaluator;
    private final int k;

    /**
     * @param split the split whose training sequences train and whose cases score
     * @param catalog side information, already without any tag a test or validation user put
     *     on their own target (see {@link Split#trainingData(Catalog)})
     * @param threads threads that rank cases in one trial
     */
    public TrialEvaluator(Split split, Catalog catalog, AlgorithmFactory factory, int k, int threads) {
        this.split = Objects.requireNonNull(split, "split");
        this.data = split.trainingData(catalog);
        this.factory = Objects.requireNonNull(factory, "factory");
        this.evaluator = new Evaluator(split.cases(), threads);
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        this.k = k;
    }

    /** The split trials train and score on. */
    public Split split() {
        return split;
    }

    /** Trains with {@code point} and {@code seed} and scores both tasks. */
    @Override
    public TrialScores score(HyperParameters point, long seed, Progress progress) {
        EmbeddingAlgorithm algorithm = factory.create(point);
        Fit fit = algorithm.train(data, seed, progress);
        EmbeddingScorer scorer = new EmbeddingScorer(algorithm.name(), fit.vectors(), split.training(),
                UserVectors.MODEL, fit.scoring(), fit.userFactors(), fit.outputVectors());
        Metrics i2i = Metrics.of(evaluator.rank(scorer, Task.I2I, Progress.NONE), k);
        Metrics u2i = Metrics.of(evaluator.rank(scorer, Task.U2I, Progress.NONE), k);
        return new TrialScores(i2i.cases(), i2i.hr(), i2i.ndcg(), u2i.hr(), u2i.ndcg(), i2i.coverage());
    }
}
