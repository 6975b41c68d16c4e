package org.embrec.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.embrec.EmbrecException;
import org.embrec.data.IdMap;
import org.embrec.vectors.EmbeddingStore;

/**
 * Implicit ALS on Spark with MLlib's {@code ALS} ({@code implicitPrefs}): the binary user x item
 * matrix of the liked sequences (an item liked twice counts once), confidence 1 + alpha on
 * observed entries, as the single-machine trainer ({@code org.embrec.als.AlsTrainer}) and
 * PROTOCOL.md's {@code ials}. One difference: MLlib multiplies the L2 penalty of each row by
 * that row's number of ratings, so the job passes {@code regParam = reg / mean items per user},
 * which regularises an average user as {@code --reg} does on one machine. Stateless.
 */
final class MllibAls {
    private MllibAls() {}

    /**
     * The settings of a run.
     *
     * @param dim factors ({@code --dim})
     * @param alpha confidence of an observed item is {@code 1 + alpha} ({@code --als-alpha})
     * @param reg L2 penalty of an average user ({@code --reg}; see the class comment)
     * @param iterations alternations, users then items ({@code --iterations})
     * @param seed seed of the initial factors
     */
    record Settings(int dim, double alpha, double reg, int iterations, long seed) {
        static final int DEFAULT_DIM = org.embrec.als.AlsConfig.DEFAULT_DIM;
        static final double DEFAULT_ALPHA = org.embrec.als.AlsConfig.DEFAULT_ALPHA;
        static final double DEFAULT_REG = org.embrec.als.AlsConfig.DEFAULT_REG;
        static final int DEFAULT_ITERATIONS = org.embrec.als.AlsConfig.DEFAULT_ITERATIONS;

        Settings {
            // The single-machine trainer's checks and messages (flags of the same names).
            new org.embrec.als.AlsConfig(dim, alpha, reg, iterations, org.embrec.als.AlsConfig.DEFAULT_CG_STEPS, 1);
        }
    }

    /**
     * What a run made: item and user factors keyed by the input's ids, the observed (user, item)
     * pairs, MLlib's regParam and the training seconds.
     */
    record Result(EmbeddingStore items, EmbeddingStore users, long pairs, double regParam, double seconds) {}

    /**
     * Trains on the liked sequences ({@code user}, {@code items}).
     *
     * @throws EmbrecException when there is nothing to train on
     */
    static Result train(Dataset<Row> sequences, Settings s) {
        long t0 = System.nanoTime();
        Dataset<Row> pairs = sequences.select(col("user"), explode(col("items")).as("item")).distinct()
                .persist(StorageLevel.MEMORY_AND_DISK());
        long n = pairs.count();
        long users = sequences.count();
        if (n == 0 || users == 0) {
            pairs.unpersist();
            throw new EmbrecException("als: no liked (user, item) pairs to train on");
        }
        StringIndexerModel userIndex = new StringIndexer().setInputCol("user").setOutputCol("u")
                .setStringOrderType("alphabetAsc").fit(pairs);
        StringIndexerModel itemIndex = new StringIndexer().setInputCol("item").setOutputCol("i")
                .setStringOrderType("alphabetAsc").fit(pairs);
        Dataset<Row> indexed = itemIndex.transform(userIndex.transform(pairs))
                .select(col("u").cast(DataTypes.IntegerType).as("u"), col("i").cast(DataTypes.IntegerType).as("i"),
                        lit(1.0f).as("r"));
        double regParam = s.reg() / ((double) n / users);
        ALSModel model = new ALS().setImplicitPrefs(true).setRank(s.dim()).setMaxIter(s.iterations())
                .setRegParam(regParam).setAlpha(s.alpha()).setSeed(s.seed()).setUserCol("u").setItemCol("i")
                .setRatingCol("r").fit(indexed);
        EmbeddingStore items = factors(model.itemFactors(), itemIndex.labelsArray()[0], s.dim());
        EmbeddingStore userFactors = factors(model.userFactors(), userIndex.labelsArray()[0], s.dim());
        pairs.unpersist();
        return new Result(items, userFactors, n, regParam, (System.nanoTime() - t0) / 1e9);
    }

    /** MLlib's factors ({@code id}, {@code features}) as a store keyed by the indexer's labels, in label order. */
    private static EmbeddingStore factors(Dataset<Row> factors, String[] labels, int dim) {
        float[] m = new float[Math.multiplyExact(labels.length, dim)];
        boolean[] seen = new boolean[labels.length];
        List<Row> rows = factors.collectAsList();
        for (Row r : rows) {
            int id = r.getInt(0);
            List<Float> f = r.getList(1);
            for (int k = 0; k < dim; k++) {
                m[id * dim + k] = f.get(k);
            }
            seen[id] = true;
        }
        for (int i = 0; i < seen.length; i++) {
            if (!seen[i]) {
                throw new IllegalStateException("MLlib ALS returned no factors for '" + labels[i] + "'");
            }
        }
        return EmbeddingStore.of(IdMap.of(labels), m, dim);
    }
}
