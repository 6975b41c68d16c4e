package org.embrec.eval;

import org.embrec.sequence.Sequences;

/**
 * Brute-force oracle of {@link CooccurrenceBaseline}: a dense binary user x item matrix and a
 * dense item x item co-occurrence matrix, with PROTOCOL.md's formulas evaluated literally
 * (u2i: the sum over the user's distinct items, in time order, of co(i,j) / sqrt(n_i * n_j)).
 */
final class DenseCooccurrenceOracle implements ItemScorer {
    private final TrainingItems items;
    private final int[] n;
    private final int[][] co;

    DenseCooccurrenceOracle(Sequences training) {
        items = new TrainingItems(training);
        int cands = items.size();
        boolean[][] matrix = new boolean[training.count()][cands];
        for (int s = 0; s < training.count(); s++) {
            for (int p = training.start(s); p < training.end(s); p++) {
                matrix[s][items.candidateOf(training.items()[p])] = true;
            }
        }
        n = new int[cands];
        co = new int[cands][cands];
        for (boolean[] row : matrix) {
            for (int a = 0; a < cands; a++) {
                if (!row[a]) {
                    continue;
                }
                n[a]++;
                for (int b = 0; b < cands; b++) {
                    if (row[b]) {
                        co[a][b]++;
                    }
                }
            }
        }
    }

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public int candidateCount() {
        return items.size();
    }

    @Override
    public String candidateId(int c) {
        return items.id(c);
    }

    @Override
    public int candidateOf(int item) {
        return items.candidateOf(item);
    }

    double related(int q, int j) {
        return co[q][j] / Math.sqrt((double) ((long) n[q] * n[j]));
    }

    @Override
    public Worker newWorker() {
        return new Worker() {
            @Override
            public void scoreRelated(int query, double[] scores) {
                for (int j = 0; j < items.size(); j++) {
                    scores[j] = related(query, j);
                }
            }

            @Override
            public void scoreForUser(int[] history, int length, double[] scores) {
                java.util.Set<Integer> seen = new java.util.HashSet<>();
                java.util.Arrays.fill(scores, 0, items.size(), 0.0);
                for (int h = 0; h < length; h++) {
                    if (seen.add(history[h])) {
                        for (int j = 0; j < items.size(); j++) {
                            scores[j] += related(history[h], j);
                        }
                    }
                }
            }
        };
    }
}
