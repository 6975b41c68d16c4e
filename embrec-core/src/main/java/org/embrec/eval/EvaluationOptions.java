package org.embrec.eval;

import org.embrec.EmbrecException;

/**
 * Settings of an evaluation run (PROTOCOL.md): K, the first seed and the number of seeds for
 * trained models (seeds S..S+N-1), threads for scoring cases, and the baselines to run.
 *
 * @param k cut-off of HR@K and NDCG@K ({@code --k})
 * @param seed first seed ({@code --seed})
 * @param seeds number of seeds ({@code --seeds})
 * @param threads threads scoring test cases
 * @param baselines the baselines and how the tuned ones are set
 */
public record EvaluationOptions(int k, long seed, int seeds, int threads, BaselineOptions baselines) {
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
        java.util.Objects.requireNonNull(baselines, "baselines");
    }

    /** Options with every baseline, tuned on the validation split ({@link BaselineOptions#defaults()}). */
    public EvaluationOptions(int k, long seed, int seeds, int threads) {
        this(k, seed, seeds, threads, BaselineOptions.defaults());
    }

    /** These options with other baselines. */
    public EvaluationOptions withBaselines(BaselineOptions newBaselines) {
        return new EvaluationOptions(k, seed, seeds, threads, newBaselines);
    }

    /** K 10, seed 2020, one seed, all available processors. */
    public static EvaluationOptions defaults() {
        return new EvaluationOptions(DEFAULT_K, DEFAULT_SEED, 1, Runtime.getRuntime().availableProcessors());
    }
}
