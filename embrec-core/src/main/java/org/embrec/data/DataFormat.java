package org.embrec.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.embrec.EmbrecException;

/** The file layouts embrec reads; {@code --format} names them, otherwise they are detected. */
public enum DataFormat {
    /** MovieLens CSV (ml-latest-small, ml-latest, ml-20m, ml-25m, ml-32m): ratings.csv, movies.csv, tags.csv. */
    MOVIELENS("movielens"),
    /** MovieLens {@code ::}-separated ISO-8859-1 files (ml-1m, ml-10m): ratings.dat, movies.dat, tags.dat. */
    MOVIELENS_DAT("movielens-dat"),
    /** MovieLens 100k: tab-separated u.data, {@code |}-separated u.item with genre flags named by u.genre. */
    MOVIELENS_100K("movielens-100k"),
    /** Any delimited interaction file; columns from {@code --columns} or a MovieLens ratings header. */
    DELIMITED("delimited");

    private final String flagValue;

    DataFormat(String flagValue) {
        this.flagValue = flagValue;
    }

    /** The {@code --format} value naming this layout. */
    public String flagValue() {
        return flagValue;
    }

    /** Parses a {@code --format} value. */
    public static DataFormat parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (DataFormat f : values()) {
            if (f.flagValue.equals(t)) {
                return f;
            }
        }
        throw new EmbrecException("--format must be one of " + Arrays.stream(values()).map(DataFormat::flagValue)
                .collect(Collectors.joining(", ")) + ", got '" + text + "'");
    }

    @Override
    public String toString() {
        return flagValue;
    }
}
