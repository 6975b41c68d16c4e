package org.embrec.train;

import org.embrec.sequence.Sequences;

/**
 * What all workers of one training run share: the corpus arrays, the vocabulary mapping, the
 * down-sampling thresholds, the noise sampler and the two weight matrices (updated lock-free).
 */
final class TrainingState {
    final int[] offsets;
    final int[] items;
    final int[] vocabOf;
    /** Keep an occurrence of vocabulary item v when a 32-bit random is below keepBelow[v]. */
    final long[] keepBelow;
    final NoiseSampler noise;
    final float[] syn0;
    final float[] syn1;
    /**
     * With {@link Word2VecConfig.Contexts#SPLIT} the output matrix of the contexts after the
     * centre (discarded after training), else null: {@link #syn1} then learns from the contexts
     * before it only.
     */
    final float[] syn1After;
    final int dim;
    final int window;
    final boolean shrink;
    /** Reduced windows reach distance d with probability 1/d ({@link Word2VecConfig.WindowShape#HARMONIC}). */
    final boolean harmonic;
    final int negative;
    final boolean cbow;
    final boolean computeLoss;
    final boolean sharedNegatives;
    /** Contexts after the output item only ({@link Word2VecConfig.Contexts#AFTER}). */
    final boolean after;

    TrainingState(Sequences corpus, Vocabulary vocab, Word2VecConfig c, float[] syn0, float[] syn1) {
        this.offsets = corpus.offsets();
        this.items = corpus.items();
        this.vocabOf = vocab.indexOfItemArray();
        this.keepBelow = keepThresholds(vocab, c.sample());
        this.noise = new NoiseSampler(vocab.countsArray(), c.nsExponent());
        this.syn0 = syn0;
        this.syn1 = syn1;
        this.syn1After = c.contexts() == Word2VecConfig.Contexts.SPLIT ? new float[syn1.length] : null;
        this.dim = c.dim();
        this.window = c.window();
        this.shrink = c.shrinkWindows();
        this.harmonic = c.windowShape() == Word2VecConfig.WindowShape.HARMONIC;
        this.negative = c.negative();
        this.cbow = c.architecture() == Word2VecConfig.Architecture.CBOW;
        this.computeLoss = c.computeLoss();
        this.sharedNegatives = c.sharedNegatives();
        this.after = c.contexts() == Word2VecConfig.Contexts.AFTER;
    }

    /**
     * gensim's down-sampling: with N retained tokens and t = sample * N, an item of count c is
     * kept with probability min(1, (sqrt(c / t) + 1) * t / c). Scaled to 2^32; values above
     * 2^32 - 1 mean "always keep".
     */
    static long[] keepThresholds(Vocabulary vocab, double sample) {
        long[] keep = new long[vocab.size()];
        double t = sample * vocab.retainedTokens();
        for (int v = 0; v < keep.length; v++) {
            if (sample <= 0) {
                keep[v] = 1L << 32;
                continue;
            }
            double c = vocab.count(v);
            double p = (Math.sqrt(c / t) + 1) * t / c;
            keep[v] = p >= 1.0 ? 1L << 32 : (long) (p * 4294967296.0);
        }
        return keep;
    }
}
