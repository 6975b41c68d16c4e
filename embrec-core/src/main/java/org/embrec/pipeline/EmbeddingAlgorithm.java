package org.embrec.pipeline;

import java.util.Map;
import org.embrec.Progress;
import org.embrec.model.Scoring;
import org.embrec.sequence.Sequences;
import org.embrec.vectors.EmbeddingStore;

/**
 * A way to learn item vectors from training sequences (item2vec, DeepWalk, node2vec, content,
 * ...), so that every command trains, describes and measures any of them the same way. Built
 * from an {@link AlgorithmSpec} by {@link Algorithms}, the one place that knows the kinds;
 * {@link #fit} gives the vectors alone (what evaluation needs), {@link #train} everything a model
 * directory records.
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
     * The algorithm's settings as a model's manifest records them ({@code config}: each
     * setting named as its flag, JSON values); empty for algorithms that have none to record.
     */
    default Map<String, Object> describe() {
        return Map.of();
    }

    /**
     * Learns vectors as {@link #fit} does and returns them with the settings ({@link #describe})
     * and the figures of the run: {@code train_seconds}, and for word2vec-trained algorithms
     * {@code raw_tokens}, {@code tokens_per_second} and {@code epoch_loss} when computed.
     */
    default Fit train(TrainingData data, long seed, Progress progress) {
        long t0 = System.nanoTime();
        EmbeddingStore vectors = fit(data, seed, progress);
        return new Fit(vectors, describe(), Map.of("train_seconds", (System.nanoTime() - t0) / 1e9));
    }

    /**
     * How the models of this algorithm score (known before fitting; every {@link Fit} of it
     * carries the same): {@link Scoring#DEFAULT} for embedding models.
     */
    default Scoring scoring() {
        return Scoring.DEFAULT;
    }

    /**
     * Targets with fewer training occurrences than this form the {@code cold} slice (the
     * algorithm's min-count; 1 disables the slice).
     */
    default int coldThreshold() {
        return 1;
    }
}
