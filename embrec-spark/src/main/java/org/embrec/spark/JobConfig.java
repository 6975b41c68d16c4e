package org.embrec.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.embrec.EmbrecException;
import org.embrec.graph.WalkConfig;
import org.embrec.model.ModelManifest;
import org.embrec.sequence.LikedFilter;

/**
 * Everything one run of the Spark pipeline needs: the input, PROTOCOL.md's data rules, the
 * algorithm with its walk and word2vec settings, and where the model goes. Immutable.
 *
 * @param input where and how to read the interactions
 * @param liked which rows are liked ({@code --liked})
 * @param dedupeFirst keep only the first occurrence of each (user, item) ({@code --dedupe first})
 * @param algo {@link #ITEM2VEC}, {@link #DEEPWALK} or {@link #ALS}
 * @param walks the graph and walk settings (used by DeepWalk only)
 * @param word2vec the MLlib Word2Vec settings (for ALS: only its seed is used)
 * @param graphPartitions partitions of the item graph and the walks; 0 = twice Spark's default
 *     parallelism
 * @param out the model directory to write, local path or Hadoop URI
 * @param holdOutLast train on PROTOCOL.md's training split (the last liked item of every user
 *     with >= 3 liked items held out), as {@code --evaluate} does
 * @param als the MLlib ALS settings (used by {@link #ALS} only; null otherwise)
 */
public record JobConfig(InputSpec input, LikedFilter liked, boolean dedupeFirst, String algo, WalkConfig walks,
        MllibConfig word2vec, int graphPartitions, String out, boolean holdOutLast, MllibAls.Settings als) {
    public static final String ITEM2VEC = "item2vec";
    public static final String DEEPWALK = "deepwalk";
    public static final String ALS = org.embrec.pipeline.AlsAlgorithm.NAME;
    /** Name of the ALS trainer in the manifest. */
    public static final String ALS_TRAINER = "spark-mllib-als";
    /** Name of the trainer in the manifest. */
    public static final String TRAINER = "spark-mllib-word2vec";

    public JobConfig {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(liked, "liked");
        Objects.requireNonNull(walks, "walks");
        Objects.requireNonNull(word2vec, "word2vec");
        Objects.requireNonNull(out, "out");
        if (!ITEM2VEC.equals(algo) && !DEEPWALK.equals(algo) && !ALS.equals(algo)) {
            throw new EmbrecException("--algo must be item2vec, deepwalk or als, got '" + algo + "'");
        }
        if (ALS.equals(algo) != (als != null)) {
            throw new IllegalArgumentException("ALS settings are for --algo als and needed there");
        }
        if (!walks.firstOrder()) {
            throw new EmbrecException("--p and --q (node2vec) are not available on Spark: DeepWalk walks with p = q = 1");
        }
        if (graphPartitions < 0) {
            throw new EmbrecException("--graph-partitions must be >= 1, got " + graphPartitions);
        }
    }

    public boolean deepWalk() {
        return DEEPWALK.equals(algo);
    }

    public boolean isAls() {
        return ALS.equals(algo);
    }

    /** Passes over the data: word2vec epochs, or ALS iterations. */
    public int passes() {
        return isAls() ? als.iterations() : word2vec.epochs();
    }

    /**
     * The settings as the manifest's {@code config}: the word2vec fields (named as their flags) with the
     * choices MLlib fixes (skip-gram, hierarchical softmax, no negatives, no down-sampling,
     * shrinking windows, final learning rate alpha x 1e-4), and for DeepWalk the walks; for ALS
     * its settings (the flags' names) and the trainer.
     */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (isAls()) {
            m.put("trainer", ALS_TRAINER);
            m.put("dim", als.dim());
            m.put("als-alpha", als.alpha());
            m.put("reg", als.reg());
            m.put("iterations", als.iterations());
            m.put("seed", als.seed());
            m.put("liked", liked.toString());
            m.put("dedupe", dedupeFirst ? "first" : "none");
            return m;
        }
        m.put("trainer", TRAINER);
        m.put("architecture", "SKIP_GRAM");
        m.put("loss", MllibConfig.LOSS);
        m.putAll(ModelManifest.configOf(word2vec));
        m.put("min-alpha", word2vec.minAlpha());
        m.put("negative", 0);
        m.put("sample", 0.0);
        m.put("shrink-windows", true);
        m.put("liked", liked.toString());
        m.put("dedupe", dedupeFirst ? "first" : "none");
        if (deepWalk()) {
            m.putAll(ModelManifest.configOf(walks));
        }
        return m;
    }
}
