package org.embrec.index;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.embrec.EmbrecException;

/** The kinds of {@link VectorIndex} embrec builds, by their command-line names. */
public enum IndexType {
    /** Brute force over all rows: exact, the oracle for the others. */
    EXACT("exact", false),
    /** Lucene HNSW graph over float vectors. */
    HNSW("hnsw", true),
    /** Lucene HNSW over 7-bit scalar-quantized vectors (one byte per dimension). */
    HNSW_SQ8("hnsw-sq8", true),
    /** Lucene HNSW over 4-bit scalar-quantized vectors (two dimensions per byte). */
    HNSW_SQ4("hnsw-sq4", true),
    /** Inverted file: k-means cells, the query scans the {@code nprobe} nearest cells. */
    IVF("ivf", false);

    private final String cliName;
    private final boolean lucene;

    IndexType(String cliName, boolean lucene) {
        this.cliName = cliName;
        this.lucene = lucene;
    }

    /** The name used on the command line and in {@code index.json}. */
    public String cliName() {
        return cliName;
    }

    /** True for the types stored as a Lucene directory. */
    public boolean isLucene() {
        return lucene;
    }

    /** The type named {@code name} (case-insensitive). */
    public static IndexType parse(String name, String where) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (IndexType t : values()) {
            if (t.cliName.equals(n)) {
                return t;
            }
        }
        throw new EmbrecException(where + ": unknown index type '" + name + "' (expected one of "
                + Arrays.stream(values()).map(IndexType::cliName).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
