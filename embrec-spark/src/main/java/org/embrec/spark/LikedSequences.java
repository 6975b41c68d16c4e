package org.embrec.spark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;
import org.embrec.EmbrecException;
import org.embrec.eval.LeaveLastOutSplit;
import org.embrec.sequence.LikedFilter;

/**
 * PROTOCOL.md's data steps in Spark SQL: keep the first occurrence of each (user, item), mark the
 * liked rows ({@link LikedFilter}: by default rating > the global mean rating), and gather each
 * user's liked items ordered by (time ascending, file row ascending) into one array, the same
 * sequences {@code org.embrec.sequence.SequenceBuilder} makes on one machine.
 *
 * <p>The rows are hash-partitioned by user once, when loaded; dedupe, the per-user mean and the
 * grouping then need no further shuffle. Stateless.
 */
public final class LikedSequences {
    /**
     * Interactions after dedupe, partitioned by user and persisted, with the figures of the
     * whole input.
     *
     * @param rows user, item, rating, time, pos of the valid rows
     * @param rowCount valid rows after dedupe
     * @param badRows malformed rows skipped (0 unless --skip-bad-rows)
     * @param meanRating the mean rating of the valid rows (NaN without ratings)
     * @param hasRatings whether the input has a rating column
     */
    public record Loaded(Dataset<Row> rows, long rowCount, long badRows, double meanRating, boolean hasRatings) {
        /** Frees the persisted rows. */
        public void release() {
            rows.unpersist();
        }
    }

    private LikedSequences() {}

    /**
     * Reads and dedupes the interactions and computes the global mean rating (over the kept
     * rows, as the single-machine loader does) in one pass.
     *
     * @param dedupeFirst keep only the first occurrence (by file row) of each (user, item)
     * @throws EmbrecException when the input has malformed rows and {@code skipBadRows} is off,
     *     or no valid row
     */
    public static Loaded load(SparkInput.Interactions input, boolean dedupeFirst, boolean skipBadRows, String label) {
        Dataset<Row> rows = input.rows().repartition(col("user"));
        if (dedupeFirst) {
            // Bad rows form their own groups, so a malformed first occurrence never hides a good one.
            rows = rows.withColumn("occurrence", row_number().over(Window.partitionBy("user", "item", "bad")
                    .orderBy("pos"))).filter(col("occurrence").equalTo(1)).drop("occurrence");
        }
        rows = rows.persist(StorageLevel.MEMORY_AND_DISK());
        Row stats = rows.agg(count(lit(1)), sum(when(col("bad"), 1L).otherwise(0L)),
                avg(when(not(col("bad")), col("rating")))).first();
        long total = stats.getLong(0);
        long bad = stats.isNullAt(1) ? 0 : stats.getLong(1);
        if (bad > 0 && !skipBadRows) {
            rows.unpersist();
            throw new EmbrecException(String.format(Locale.ROOT, "%s: %,d malformed rows (an empty user or item, or a"
                    + " rating or time that does not parse); --skip-bad-rows drops them", label, bad));
        }
        if (total - bad == 0) {
            rows.unpersist();
            throw new EmbrecException(label + ": no valid rows");
        }
        Dataset<Row> good = rows.filter(not(col("bad"))).drop("bad");
        double mean = stats.isNullAt(2) ? Double.NaN : stats.getDouble(2);
        return new Loaded(good, total - bad, bad, mean, input.hasRatings());
    }

    /**
     * One row per user with at least one liked row: {@code user} and {@code items}, the liked
     * items in (time, file row) order.
     *
     * @param holdOutLast drop the last item of every sequence of length >= 3
     *     ({@link LeaveLastOutSplit}'s training sequences)
     */
    public static Dataset<Row> build(Loaded loaded, LikedFilter filter, boolean holdOutLast) {
        // A column first, then the filter: SQL allows no window function (user-mean) in a WHERE.
        Dataset<Row> liked = loaded.rows().withColumn("liked", likedCondition(loaded, filter))
                .filter(col("liked")).drop("liked");
        Dataset<Row> sequences = liked.groupBy("user")
                .agg(sort_array(collect_list(struct(col("time"), col("pos"), col("item")))).as("events"))
                .select(col("user"), col("events.item").as("items"));
        if (holdOutLast) {
            Column n = size(col("items"));
            sequences = sequences.withColumn("items", when(n.geq(LeaveLastOutSplit.MIN_TEST_LENGTH),
                    slice(col("items"), lit(1), n.minus(1))).otherwise(col("items")));
        }
        return sequences;
    }

    /** The liked rows of {@code filter}, as a condition on rating (all rows without ratings). */
    static Column likedCondition(Loaded loaded, LikedFilter filter) {
        if (!loaded.hasRatings()) {
            return lit(true);
        }
        Column r = col("rating");
        return switch (filter.kind()) {
            case ALL -> lit(true);
            case MEAN -> r.gt(lit(loaded.meanRating()));
            case USER_MEAN -> r.gt(avg(r).over(Window.partitionBy("user")));
            case AT_LEAST -> r.geq(lit(filter.threshold()));
            case ABOVE -> r.gt(lit(filter.threshold()));
            case TOP_SHARE -> throw new EmbrecException("--liked " + filter + " is not available on Spark");
        };
    }
}
