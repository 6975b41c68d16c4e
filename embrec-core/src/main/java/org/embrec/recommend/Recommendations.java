package org.embrec.recommend;

import java.util.List;
import org.embrec.vectors.Neighbor;

/**
 * The answer to a user query: the recommended items, best first, and how they were found.
 * Immutable.
 *
 * @param items recommended items, best first; their scores are cosines, or user counts when
 *     {@code popularityFallback} is true
 * @param popularityFallback true when no history item had a vector, so the items are the most
 *     popular ones instead
 * @param used history items whose vectors made the user vector, oldest first
 * @param withoutVector history items without a vector (ignored for the user vector, but
 *     never recommended)
 */
public record Recommendations(List<Neighbor> items, boolean popularityFallback, List<String> used,
        List<String> withoutVector) {
    public Recommendations {
        items = List.copyOf(items);
        used = List.copyOf(used);
        withoutVector = List.copyOf(withoutVector);
    }
}
