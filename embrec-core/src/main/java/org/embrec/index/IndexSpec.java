package org.embrec.index;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What index to build: its type and the parameters that type uses (HNSW parameters for the
 * {@code hnsw*} types, IVF parameters for {@code ivf}, none for {@code exact}). Parameters the
 * type does not use (or null ones) are set to their defaults, so equal specs build equal indexes.
 * Immutable.
 */
public record IndexSpec(IndexType type, HnswParams hnsw, IvfParams ivf) {
    public IndexSpec {
        Objects.requireNonNull(type, "type");
        hnsw = hnsw == null || !type.isLucene() ? HnswParams.DEFAULTS : hnsw;
        ivf = ivf == null || type != IndexType.IVF ? IvfParams.DEFAULTS : ivf;
    }

    public static IndexSpec of(IndexType type) {
        return new IndexSpec(type, null, null);
    }

    /** The parameters that matter for the type, by their JSON / flag names (snake_case). */
    public Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        if (type.isLucene()) {
            p.put("m", hnsw.m());
            p.put("ef_construction", hnsw.efConstruction());
            p.put("ef_search", hnsw.efSearch());
        } else if (type == IndexType.IVF) {
            p.put("nlist", ivf.nlist());
            p.put("nprobe", ivf.nprobe());
        }
        return p;
    }
}
