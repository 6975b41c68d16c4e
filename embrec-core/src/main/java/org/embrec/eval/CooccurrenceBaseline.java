package org.embrec.eval;

import java.util.Arrays;
import org.embrec.sequence.Sequences;

/**
 * PROTOCOL.md's co-occurrence item-kNN baseline over the binary user x item training matrix:
 * with n_j the number of training sequences containing j and co(q, j) the number containing
 * both, i2i scores {@code co(q, j) / sqrt(n_q * n_j)} (long product, double square root, one
 * division) and u2i scores the sum of that over the user's distinct training items.
 *
 * <p>Sparse: the matrix is held as inverted lists in both directions (items per sequence,
 * sequences per item) and a query's co-occurrence row is counted on demand, in time
 * proportional to the entries it touches. u2i uses the regrouping
 * {@code sum_i co(i,j)/sqrt(n_i n_j) = (1/sqrt n_j) * sum_{u contains j} w_u} with
 * {@code w_u = sum_{i in history and u} 1/sqrt(n_i)}, which is the same sum (equal up to
 * floating-point rounding) at the cost of one pass over the touched sequences.
 *
 * <p>Immutable and thread-safe; workers hold the scratch arrays.
 */
public final class CooccurrenceBaseline extends TrainingItemsScorer {
    /** The name in reports. */
    public static final String NAME = "cooccurrence";

    /** Distinct candidates of sequence s: seqItems[seqOffsets[s] .. seqOffsets[s+1]). */
    private final int[] seqOffsets;
    private final int[] seqItems;
    /** Sequences containing candidate c: itemSeqs[itemOffsets[c] .. itemOffsets[c+1]). */
    private final int[] itemOffsets;
    private final int[] itemSeqs;

    public CooccurrenceBaseline(Sequences training) {
        super(new TrainingItems(training));
        Lists lists = Lists.of(training, items);
        seqOffsets = lists.seqOffsets();
        seqItems = lists.seqItems();
        itemOffsets = lists.itemOffsets();
        itemSeqs = lists.itemSeqs();
    }

    /**
     * The binary sequence x candidate matrix as inverted lists both ways: the distinct
     * candidates of sequence s are {@code seqItems[seqOffsets[s] .. seqOffsets[s+1])} (first-seen
     * order), the sequences containing candidate c {@code itemSeqs[itemOffsets[c] ..
     * itemOffsets[c+1])} (ascending). Shared by the sparse baselines; arrays are owned, read-only.
     */
    record Lists(int[] seqOffsets, int[] seqItems, int[] itemOffsets, int[] itemSeqs) {
        static Lists of(Sequences training, TrainingItems items) {
            int seqs = training.count();
            int cands = items.size();
            int[] src = training.items();
            int[] lastSeen = new int[cands];
            Arrays.fill(lastSeen, -1);
            int[] seqOffsets = new int[seqs + 1];
            int[] distinct = new int[src.length];
            int[] perItem = new int[cands + 1];
            int out = 0;
            for (int s = 0; s < seqs; s++) {
                for (int p = training.start(s); p < training.end(s); p++) {
                    int c = items.candidateOf(src[p]);
                    if (lastSeen[c] != s) {
                        lastSeen[c] = s;
                        distinct[out++] = c;
                        perItem[c + 1]++;
                    }
                }
                seqOffsets[s + 1] = out;
            }
            int[] seqItems = Arrays.copyOf(distinct, out);
            int[] itemOffsets = new int[cands + 1];
            for (int c = 0; c < cands; c++) {
                itemOffsets[c + 1] = itemOffsets[c] + perItem[c + 1];
            }
            int[] itemSeqs = new int[out];
            int[] fill = Arrays.copyOf(itemOffsets, cands);
            for (int s = 0; s < seqs; s++) {
                for (int p = seqOffsets[s]; p < seqOffsets[s + 1]; p++) {
                    itemSeqs[fill[seqItems[p]]++] = s;
                }
            }
            return new Lists(seqOffsets, seqItems, itemOffsets, itemSeqs);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** n_c: the number of training sequences containing candidate {@code c}. */
    public int sequencesWith(int c) {
        return itemOffsets[c + 1] - itemOffsets[c];
    }

    @Override
    public Worker newWorker() {
        return new CoWorker();
    }

    /** Scratch for one thread: co-occurrence counters, touched lists, per-sequence weights. */
    private final class CoWorker implements Worker {
        private final int[] co = new int[items.size()];
        private final int[] touched = new int[items.size()];
        private final int[] stamp = new int[items.size()];
        private int currentStamp;
        private final double[] weight = new double[seqOffsets.length - 1];
        private final int[] touchedSeqs = new int[seqOffsets.length - 1];

        @Override
        public void scoreRelated(int query, double[] scores) {
            int cands = items.size();
            Arrays.fill(scores, 0, cands, 0.0);
            int nt = 0;
            for (int p = itemOffsets[query]; p < itemOffsets[query + 1]; p++) {
                int s = itemSeqs[p];
                for (int k = seqOffsets[s]; k < seqOffsets[s + 1]; k++) {
                    int j = seqItems[k];
                    if (co[j]++ == 0) {
                        touched[nt++] = j;
                    }
                }
            }
            long nq = sequencesWith(query);
            for (int t = 0; t < nt; t++) {
                int j = touched[t];
                scores[j] = co[j] / Math.sqrt((double) (nq * sequencesWith(j)));
                co[j] = 0;
            }
        }

        @Override
        public void scoreForUser(int[] history, int length, double[] scores) {
            if (++currentStamp == 0) {
                Arrays.fill(stamp, 0);
                currentStamp = 1;
            }
            int nt = 0;
            for (int h = 0; h < length; h++) {
                int i = history[h];
                if (stamp[i] == currentStamp) {
                    continue; // binary matrix: a repeated item counts once
                }
                stamp[i] = currentStamp;
                double w = 1.0 / Math.sqrt(sequencesWith(i));
                for (int p = itemOffsets[i]; p < itemOffsets[i + 1]; p++) {
                    int s = itemSeqs[p];
                    if (weight[s] == 0) {
                        touchedSeqs[nt++] = s;
                    }
                    weight[s] += w;
                }
            }
            int cands = items.size();
            Arrays.fill(scores, 0, cands, 0.0);
            for (int t = 0; t < nt; t++) {
                int s = touchedSeqs[t];
                double w = weight[s];
                weight[s] = 0;
                for (int k = seqOffsets[s]; k < seqOffsets[s + 1]; k++) {
                    scores[seqItems[k]] += w;
                }
            }
            for (int j = 0; j < cands; j++) {
                scores[j] /= Math.sqrt(sequencesWith(j));
            }
        }
    }
}
