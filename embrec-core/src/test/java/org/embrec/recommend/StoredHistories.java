package org.embrec.recommend;

import java.util.ArrayList;
import java.util.List;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.UserVectors;
import org.embrec.vectors.EmbeddingStore;

/** Test helper: stored users' histories of a model (items with vectors) and their default user vectors. */
final class StoredHistories {
    private StoredHistories() {}

    /** The newest (up to 20) liked items with vectors of the first {@code count} users with at least 3. */
    static List<List<String>> of(EmbeddingModel model, int count) {
        List<List<String>> out = new ArrayList<>();
        try (Recommender r = Recommender.open(model, null, UserVectors.DEFAULT)) {
            for (int u = 0; out.size() < count; u++) {
                List<String> h = r.history(Integer.toString(u + 1));
                if (h == null) {
                    continue;
                }
                List<String> withVectors = h.stream().filter(model.vectors()::contains).toList();
                if (withVectors.size() >= 3) {
                    out.add(withVectors.subList(Math.max(0, withVectors.size() - 20), withVectors.size()));
                }
            }
        }
        return out;
    }

    /**
     * Recall@k of {@code r}'s recommendations for each history against {@code truth}'s top k ids
     * (each list checked to have k items, none of its history): how close an approximate index
     * comes to a brute-force oracle.
     */
    static double recall(Recommender r, List<List<String>> histories, int k,
            java.util.function.Function<List<String>, List<String>> truth) {
        double hits = 0;
        for (List<String> history : histories) {
            List<String> got = r.forUser(history, k, org.embrec.index.ItemFilter.NONE).items().stream()
                    .map(org.embrec.vectors.Neighbor::id).toList();
            org.assertj.core.api.Assertions.assertThat(got).doesNotContainAnyElementsOf(history).hasSize(k);
            List<String> t = truth.apply(history);
            hits += got.stream().filter(t::contains).count();
        }
        return hits / ((double) k * histories.size());
    }

    /** {@link UserVectors#DEFAULT}'s user vector of {@code history}. */
    static float[] userVector(EmbeddingModel model, List<String> history) {
        EmbeddingStore in = model.vectors();
        int[] rows = history.stream().mapToInt(in::indexOf).toArray();
        float[] u = new float[in.dim()];
        UserVectors.DEFAULT.userVector(in, rows, rows.length, u);
        return u;
    }
}
