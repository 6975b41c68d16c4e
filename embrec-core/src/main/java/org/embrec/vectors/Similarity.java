package org.embrec.vectors;

import java.util.Locale;
import org.embrec.Keyed;

/**
 * How a query vector scores a candidate vector: the cosine of the two (every embedding model's
 * default) or their inner product (matrix-factorisation models such as ALS, whose user factors
 * times item factors is the model's prediction).
 */
public enum Similarity implements Keyed {
    COSINE("cosine"), INNER_PRODUCT("inner-product");

    private final String key;

    Similarity(String key) {
        this.key = key;
    }

    /** The name files and output use: {@code cosine}, {@code inner-product}. */
    @Override
    public String key() {
        return key;
    }

    /** The similarity named {@code key}, or null when none is. */
    public static Similarity byKey(String key) {
        return Keyed.find(values(), key.toLowerCase(Locale.ROOT));
    }
}
