package org.embrec.pipeline;

import java.util.Objects;
import org.embrec.data.Catalog;
import org.embrec.sequence.Sequences;

/**
 * Everything an {@link EmbeddingAlgorithm} may learn from: the training sequences and the side
 * information of the items (titles, genres, years, tags). When evaluating, the catalog's tags
 * no longer hold any tag a test user put on their own target (PROTOCOL.md; the evaluation's
 * {@code Split.trainingData} makes sure of that).
 *
 * <p>Immutable and thread-safe.
 *
 * @param sequences the training sequences (per-user liked items in time order)
 * @param catalog item metadata and the tags allowed (possibly empty)
 */
public record TrainingData(Sequences sequences, Catalog catalog) {
    public TrainingData {
        Objects.requireNonNull(sequences, "sequences");
        Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * The sentences to learn item contexts from: each session of each sequence
     * ({@link Sequences#sentences()}); the sequences themselves without sessions.
     */
    public Sequences sentences() {
        return sequences.sentences();
    }

    /** Training sequences without side information. */
    public static TrainingData of(Sequences sequences) {
        return new TrainingData(sequences, Catalog.empty());
    }
}
