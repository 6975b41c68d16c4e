package org.embrec.spark;

import java.util.Locale;
import org.embrec.EmbrecException;

/** How {@code --input} is laid out. */
public enum InputFormat {
    /** A MovieLens directory: ratings.csv (userId, movieId, rating, timestamp) and movies.csv. */
    MOVIELENS,
    /** Delimited text with a header (or {@code --columns ...,header=no}); a file, directory or glob. */
    CSV,
    /** Parquet files; columns by name ({@code --columns}) or by position in the schema. */
    PARQUET;

    /** The {@code --format} value. */
    public String flagValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws EmbrecException naming {@code --format} for anything but csv, parquet, movielens
     */
    public static InputFormat parse(String text) {
        for (InputFormat f : values()) {
            if (f.flagValue().equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        throw new EmbrecException("--format must be csv, parquet or movielens, got '" + text + "'");
    }

    /**
     * The format of a path when {@code --format} is not given: a {@code .parquet} name (or a
     * directory of them, which the caller checks) is Parquet, a directory holding ratings.csv is
     * MovieLens, anything else CSV.
     */
    public static InputFormat guess(String path, boolean directoryWithRatingsCsv, boolean parquetFiles) {
        if (path.endsWith(".parquet") || parquetFiles) {
            return PARQUET;
        }
        return directoryWithRatingsCsv ? MOVIELENS : CSV;
    }
}
