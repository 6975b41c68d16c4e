package org.embrec.eval;

import java.util.Objects;
import org.embrec.data.IdMap;
import org.embrec.recommend.UserVectors;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.VectorMath;

/**
 * Scores with an {@link EmbeddingStore}: the candidates are the items that have a vector
 * (candidate index = store row); i2i scores cosine(query, item) and u2i scores
 * cosine(user vector, item) with the user vector made by a {@link UserVectors}; both plus the
 * item's score offset when the store has them (cold-start penalty), as in serving.
 *
 * <p>Immutable and thread-safe; workers hold the user-vector scratch.
 */
public final class EmbeddingScorer implements ItemScorer {
    private final String name;
    private final EmbeddingStore store;
    private final UserVectors rule;
    private final int[] rowOfItem;
    private final VectorMath math = VectorMath.get();

    /**
     * @param itemIds the split's item id map (the store may hold items outside it: they are
     *     candidates too, as cold-start vectors are)
     */
    public EmbeddingScorer(String name, EmbeddingStore store, IdMap itemIds, UserVectors rule) {
        this.name = Objects.requireNonNull(name, "name");
        this.store = Objects.requireNonNull(store, "store");
        this.rule = Objects.requireNonNull(rule, "rule");
        rowOfItem = new int[itemIds.size()];
        for (int i = 0; i < rowOfItem.length; i++) {
            rowOfItem[i] = store.indexOf(itemIds.external(i));
        }
    }

    /** A scorer with PROTOCOL.md's default user-vector rule (mean of the raw vectors). */
    public EmbeddingScorer(String name, EmbeddingStore store, IdMap itemIds) {
        this(name, store, itemIds, UserVectors.MEAN);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int candidateCount() {
        return store.size();
    }

    @Override
    public String candidateId(int c) {
        return store.id(c);
    }

    @Override
    public int candidateOf(int item) {
        return rowOfItem[item];
    }

    private void addOffsets(double[] scores) {
        if (store.hasScoreOffsets()) {
            for (int r = 0, n = store.size(); r < n; r++) {
                scores[r] += store.scoreOffset(r);
            }
        }
    }

    @Override
    public Worker newWorker() {
        return new Worker() {
            private final float[] user = new float[store.dim()];

            @Override
            public void scoreRelated(int query, double[] scores) {
                float[] unit = store.unitMatrix();
                int dim = store.dim();
                int n = store.size();
                int q = query * dim;
                for (int r = 0, off = 0; r < n; r++, off += dim) {
                    scores[r] = math.dot(unit, q, unit, off, dim);
                }
                addOffsets(scores);
            }

            @Override
            public void scoreForUser(int[] history, int length, double[] scores) {
                rule.userVector(store, history, length, user);
                int dim = store.dim();
                float norm = math.norm(user, 0, dim);
                // A zero user vector gives every candidate 0: the tie order then decides.
                float inv = norm > 0 ? 1f / norm : 0f;
                float[] unit = store.unitMatrix();
                int n = store.size();
                for (int r = 0, off = 0; r < n; r++, off += dim) {
                    scores[r] = math.dot(user, 0, unit, off, dim) * inv;
                }
                addOffsets(scores);
            }
        };
    }
}
