package org.embrec.eval;

import org.embrec.Progress;
import org.embrec.sequence.Sequences;
import org.embrec.vectors.EmbeddingStore;

/**
 * A way to learn item vectors from training sequences (item2vec, DeepWalk, node2vec, content,
 * ...), so that {@code evaluate --algo NAME} can train and measure any of them the same way.
 *
 * <p>Implementations hold only their immutable configuration and are thread-safe; each
 * {@link #fit} call is independent.
 */
public interface EmbeddingAlgorithm {
    /** The {@code --algo} value, used as the model name in reports. */
    String name();

    /**
     * Learns vectors from {@code training} only (never from test targets), with the given seed.
     * Items the algorithm leaves out (below its min-count, say) have no vector.
     */
    EmbeddingStore fit(Sequences training, long seed, Progress progress);

    /**
     * Learns vectors from the training data: the sequences and, for algorithms that use it, the
     * items' side information. By default only the sequences are used.
     */
    default EmbeddingStore fit(TrainingData data, long seed, Progress progress) {
        return fit(data.sequences(), seed, progress);
    }

    /**
     * Targets with fewer training occurrences than this form the {@code cold} slice (the
     * algorithm's min-count; 1 disables the slice).
     */
    default int coldThreshold() {
        return 1;
    }
}
