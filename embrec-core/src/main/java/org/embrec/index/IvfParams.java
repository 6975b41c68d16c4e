package org.embrec.index;

import org.embrec.EmbrecException;

/**
 * Parameters of an inverted-file index: {@code nlist} k-means cells ({@code 0} = automatic,
 * {@code 4 sqrt(n)}, Faiss's rule of thumb) and {@code nprobe}, the cells a query scans.
 */
public record IvfParams(int nlist, int nprobe) {
    public static final int DEFAULT_NPROBE = 8;
    public static final IvfParams DEFAULTS = new IvfParams(0, DEFAULT_NPROBE);

    public IvfParams {
        if (nlist < 0) {
            throw new EmbrecException("--nlist must be >= 0 (0 = automatic), got " + nlist);
        }
        if (nprobe < 1) {
            throw new EmbrecException("--nprobe must be >= 1, got " + nprobe);
        }
    }

    /** The cell count for {@code n} vectors. */
    public int nlistFor(int n) {
        int auto = (int) Math.round(4 * Math.sqrt(n));
        return Math.max(1, Math.min(n, nlist == 0 ? auto : nlist));
    }
}
