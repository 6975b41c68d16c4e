package org.embrec.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.embrec.EmbrecException;
import org.embrec.data.ColumnRef;
import org.embrec.data.ColumnSpec;

/**
 * Reads interactions into a DataFrame with the columns every later stage uses:
 * {@code user} and {@code item} (strings), {@code rating} (float, null when the input has no
 * rating column), {@code time} (long: an integer epoch as written, or epoch milliseconds of an
 * ISO-8601 date-time; 0 without a time column), {@code pos} (the row's position: increasing in
 * file order within a file, PROTOCOL.md's "file row") and {@code bad} (true when the user or
 * item is empty or the rating or time does not parse).
 *
 * <p>Nothing is read until an action runs, except the header or schema. Stateless.
 */
public final class SparkInput {
    /** Interaction columns as read, and whether the input had a rating and a time column. */
    public record Interactions(Dataset<Row> rows, boolean hasRatings, boolean hasTime) {}

    /** The ratings file of a MovieLens directory. */
    static final String RATINGS_CSV = "ratings.csv";

    private SparkInput() {}

    /**
     * @throws EmbrecException when a column given by name is not in the header or schema, or a
     *     column number is beyond the last column
     */
    public static Interactions read(SparkSession spark, InputSpec spec) {
        ColumnSpec columns = spec.columnsOrDefault();
        Dataset<Row> raw = switch (spec.format()) {
            case MOVIELENS -> csv(spark, true, ",").load(join(spec.path(), RATINGS_CSV));
            case CSV -> csv(spark, columns.header() != ColumnSpec.Header.NO || columns.anyByName(),
                    spec.delimiter() == null ? "," : spec.delimiter()).load(spec.path());
            case PARQUET -> spark.read().parquet(spec.path());
        };
        // pos first, straight after the scan: it numbers rows in split order, which is file order
        // within a file (Spark keeps a file's splits in order).
        raw = raw.withColumn("pos", monotonically_increasing_id());
        String label = spec.format() == InputFormat.MOVIELENS ? join(spec.path(), RATINGS_CSV) : spec.path();
        List<String> names = Arrays.asList(raw.columns()).subList(0, raw.columns().length - 1);
        Column user = trim(column(raw, names, columns, "user", label).cast(DataTypes.StringType));
        Column item = trim(column(raw, names, columns, "item", label).cast(DataTypes.StringType));
        ColumnRef ratingRef = columns.get("rating");
        ColumnRef timeRef = columns.get("time");
        Column rating = ratingRef == null ? lit(null).cast(DataTypes.FloatType)
                : column(raw, names, columns, "rating", label).try_cast(DataTypes.FloatType);
        Column rawTime = timeRef == null ? null : column(raw, names, columns, "time", label);
        Column time = rawTime == null ? lit(0L) : parseTime(rawTime);
        Column bad = user.isNull().or(user.equalTo(""))
                .or(item.isNull()).or(item.equalTo(""));
        if (ratingRef != null) {
            bad = bad.or(rating.isNull()).or(rating.isNaN());
        }
        if (rawTime != null) {
            bad = bad.or(time.isNull());
        }
        Dataset<Row> rows = raw.select(user.as("user"), item.as("item"), rating.as("rating"), time.as("time"),
                col("pos"), bad.as("bad"));
        return new Interactions(rows, ratingRef != null, rawTime != null);
    }

    /**
     * An integer epoch (seconds or milliseconds: only the order matters) as it is, else an
     * ISO-8601 date or date-time as epoch milliseconds; null when neither parses.
     */
    static Column parseTime(Column raw) {
        Column text = trim(raw.cast(DataTypes.StringType));
        return when(text.rlike("^-?[0-9]+$"), text.try_cast(DataTypes.LongType))
                .otherwise(unix_millis(try_to_timestamp(text)));
    }

    private static DataFrameReader csv(SparkSession spark, boolean header, String delimiter) {
        // Everything as strings: the parse is ours (the same for every format), never inferred;
        // try_cast: a malformed value becomes null (a bad row) even under ANSI SQL.
        return spark.read().format("csv")
                .option("header", String.valueOf(header))
                .option("sep", delimiter)
                .option("quote", "\"")
                .option("escape", "\"")
                .option("mode", "PERMISSIVE")
                .option("inferSchema", "false");
    }

    /** The raw column of {@code role}: by header name (exact, else ignoring case) or 1-based position. */
    private static Column column(Dataset<Row> raw, List<String> names, ColumnSpec columns, String role, String label) {
        ColumnRef ref = columns.get(role);
        if (ref == null) {
            throw new EmbrecException("--columns: " + role + "= is required");
        }
        int index;
        if (ref.byName()) {
            index = names.indexOf(ref.name());
            for (int k = 0; index < 0 && k < names.size(); k++) {
                if (names.get(k).equalsIgnoreCase(ref.name())) {
                    index = k;
                }
            }
            if (index < 0) {
                throw new EmbrecException(label + ": no column '" + ref.name() + "' for " + role + " (columns: "
                        + String.join(", ", names) + "); name the columns with --columns user=NAME|N,item=NAME|N,...");
            }
        } else {
            index = ref.position() - 1;
            if (index >= names.size()) {
                throw new EmbrecException("--columns: " + role + "=" + ref.position() + " but " + label + " has "
                        + names.size() + " column" + (names.size() == 1 ? "" : "s"));
            }
        }
        return raw.col("`" + names.get(index).replace("`", "``") + "`");
    }

    /** {@code dir/name} for a directory given with or without a trailing slash. */
    static String join(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }
}
