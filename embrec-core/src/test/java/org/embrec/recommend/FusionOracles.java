package org.embrec.recommend;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.embrec.model.RankFusion;

/**
 * Test helper for brute-force rank-fusion oracles: where float rounding may swap two rows' ranks,
 * and the top rows of a score array.
 */
final class FusionOracles {
    /** Part scores closer than this may rank either way between the search and an oracle. */
    static final double EPS = 1e-6;

    private FusionOracles() {}

    /**
     * Rows among the first {@code DEPTH + k} of {@code rows} by {@code score} within {@link #EPS}
     * of a neighbour in that order: the search and the oracle add the components in different
     * orders, so such rows may swap ranks.
     */
    static Set<Integer> nearTies(double[] score, List<Integer> rows, int k) {
        List<Integer> order = rows.stream().sorted(Comparator.comparingDouble((Integer r) -> -score[r]))
                .limit(RankFusion.DEPTH + k).toList();
        Set<Integer> out = new HashSet<>();
        for (int i = 1; i < order.size(); i++) {
            if (score[order.get(i - 1)] - score[order.get(i)] < EPS) {
                out.add(order.get(i - 1));
                out.add(order.get(i));
            }
        }
        return out;
    }

    /** The first {@code k} rows by score descending, equal scores by lower row. */
    static List<Integer> topRows(double[] scores, int k) {
        return IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble((Integer r) -> -scores[r]).thenComparingInt(r -> r)).limit(k)
                .toList();
    }
}
