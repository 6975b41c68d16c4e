package org.embrec.data;

import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * Where a dataset's item metadata comes from, as resolved from the layout and flags: the kind
 * of items file, the files (null when absent), for a generic items file its columns, and the
 * text encoding of them all (the dataset's, {@code --encoding}) and whether {@code "} quotes fields in a
 * generic items file ({@code --quote}). Immutable.
 */
record CatalogPlan(Kind kind, Path items, Path tags, Path genres, ColumnSpec itemColumns, Charset encoding,
        DataSpec.Quote quote) {
    enum Kind { NONE, MOVIELENS_CSV, MOVIELENS_DAT, MOVIELENS_100K, ITEMS_FILE }

    static CatalogPlan none() {
        return new CatalogPlan(Kind.NONE, null, null, null, null, null, DataSpec.Quote.AUTO);
    }
}
