package org.embrec.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Neighbor;

/**
 * Related items and personal recommendations from one set of item vectors (DESIGN.md):
 * exact cosine search that leaves out the query item, or the whole history, by id (never by
 * dropping the first result). A user is a history of item ids, oldest first: an account's liked
 * sequence, or any ad-hoc list (a user without an account). The user vector follows a
 * {@link UserVectors} rule over the history items that have vectors; when none has, the most
 * popular items are returned instead, marked as such.
 *
 * <p>Immutable and thread-safe.
 */
public final class Recommender {
    private final EmbeddingStore vectors;
    private final UserVectors rule;
    private final Popularity popularity;

    /**
     * @param popularity the fallback for histories without vectors ({@link Popularity#empty()}:
     *     none, an empty list is returned then)
     */
    public Recommender(EmbeddingStore vectors, UserVectors rule, Popularity popularity) {
        this.vectors = Objects.requireNonNull(vectors, "vectors");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.popularity = Objects.requireNonNull(popularity, "popularity");
    }

    public EmbeddingStore vectors() {
        return vectors;
    }

    public UserVectors rule() {
        return rule;
    }

    /**
     * The {@code k} items most cosine-similar to {@code item}, best first, never the item
     * itself, only rows the filter accepts (null: all).
     *
     * @throws IllegalArgumentException when the item has no vector or {@code k < 1}
     */
    public List<Neighbor> similarItems(String item, int k, IntPredicate filter) {
        return vectors.mostSimilar(item, k, filter);
    }

    /**
     * The {@code k} items with the highest cosine to the user vector of {@code history}, best
     * first, never an item of the history; only rows the filter accepts (null: all). Repeated
     * history items count as often as they occur.
     *
     * @throws IllegalArgumentException when {@code k < 1}
     */
    public Recommendations forUser(List<String> history, int k, IntPredicate filter) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        int[] rows = new int[history.size()];
        int length = 0;
        List<String> used = new ArrayList<>();
        Set<String> withoutVector = new LinkedHashSet<>();
        for (String id : history) {
            int row = vectors.indexOf(id);
            if (row >= 0) {
                rows[length++] = row;
                used.add(id);
            } else {
                withoutVector.add(id);
            }
        }
        if (length == 0) {
            List<Neighbor> top = popularity.top(k, new HashSet<>(history), filter);
            return new Recommendations(top, true, used, List.copyOf(withoutVector));
        }
        float[] user = new float[vectors.dim()];
        rule.userVector(vectors, rows, length, user);
        int[] exclude = Arrays.copyOf(rows, length);
        List<Neighbor> top = vectors.mostSimilar(user, k, filter, exclude);
        return new Recommendations(top, false, used, List.copyOf(withoutVector));
    }
}
