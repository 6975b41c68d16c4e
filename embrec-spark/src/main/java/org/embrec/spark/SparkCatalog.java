package org.embrec.spark;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.embrec.EmbrecException;
import org.embrec.data.Catalog;

/**
 * The item catalog (titles, genres, years) stored in the model for display: a MovieLens
 * directory's movies.csv, read on the cluster and gathered on the driver (one row per item).
 * Other formats have no catalog: the model then shows item ids. Stateless.
 */
public final class SparkCatalog {
    static final String MOVIES_CSV = "movies.csv";

    private SparkCatalog() {}

    /**
     * @throws EmbrecException when movies.csv lacks the movieId or title column
     */
    public static Catalog read(SparkSession spark, InputSpec spec) {
        if (spec.format() != InputFormat.MOVIELENS) {
            return Catalog.empty();
        }
        String file = SparkInput.join(spec.path(), MOVIES_CSV);
        if (!exists(spark, file)) {
            return Catalog.empty();
        }
        Dataset<Row> movies = spark.read().format("csv").option("header", "true").option("quote", "\"")
                .option("escape", "\"").option("inferSchema", "false").load(file);
        List<String> columns = Arrays.asList(movies.columns());
        for (String required : List.of("movieId", "title")) {
            if (!columns.contains(required)) {
                throw new EmbrecException(file + ": no column '" + required + "' (columns: " + String.join(", ", columns)
                        + ")");
            }
        }
        boolean genres = columns.contains("genres");
        List<Row> rows = movies.select(movies.col("movieId"), movies.col("title"),
                genres ? movies.col("genres") : org.apache.spark.sql.functions.lit("")).collectAsList();
        Map<String, Catalog.Item> items = new LinkedHashMap<>();
        for (Row r : rows) {
            String id = r.isNullAt(0) ? "" : r.getString(0).trim();
            if (!id.isEmpty()) {
                items.putIfAbsent(id, Catalog.Item.fromText(id, r.getString(1), r.getString(2)));
            }
        }
        return new Catalog(items, List.of());
    }

    static boolean exists(SparkSession spark, String file) {
        try {
            Path p = new Path(file);
            return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
        } catch (java.io.IOException e) {
            throw new EmbrecException(file + ": cannot check (" + e.getMessage() + ")", e);
        }
    }
}
