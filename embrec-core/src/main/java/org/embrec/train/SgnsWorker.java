package org.embrec.train;

import org.embrec.vectors.VectorMath;

/**
 * One training thread's state and inner loops: skip-gram or CBOW with negative sampling
 * (Mikolov et al. 2013), updating the shared weight matrices without locks (hogwild, Recht et
 * al. 2011). Scratch buffers and the random source are per worker and reused, so the loops do
 * not allocate.
 *
 * <p>Follows gensim's conventions: frequent items are down-sampled per occurrence before windows
 * are formed; the window is reduced to a random 1..window per centre; in skip-gram the
 * <em>context</em> item's input vector is trained against the <em>centre</em> item's output
 * vector and {@code negative} noise items. With {@link Word2VecConfig.Contexts#AFTER} a centre's
 * contexts are the items before it only: every trained pair is (earlier item's input, later
 * item's output), so input(q) . output(c) scores "c follows q". With
 * {@link Word2VecConfig.Contexts#SPLIT} the contexts after the centre train against a second output
 * matrix ({@link TrainingState#syn1After}), so the kept one reads the same way while the input
 * vectors learn from both sides. Not thread-safe: one instance per thread.
 */
final class SgnsWorker {
    private final TrainingState s;
    private final VectorMath math = VectorMath.get();
    private final Rng rng;
    private final int dim;
    private final float[] syn0;
    private final float[] syn1;
    /** The output matrix of contexts after the centre with split contexts, else {@link #syn1}. */
    private final float[] syn1After;
    private final float[] neu1e;
    private final float[] hidden;
    private final int negative;
    private final boolean computeLoss;
    private final NoiseSampler noise;
    private final boolean shared;
    /** Contexts per block of shared-negative updates (see {@link #trainSkipGramShared}). */
    static final int SHARED_BLOCK = 8;

    private int[] buf = new int[256];
    /** Shared-negatives scratch: targets of the current centre, and gradients per (context, target). */
    private final int[] targets;
    private final float[] labels;
    private final float[] grads;
    private double lossSum;
    private long lossPairs;

    SgnsWorker(TrainingState state, long seed) {
        this.s = state;
        this.rng = new Rng(seed);
        this.dim = state.dim;
        this.syn0 = state.syn0;
        this.syn1 = state.syn1;
        this.syn1After = state.syn1After != null ? state.syn1After : state.syn1;
        this.neu1e = new float[dim];
        this.hidden = new float[dim];
        this.negative = state.negative;
        this.computeLoss = state.computeLoss;
        this.noise = state.noise;
        this.shared = state.sharedNegatives && !state.cbow;
        this.targets = new int[negative + 1];
        this.labels = new float[negative + 1];
        this.grads = new float[SHARED_BLOCK * (negative + 1)];
    }

    /** Trains sequences {@code [from, to)} of the corpus at learning rate {@code alpha}. */
    void trainSequences(int from, int to, float alpha) {
        int[] offsets = s.offsets;
        int[] items = s.items;
        int[] vocabOf = s.vocabOf;
        long[] keep = s.keepBelow;
        for (int q = from; q < to; q++) {
            int start = offsets[q];
            int end = offsets[q + 1];
            if (buf.length < end - start) {
                buf = new int[Integer.highestOneBit(end - start) << 1];
            }
            // Retained tokens of this sequence: in the vocabulary and surviving down-sampling.
            int m = 0;
            for (int p = start; p < end; p++) {
                int v = vocabOf[items[p]];
                if (v >= 0 && (keep[v] > 0xFFFFFFFFL || rng.next32() < keep[v])) {
                    buf[m++] = v;
                }
            }
            if (m < 2) {
                continue;
            }
            if (s.cbow) {
                trainCbow(m, alpha);
            } else if (shared) {
                trainSkipGramShared(m, alpha);
            } else {
                trainSkipGram(m, alpha);
            }
        }
    }

    /**
     * Window for one centre of a sequence of {@code m} retained items: with harmonic windows
     * {@link #harmonicWindow} of a uniform draw, up to the window or the whole sequence; else the
     * whole sequence, or (gensim's default) uniform in 1..window, or the window when it does not shrink.
     */
    private int reducedWindow(int m) {
        boolean whole = s.window == Word2VecConfig.WHOLE_SEQUENCE;
        if (s.harmonic) {
            return harmonicWindow(1 - rng.nextDouble(), whole ? m : s.window);
        }
        if (whole) {
            return m;
        }
        return s.shrink ? 1 + rng.nextInt(s.window) : s.window;
    }

    /**
     * The harmonic window for {@code u} uniform in (0, 1]: {@code min(window, floor(1 / u))}, which
     * is at least d with probability 1/d for d in 1..window, so a context at distance d is trained
     * with probability 1/d.
     */
    static int harmonicWindow(double u, int window) {
        double b = 1 / u;
        return b >= window ? window : (int) b;
    }

    private void trainSkipGram(int m, float alpha) {
        for (int i = 0; i < m; i++) {
            int b = reducedWindow(m);
            int lo = Math.max(0, i - b);
            int hi = s.after ? i - 1 : (int) Math.min(m - 1L, (long) i + b);
            int centre = buf[i];
            for (int j = lo; j <= hi; j++) {
                if (j != i) {
                    trainPair(centre, buf[j], j < i ? syn1 : syn1After, alpha);
                }
            }
        }
    }

    /**
     * Skip-gram with the centre's noise items shared across its window (Ji et al. 2016): one set
     * of draws per centre instead of one per pair. The window is processed in blocks of
     * {@link #SHARED_BLOCK} contexts: all scores of a block are computed before its updates
     * (independent dot products pipeline well), then the block's pairs are updated in window
     * order. Bounding the block keeps the gradients fresh: computing a whole long window (say
     * {@code --window all} over a 2,000-item history) from stale scores would push the centre's
     * output row by thousands of uncorrected steps and diverge.
     */
    private void trainSkipGramShared(int m, float alpha) {
        final int d = dim;
        for (int i = 0; i < m; i++) {
            int b = reducedWindow(m);
            int lo = Math.max(0, i - b);
            int hi = s.after ? i - 1 : (int) Math.min(m - 1L, (long) i + b);
            if (hi <= lo && (hi < lo || !s.after)) {
                continue; // no context but the centre itself
            }
            int nt = drawTargets(buf[i]);
            for (int from = lo; from <= hi; from += SHARED_BLOCK) {
                int to = Math.min(hi, from + SHARED_BLOCK - 1);
                int gi = 0;
                for (int j = from; j <= to; j++) {
                    if (j == i) {
                        continue;
                    }
                    int l1 = buf[j] * d;
                    float[] out = j < i ? syn1 : syn1After;
                    for (int k = 0; k < nt; k++) {
                        float f = math.dot(syn0, l1, out, targets[k] * d, d);
                        if (computeLoss) {
                            accumulateLoss(labels[k] == 1f ? f : -f);
                        }
                        grads[gi++] = (labels[k] - SigmoidTable.sigmoid(f)) * alpha;
                    }
                }
                gi = 0;
                for (int j = from; j <= to; j++) {
                    if (j != i) {
                        math.sgdRow(syn0, buf[j] * d, j < i ? syn1 : syn1After, targets, grads, gi, nt, d);
                        gi += nt;
                    }
                }
            }
        }
    }

    /**
     * Fills {@code targets}/{@code labels} with the centre (label 1) and {@code negative} noise
     * draws (label 0), skipping draws equal to the centre as gensim does; returns their count.
     */
    private int drawTargets(int centre) {
        int nt = 0;
        targets[nt] = centre;
        labels[nt++] = 1f;
        for (int k = 0; k < negative; k++) {
            int t = noise.sample(rng.nextLong());
            if (t != centre) {
                targets[nt] = t;
                labels[nt++] = 0f;
            }
        }
        return nt;
    }

    /** One (centre, context) pair: the context's input row against centre + noise rows of {@code out}. */
    private void trainPair(int centre, int context, float[] out, float alpha) {
        final int d = dim;
        final int l1 = context * d;
        java.util.Arrays.fill(neu1e, 0f);
        int nt = drawTargets(centre);
        for (int k = 0; k < nt; k++) {
            int target = targets[k];
            float label = labels[k];
            int l2 = target * d;
            float f = math.dot(syn0, l1, out, l2, d);
            float g = (label - SigmoidTable.sigmoid(f)) * alpha;
            if (computeLoss) {
                accumulateLoss(label == 1f ? f : -f);
            }
            math.sgdStep(g, syn0, l1, out, l2, neu1e, 0, d);
        }
        math.axpy(1f, neu1e, 0, syn0, l1, d);
    }

    private void trainCbow(int m, float alpha) {
        final int d = dim;
        for (int i = 0; i < m; i++) {
            int b = reducedWindow(m);
            int lo = Math.max(0, i - b);
            int hi = s.after ? i - 1 : (int) Math.min(m - 1L, (long) i + b);
            int count = s.after ? hi - lo + 1 : hi - lo;
            if (count <= 0) {
                continue;
            }
            java.util.Arrays.fill(hidden, 0f);
            for (int j = lo; j <= hi; j++) {
                if (j != i) {
                    math.axpy(1f, syn0, buf[j] * d, hidden, 0, d);
                }
            }
            math.scale(1f / count, hidden, 0, d);
            java.util.Arrays.fill(neu1e, 0f);
            int nt = drawTargets(buf[i]);
            for (int k = 0; k < nt; k++) {
                int target = targets[k];
                float label = labels[k];
                int l2 = target * d;
                float f = math.dot(hidden, 0, syn1, l2, d);
                float g = (label - SigmoidTable.sigmoid(f)) * alpha;
                if (computeLoss) {
                    accumulateLoss(label == 1f ? f : -f);
                }
                math.sgdStep(g, hidden, 0, syn1, l2, neu1e, 0, d);
            }
            for (int j = lo; j <= hi; j++) {
                if (j != i) {
                    math.axpy(1f, neu1e, 0, syn0, buf[j] * d, d);
                }
            }
        }
    }

    /** Adds -log(sigma(x)) to the loss, computed exactly (only when loss is requested). */
    private void accumulateLoss(float x) {
        lossSum += x > 0 ? Math.log1p(Math.exp(-x)) : -x + Math.log1p(Math.exp(x));
        lossPairs++;
    }

    /** Loss accumulated since the last call, and resets it: {sum, terms}. */
    double[] drainLoss() {
        double[] out = {lossSum, lossPairs};
        lossSum = 0;
        lossPairs = 0;
        return out;
    }
}
