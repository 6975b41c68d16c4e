package org.embrec.vectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.embrec.data.IdMap;

/**
 * Immutable set of item vectors keyed by external id (gensim's {@code KeyedVectors}): only items
 * that have a vector are present, never zero placeholders. It holds the vectors and their unit
 * copies; searching them is the job of {@link org.embrec.index.VectorIndex} (exact:
 * {@link org.embrec.index.ExactIndex}).
 *
 * <p>A store may carry a <em>score offset</em> per row ({@link #withScoreOffsets}): added to the
 * cosine wherever rows are ranked ({@link org.embrec.index.OffsetIndex} over any index, and
 * evaluation), it lets cold-start rows compete at a handicap. Without offsets, scores are cosines.
 *
 * <p>Thread-safe: nothing changes after construction. Rows are dense ints {@code 0..size()-1}
 * in the order of {@link #ids()}.
 */
public final class EmbeddingStore {
    private final IdMap ids;
    private final int dim;
    private final float[] vectors;
    private final float[] unit;
    /** Score offset per row, or null when every row's is 0. */
    private final float[] offsets;
    private final VectorMath math = VectorMath.get();

    private EmbeddingStore(IdMap ids, int dim, float[] vectors) {
        this(ids, dim, vectors, normalisedCopy(vectors, dim), null);
    }

    private EmbeddingStore(IdMap ids, int dim, float[] vectors, float[] unit, float[] offsets) {
        this.ids = ids;
        this.dim = dim;
        this.vectors = vectors;
        this.unit = unit;
        this.offsets = offsets;
    }

    /**
     * This store with a score offset per row ({@code offsets.length == size()}, copied; all
     * zero: none), sharing the vectors.
     *
     * @throws IllegalArgumentException on a length mismatch or a non-finite offset
     */
    public EmbeddingStore withScoreOffsets(float[] offsets) {
        if (offsets.length != size()) {
            throw new IllegalArgumentException("expected " + size() + " score offsets, got " + offsets.length);
        }
        boolean any = false;
        for (int r = 0; r < offsets.length; r++) {
            if (!Float.isFinite(offsets[r])) {
                throw new IllegalArgumentException("non-finite score offset for '" + id(r) + "'");
            }
            any |= offsets[r] != 0f;
        }
        return new EmbeddingStore(ids, dim, vectors, unit, any ? offsets.clone() : null);
    }

    /**
     * This store with score offset {@code offset} on the rows of {@code ids} and 0 on all others
     * (ids without a vector are ignored), sharing the vectors.
     */
    public EmbeddingStore withScoreOffset(Collection<String> ids, float offset) {
        float[] offsets = new float[size()];
        for (String id : ids) {
            int row = indexOf(id);
            if (row >= 0) {
                offsets[row] = offset;
            }
        }
        return withScoreOffsets(offsets);
    }

    /** The score offset of {@code row} (0 for stores without offsets). */
    public float scoreOffset(int row) {
        return offsets == null ? 0f : offsets[row];
    }

    /** True when some row has a non-zero score offset. */
    public boolean hasScoreOffsets() {
        return offsets != null;
    }

    /**
     * A store over {@code ids.size()} rows of {@code dim} floats, row-major in {@code vectors}
     * (copied).
     *
     * @throws IllegalArgumentException on size mismatch or a non-finite component
     */
    public static EmbeddingStore of(IdMap ids, float[] vectors, int dim) {
        Objects.requireNonNull(ids, "ids");
        if (dim < 1) {
            throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        }
        if ((long) ids.size() * dim != vectors.length) {
            throw new IllegalArgumentException("expected " + ids.size() + " x " + dim + " floats, got " + vectors.length);
        }
        for (int i = 0; i < vectors.length; i++) {
            if (!Float.isFinite(vectors[i])) {
                throw new IllegalArgumentException("non-finite value in vector of '" + ids.external(i / dim) + "'");
            }
        }
        return new EmbeddingStore(ids, dim, vectors.clone());
    }

    /**
     * A store that takes ownership of {@code vectors} (no copy): for readers that allocate the
     * matrix themselves and have checked that every value is finite.
     */
    static EmbeddingStore wrap(IdMap ids, float[] vectors, int dim) {
        if (dim < 1 || (long) ids.size() * dim != vectors.length) {
            throw new IllegalArgumentException("expected " + ids.size() + " x " + dim + " floats, got " + vectors.length);
        }
        return new EmbeddingStore(ids, dim, vectors);
    }

    public int size() {
        return ids.size();
    }

    public int dim() {
        return dim;
    }

    /** External ids of the rows, in row order. */
    public IdMap ids() {
        return ids;
    }

    public String id(int row) {
        return ids.external(row);
    }

    /** Row of an external id, or -1 when the item has no vector. */
    public int indexOf(String id) {
        return ids.indexOf(id);
    }

    /** True when {@code other} has the same ids in the same rows (whatever its dimension). */
    public boolean sameIdsAs(EmbeddingStore other) {
        if (other.size() != size()) {
            return false;
        }
        if (other.ids == ids) {
            return true;
        }
        for (int r = 0, n = size(); r < n; r++) {
            if (!ids.external(r).equals(other.ids.external(r))) {
                return false;
            }
        }
        return true;
    }

    public boolean contains(String id) {
        return ids.indexOf(id) >= 0;
    }

    /** A copy of the raw (unnormalised) vector of a row. */
    public float[] vector(int row) {
        return Arrays.copyOfRange(vectors, row * dim, (row + 1) * dim);
    }

    /** Adds the raw vector of {@code row}, times {@code weight}, into {@code acc[0..dim)}. */
    public void addTo(int row, float weight, float[] acc) {
        math.axpy(weight, vectors, row * dim, acc, 0, dim);
    }

    /** Adds the unit-length vector of {@code row}, times {@code weight}, into {@code acc}. */
    public void addUnitTo(int row, float weight, float[] acc) {
        math.axpy(weight, unit, row * dim, acc, 0, dim);
    }

    /** Raw row-major matrix (read-only view: do not modify). */
    public float[] matrix() {
        return vectors;
    }

    /** Row-major matrix of unit-length rows; zero rows stay zero (read-only view). */
    public float[] unitMatrix() {
        return unit;
    }

    /** Cosine similarity of two rows (0 when either is a zero vector). */
    public float cosine(int a, int b) {
        return math.dot(unit, a * dim, unit, b * dim, dim);
    }

    private static float[] normalisedCopy(float[] v, int dim) {
        VectorMath m = VectorMath.get();
        float[] u = v.clone();
        for (int off = 0; off < u.length; off += dim) {
            float norm = m.norm(u, off, dim);
            if (norm > 0) {
                m.scale(1f / norm, u, off, dim);
            }
        }
        return u;
    }
}
