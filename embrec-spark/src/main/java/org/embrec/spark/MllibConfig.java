package org.embrec.spark;

import org.embrec.EmbrecException;

/**
 * Settings of Spark MLlib's {@code Word2Vec} as embrec uses it: skip-gram with hierarchical
 * softmax, no down-sampling, a reduced window drawn uniformly from 1..window per centre (as
 * gensim's). Field names follow embrec's {@code Word2VecConfig} where the meaning is the same;
 * saved in the model's manifest (snake_case) with the fixed choices MLlib makes.
 *
 * <p>Immutable; validated on construction (messages name the flag).
 *
 * @param dim vector size ({@code --dim}, MLlib vectorSize)
 * @param window largest centre-context distance ({@code --window}, MLlib windowSize)
 * @param minCount items with fewer training occurrences get no vector ({@code --min-count})
 * @param maxVocab keep only the most frequent items, 0 = all ({@code --max-vocab}); applied by
 *     embrec before MLlib sees the corpus, so removed items never enter a window
 * @param epochs passes over the corpus ({@code --epochs}, MLlib numIterations)
 * @param alpha initial learning rate ({@code --alpha}, MLlib stepSize); MLlib decays it linearly
 *     to {@code alpha * 1e-4} over all epochs
 * @param partitions MLlib numPartitions ({@code --train-partitions}): each partition trains a
 *     copy of the model on its share of the corpus and the copies are averaged after each epoch
 * @param maxSentenceLength longer sequences are cut into pieces of this length
 *     ({@code --max-sentence-length}, MLlib's default 1000)
 * @param seed random seed of the initial vectors and the windows ({@code --seed})
 */
public record MllibConfig(int dim, int window, int minCount, int maxVocab, int epochs, double alpha, int partitions,
        int maxSentenceLength, long seed) {

    /** What MLlib always does, recorded in the manifest beside the settings. */
    public static final String LOSS = "hierarchical-softmax";

    public MllibConfig {
        require(dim >= 1 && dim <= 4096, "--dim must be in 1..4096, got " + dim);
        require(window >= 1 && window <= 1000, "--window must be in 1..1000, got " + window);
        require(minCount >= 1, "--min-count must be >= 1, got " + minCount);
        require(maxVocab >= 0, "--max-vocab must be >= 0 (0 = no limit), got " + maxVocab);
        require(epochs >= 1 && epochs <= 10_000, "--epochs must be in 1..10000, got " + epochs);
        require(alpha > 0 && alpha <= 1, "--alpha must be in (0, 1], got " + alpha);
        require(partitions >= 1 && partitions <= 10_000, "--train-partitions must be in 1..10000, got " + partitions);
        require(maxSentenceLength >= 2, "--max-sentence-length must be >= 2, got " + maxSentenceLength);
    }

    /** gensim's item2vec defaults where MLlib has the setting; one training partition. */
    public static MllibConfig defaults() {
        return new MllibConfig(100, 5, 5, 0, 5, 0.025, 1, 1000, 2020L);
    }

    /** The learning rate MLlib ends at (its floor: alpha x 1e-4). */
    public double minAlpha() {
        return alpha * 1e-4;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new EmbrecException(message);
        }
    }
}
