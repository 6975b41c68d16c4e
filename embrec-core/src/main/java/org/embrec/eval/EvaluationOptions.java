package org.embrec.eval;

import org.embrec.EmbrecException;

/**
 * Settings of an evaluation run (PROTOCOL.md): K, the first seed and the number of seeds for
 * trained models (seeds S..S+N-1), and threads for scoring cases.
 *
 * @param k cut-off of HR@K and NDCG@K ({@code --k})
 * @param seed first seed ({@code --seed})
 * @param seeds number of seeds ({@code --seeds})
 * @param threads threads scoring test cases
 */
public record EvaluationOptions(int k, long seed, int seeds, int threads) {
    /** PROTOCOL.md's defaults: K 10, seed 2020, one seed. */
    public static final int DEFAULT_K = 10;
    public static final long DEFAULT_SEED = 2020L;

    public EvaluationOptions {
        if (k < 1) {
            throw new EmbrecException("--k must be >= 1, got " + k);
        }
        if (seeds < 1 || seeds > 1000) {
            throw new EmbrecException("--seeds must be in 1..1000, got " + seeds);
        }
        if (threads < 1) {
            throw new EmbrecException("--threads must be >= 1, got " + threads);
        }
    }

    /** K 10, seed 2020, one seed, all available processors. */
    public static EvaluationOptions defaults() {
        return new EvaluationOptions(DEFAULT_K, DEFAULT_SEED, 1, Runtime.getRuntime().availableProcessors());
    }
}
