package org.embrec.train;

import org.embrec.vectors.EmbeddingStore;

/**
 * Result of a training run: the item vectors (only items in the vocabulary), the config used,
 * and figures about the run.
 *
 * @param rawTokens tokens in the input sequences before min-count removal and down-sampling
 * @param trainSeconds wall-clock seconds of the training loop (vocabulary included)
 * @param epochLoss mean loss per epoch, or an empty array when loss was not computed
 */
public record TrainedModel(EmbeddingStore vectors, Word2VecConfig config, long rawTokens, double trainSeconds,
        double[] epochLoss) {

    /** Raw tokens times epochs per training second (PROTOCOL.md's throughput figure). */
    public double tokensPerSecond() {
        return trainSeconds > 0 ? rawTokens * (double) config.epochs() / trainSeconds : 0;
    }
}
