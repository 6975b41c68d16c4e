package org.embrec.eval;

import java.util.Objects;
import java.util.SplittableRandom;
import org.embrec.Progress;
import org.embrec.model.Scoring;
import org.embrec.pipeline.TrainingData;
import org.embrec.vectors.EmbeddingStore;

/**
 * The control for cold start: the same rows as another variant (the behaviour rows, then one row
 * per cold item), but every cold row pointing in a random direction, with its length kept. Its
 * cold-slice HR@10 is what cold start would score if content carried no information, so the real
 * variant's cold slice is read against it rather than against popularity (which never ranks an
 * item with fewer than min-count likes, and so scores 0 there by construction).
 *
 * <p>Cold rows are the rows after the fitted model's, as {@link ColdStartVariant} lays them out.
 * Directions are uniform on the sphere (normalised Gaussian draws), seeded by the evaluation seed.
 * Derived after the variant it controls on the same fit, it reuses that derivation
 * ({@link ColdStartVariant} remembers its last). Immutable and thread-safe.
 */
public final class RandomColdVariant implements StoreVariant {
    /** The suffix of its rows: {@code item2vec+random-cold}. */
    public static final String SUFFIX = "+random-cold";

    private final StoreVariant coldStart;

    /** @param coldStart the variant whose cold rows are replaced by random directions */
    public RandomColdVariant(StoreVariant coldStart) {
        this.coldStart = Objects.requireNonNull(coldStart, "coldStart");
    }

    @Override
    public String suffix() {
        return SUFFIX;
    }

    @Override
    public EmbeddingStore derive(TrainingData data, EmbeddingStore fitted, Scoring scoring, long seed,
            Progress progress) {
        return randomizeFrom(coldStart.derive(data, fitted, scoring, seed, Progress.NONE), fitted.size(), seed);
    }

    /** The controlled variant's output vectors, their cold rows in random directions. */
    @Override
    public EmbeddingStore deriveOutput(TrainingData data, EmbeddingStore fitted, EmbeddingStore output,
            Scoring scoring, long seed, Progress progress) {
        return randomizeFrom(coldStart.deriveOutput(data, fitted, output, scoring, seed, Progress.NONE),
                fitted.size(), seed);
    }

    /**
     * A copy of {@code store} whose rows from {@code firstCold} on keep their length but point in
     * random directions (a zero row stays zero); score offsets are kept.
     */
    static EmbeddingStore randomizeFrom(EmbeddingStore store, int firstCold, long seed) {
        int dim = store.dim();
        float[] m = store.matrix().clone();
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x436F6C64L);
        double[] g = new double[dim];
        for (int r = firstCold; r < store.size(); r++) {
            int o = r * dim;
            double length = 0;
            for (int j = 0; j < dim; j++) {
                length += (double) m[o + j] * m[o + j];
            }
            if (length == 0) {
                continue;
            }
            double drawn;
            do {
                drawn = 0;
                for (int j = 0; j < dim; j++) {
                    g[j] = rnd.nextGaussian();
                    drawn += g[j] * g[j];
                }
            } while (drawn == 0);
            double scale = Math.sqrt(length / drawn);
            for (int j = 0; j < dim; j++) {
                m[o + j] = (float) (g[j] * scale);
            }
        }
        float[] offsets = new float[store.size()];
        for (int r = 0; r < offsets.length; r++) {
            offsets[r] = store.scoreOffset(r);
        }
        return EmbeddingStore.of(store.ids(), m, dim).withScoreOffsets(offsets);
    }
}
