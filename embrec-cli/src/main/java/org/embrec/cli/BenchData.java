package org.embrec.cli;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.embrec.EmbrecException;
import org.embrec.index.SearchSpace;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelDirectory;
import org.embrec.model.Scoring;
import org.embrec.recommend.CandidateVectors;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Similarity;

/**
 * Vectors and queries for {@code bench-index}: {@code exclude[q]} is the row query q must not
 * return (its own item when queries are model items), or null for queries from outside the set;
 * {@code similarity} is what the indexes rank by.
 */
record BenchData(EmbeddingStore store, float[] queries, int[] exclude, Similarity similarity, String description) {
    /**
     * The vectors the model's item queries are scored against ({@link CandidateVectors#indexed}:
     * what {@code embrec index} indexes), by their similarity; queries are up to {@code count} of
     * its items (a seeded sample) as the model queries with them ({@link Scoring#candidateQuery}),
     * each excluding itself.
     */
    static BenchData fromModel(Path dir, int count, long seed) {
        EmbeddingModel model;
        try {
            model = ModelDirectory.read(dir);
        } catch (EmbrecException e) {
            throw new EmbrecException("--model " + e.getMessage(), e);
        }
        EmbeddingStore items = model.vectors();
        SearchSpace space = CandidateVectors.indexed(model);
        EmbeddingStore store = space.vectors();
        int n = store.size();
        int q = Math.min(count, n);
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < q; i++) { // partial Fisher-Yates: rows[0..q) is a uniform sample
            int j = i + rnd.nextInt(n - i);
            int t = rows[i];
            rows[i] = rows[j];
            rows[j] = t;
        }
        int dim = store.dim();
        float[] queries = new float[q * dim];
        int[] exclude = new int[q];
        for (int i = 0; i < q; i++) {
            float[] query = model.scoring().candidateQuery(items.matrix(), rows[i] * items.dim(), items.dim(), false);
            System.arraycopy(query, 0, queries, i * dim, dim);
            exclude[i] = rows[i];
        }
        return new BenchData(store, queries, exclude, space.similarity(), "model " + dir.getFileName() + ", "
                + space.describe() + ", queries are its items");
    }
}
