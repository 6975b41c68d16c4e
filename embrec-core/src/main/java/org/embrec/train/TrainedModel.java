package org.embrec.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.embrec.vectors.EmbeddingStore;

/**
 * Result of a training run: the item vectors (only items in the vocabulary), the config used,
 * and figures about the run.
 *
 * @param outputVectors the output (context) vectors, rows as in {@code vectors}, each with its
 *     candidate bias as an extra last component ({@code Scoring.Candidates#OUTPUT}); null when
 *     the config's scoring is {@link Word2VecConfig.ItemScoring#COSINE}
 * @param rawTokens tokens in the input sequences before min-count removal and down-sampling
 * @param trainSeconds wall-clock seconds of the training loop (vocabulary included)
 * @param epochLoss mean loss per epoch, or an empty array when loss was not computed
 */
public record TrainedModel(EmbeddingStore vectors, EmbeddingStore outputVectors, Word2VecConfig config, long rawTokens, double trainSeconds,
        double[] epochLoss) {

    /**
     * The run's figures as a model's manifest records them ({@code training}): {@code train_seconds},
     * {@code raw_tokens}, {@code tokens_per_second} and, when computed, {@code epoch_loss}.
     */
    public Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("train_seconds", trainSeconds);
        figures.put("raw_tokens", rawTokens);
        figures.put("tokens_per_second", tokensPerSecond());
        if (epochLoss != null && epochLoss.length > 0) {
            figures.put("epoch_loss", epochLoss.clone());
        }
        return figures;
    }

    /** Raw tokens times epochs per training second (PROTOCOL.md's throughput figure). */
    public double tokensPerSecond() {
        return trainSeconds > 0 ? rawTokens * (double) config.epochs() / trainSeconds : 0;
    }
}
