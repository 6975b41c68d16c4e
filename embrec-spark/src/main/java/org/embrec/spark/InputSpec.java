package org.embrec.spark;

import java.util.Objects;
import org.embrec.data.ColumnSpec;

/**
 * Where the interactions are and how to read them. Immutable.
 *
 * @param path a file, directory or glob, local or any Hadoop file system URI (hdfs://, s3a://, ...)
 * @param format the layout
 * @param columns which columns hold user, item, rating and time; null: the format's default
 *     (MovieLens names userId, movieId, rating, timestamp)
 * @param delimiter CSV field separator, null for comma
 * @param skipBadRows drop rows with an empty user or item or an unparsable rating or time
 *     instead of failing
 */
public record InputSpec(String path, InputFormat format, ColumnSpec columns, String delimiter, boolean skipBadRows) {
    public InputSpec {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
    }

    /** The columns to read: the given ones, or MovieLens's. */
    public ColumnSpec columnsOrDefault() {
        return columns != null ? columns : ColumnSpec.movieLensRatings();
    }
}
