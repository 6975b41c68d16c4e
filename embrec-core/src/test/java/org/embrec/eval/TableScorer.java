package org.embrec.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embrec.data.IdMap;

/**
 * A test scorer with a fixed score per candidate id, whatever the query; it records the
 * histories it was given. Candidates are numbered in the map's order (not sorted by id).
 */
final class TableScorer implements ItemScorer {
    private final String[] ids;
    private final double[] fixed;
    private final int[] candidateOf;
    final List<List<String>> histories = new ArrayList<>();

    TableScorer(IdMap itemIds, Map<String, Double> scores) {
        Map<String, Double> copy = new LinkedHashMap<>(scores);
        ids = copy.keySet().toArray(String[]::new);
        fixed = new double[ids.length];
        for (int c = 0; c < ids.length; c++) {
            fixed[c] = copy.get(ids[c]);
        }
        candidateOf = new int[itemIds.size()];
        for (int i = 0; i < candidateOf.length; i++) {
            candidateOf[i] = java.util.Arrays.asList(ids).indexOf(itemIds.external(i));
        }
    }

    @Override
    public String name() {
        return "table";
    }

    @Override
    public int candidateCount() {
        return ids.length;
    }

    @Override
    public String candidateId(int c) {
        return ids[c];
    }

    @Override
    public int candidateOf(int item) {
        return candidateOf[item];
    }

    @Override
    public Worker newWorker() {
        return new Worker() {
            @Override
            public void scoreRelated(int query, double[] scores) {
                System.arraycopy(fixed, 0, scores, 0, fixed.length);
            }

            @Override
            public void scoreForUser(int[] history, int length, double[] scores) {
                List<String> h = new ArrayList<>();
                for (int i = 0; i < length; i++) {
                    h.add(ids[history[i]]);
                }
                synchronized (histories) {
                    histories.add(h);
                }
                System.arraycopy(fixed, 0, scores, 0, fixed.length);
            }
        };
    }
}
