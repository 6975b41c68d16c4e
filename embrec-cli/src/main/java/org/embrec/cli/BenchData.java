package org.embrec.cli;

import java.nio.file.Path;
import org.embrec.EmbrecException;
import org.embrec.vectors.EmbeddingStore;

/**
 * Vectors and queries for {@code bench-index}: {@code exclude[q]} is the row query q must not
 * return (its own item when queries are model items), or null for queries from outside the set.
 */
record BenchData(EmbeddingStore store, float[] queries, int[] exclude, String description) {
    static BenchData fromModel(Path model, int queries, long seed) {
        throw new EmbrecException("--model: model directories are not available in this build yet");
    }
}
