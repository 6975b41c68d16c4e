package org.embrec.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.embrec.data.Catalog;
import org.embrec.sequence.Sequences;

/**
 * Everything an {@link EmbeddingAlgorithm} may learn from: the training sequences and the side
 * information of the items (titles, genres, years, tags). When evaluating, the catalog's tags
 * no longer hold any tag a test user put on their own target (PROTOCOL.md); the
 * {@link EvaluationSuite} makes sure of that.
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

    /** Training sequences without side information. */
    public static TrainingData of(Sequences sequences) {
        return new TrainingData(sequences, Catalog.empty());
    }

    /**
     * The training data of a split: its training sequences, and the catalog without the tags
     * test users put on their own targets (and, for a validation split made from a test split,
     * pass the catalog already filtered for the test split: both guards then hold).
     */
    public static TrainingData of(Split split, Catalog catalog) {
        return new TrainingData(split.training(),
                new Catalog(itemMap(catalog), split.withoutTargetTags(catalog.tags())));
    }

    private static Map<String, Catalog.Item> itemMap(Catalog catalog) {
        Map<String, Catalog.Item> m = new LinkedHashMap<>();
        for (Catalog.Item it : catalog.items()) {
            m.put(it.id(), it);
        }
        return m;
    }
}
