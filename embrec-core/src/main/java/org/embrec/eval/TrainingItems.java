package org.embrec.eval;

import org.embrec.data.IdMap;
import org.embrec.sequence.Sequences;

/**
 * The baselines' candidate set: the items that occur in the training sequences, numbered
 * {@code 0..size()-1} in ascending dense item id order.
 *
 * <p>Immutable and thread-safe; arrays returned are read-only views.
 */
final class TrainingItems {
    private final IdMap itemIds;
    private final int[] itemOf;
    private final int[] candidateOf;

    TrainingItems(Sequences training) {
        this.itemIds = training.itemIds();
        int n = itemIds.size();
        candidateOf = new int[n];
        java.util.Arrays.fill(candidateOf, -1);
        for (int it : training.items()) {
            candidateOf[it] = 0;
        }
        int size = 0;
        for (int i = 0; i < n; i++) {
            if (candidateOf[i] == 0) {
                candidateOf[i] = size++;
            }
        }
        itemOf = new int[size];
        for (int i = 0; i < n; i++) {
            if (candidateOf[i] >= 0) {
                itemOf[candidateOf[i]] = i;
            }
        }
    }

    int size() {
        return itemOf.length;
    }

    /** Candidate index of a dense item id, or -1 when the item is not in training. */
    int candidateOf(int item) {
        return candidateOf[item];
    }

    /** Dense item id of a candidate. */
    int item(int c) {
        return itemOf[c];
    }

    String id(int c) {
        return itemIds.external(itemOf[c]);
    }
}
