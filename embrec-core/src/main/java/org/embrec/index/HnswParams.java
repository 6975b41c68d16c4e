package org.embrec.index;

import org.embrec.EmbrecException;

/**
 * Parameters of an HNSW graph (Malkov &amp; Yashunin, 2016). {@code m} is the number of links per
 * node (Lucene's {@code maxConn}; layer 0 keeps 2m), {@code efConstruction} the candidate list
 * size while inserting (Lucene's {@code beamWidth}), {@code efSearch} the candidate list size of
 * a query: a search for k items asks the graph for {@code max(k, efSearch)} and keeps the best k.
 */
public record HnswParams(int m, int efConstruction, int efSearch) {
    /** Lucene's default links per node. */
    public static final int DEFAULT_M = 16;
    /** Lucene's default beam width. */
    public static final int DEFAULT_EF_CONSTRUCTION = 100;
    /** Reaches recall@10 >= 0.95 on 200k clustered 64-d vectors with the defaults above (docs/INDEX.md). */
    public static final int DEFAULT_EF_SEARCH = 32;

    public static final HnswParams DEFAULTS = new HnswParams(DEFAULT_M, DEFAULT_EF_CONSTRUCTION, DEFAULT_EF_SEARCH);

    /** @throws EmbrecException naming the flag when a value is out of Lucene's range */
    public HnswParams {
        if (m < 2 || m > 512) {
            throw new EmbrecException("--m must be in [2, 512], got " + m);
        }
        if (efConstruction < 1 || efConstruction > 3200) {
            throw new EmbrecException("--ef-construction must be in [1, 3200], got " + efConstruction);
        }
        if (efSearch < 1) {
            throw new EmbrecException("--ef-search must be >= 1, got " + efSearch);
        }
    }

    /** The same graph searched with another efSearch. */
    public HnswParams withEfSearch(int ef) {
        return new HnswParams(m, efConstruction, ef);
    }
}
