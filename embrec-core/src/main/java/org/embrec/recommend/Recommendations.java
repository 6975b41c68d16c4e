package org.embrec.recommend;

import java.util.List;
import org.embrec.vectors.Neighbor;

/**
 * The answer to a user query: the recommended items, best first, and how they were found.
 * Immutable.
 *
 * @param items recommended items, best first; their scores are the model's user similarity
 *     (cosine, or the inner product for ALS: {@link org.embrec.model.Scoring#users()}), or user
 *     counts when {@code popularityFallback} is true
 * @param popularityFallback true when no history item had a vector, so the items are the most
 *     popular ones instead
 * @param used history items whose vectors made the user vector, oldest first
 * @param withoutVector history items without a vector (ignored for the user vector, but
 *     never recommended)
 * @param query how the user's query vector was made: the user-vector rule
 *     ({@code recency(half-life 1)}, {@code mean}, ...), {@code user-factors} (a stored user's
 *     factors) or {@code fold-in} (factors solved for the list)
 * @param because when explanations were asked ({@link Controls#explain()}), one list per item
 *     of {@code items} (same order): the history items behind it ({@link Explanations}); else empty
 */
public record Recommendations(List<Neighbor> items, boolean popularityFallback, List<String> used,
        List<String> withoutVector, String query, List<List<Explanations.Because>> because) {
    public Recommendations {
        java.util.Objects.requireNonNull(query, "query");
        items = List.copyOf(items);
        used = List.copyOf(used);
        withoutVector = List.copyOf(withoutVector);
        because = List.copyOf(because);
        if (!because.isEmpty() && because.size() != items.size()) {
            throw new IllegalArgumentException("expected " + items.size() + " explanations, got " + because.size());
        }
    }

    /** Recommendations without explanations. */
    public Recommendations(List<Neighbor> items, boolean popularityFallback, List<String> used,
            List<String> withoutVector, String query) {
        this(items, popularityFallback, used, withoutVector, query, List.of());
    }
}
