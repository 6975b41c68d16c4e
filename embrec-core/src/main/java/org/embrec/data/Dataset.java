package org.embrec.data;

import java.util.Objects;

/**
 * A loaded dataset: its interactions, the catalog of item metadata (possibly empty), a short
 * name (for reports) and a fingerprint of the source files (for model manifests).
 */
public record Dataset(String name, Interactions interactions, Catalog catalog, String fingerprint) {
    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(interactions, "interactions");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
