package org.embrec.eval;

import java.util.Objects;

/**
 * A baseline whose candidates are the items occurring in its training sequences
 * ({@link TrainingItems}): the candidate mapping every baseline shares, so that each states only
 * how it scores. Immutable and thread-safe.
 */
abstract class TrainingItemsScorer implements ItemScorer {
    /** The candidates: items seen in training, in candidate order. */
    protected final TrainingItems items;

    protected TrainingItemsScorer(TrainingItems items) {
        this.items = Objects.requireNonNull(items, "items");
    }

    @Override
    public final int candidateCount() {
        return items.size();
    }

    @Override
    public final String candidateId(int c) {
        return items.id(c);
    }

    @Override
    public final int candidateOf(int item) {
        return items.candidateOf(item);
    }
}
