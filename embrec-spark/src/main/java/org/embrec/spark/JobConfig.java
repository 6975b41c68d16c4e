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
 * @param algo {@link #ITEM2VEC} or {@link #DEEPWALK}
 * @param walks the graph and walk settings (used by DeepWalk only)
 * @param word2vec the MLlib Word2Vec settings
 * @param graphPartitions partitions of the item graph and the walks; 0 = twice Spark's default
 *     parallelism
 * @param out the model directory to write, local path or Hadoop URI
 * @param holdOutLast train on PROTOCOL.md's training split (the last liked item of every user
 *     with >= 3 liked items held out), as {@code --evaluate} does
 */
public record JobConfig(InputSpec input, LikedFilter liked, boolean dedupeFirst, String algo, WalkConfig walks,
        MllibConfig word2vec, int graphPartitions, String out, boolean holdOutLast) {
    public static final String ITEM2VEC = "item2vec";
    public static final String DEEPWALK = "deepwalk";
    /** Name of the trainer in the manifest. */
    public static final String TRAINER = "spark-mllib-word2vec";

    public JobConfig {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(liked, "liked");
        Objects.requireNonNull(walks, "walks");
        Objects.requireNonNull(word2vec, "word2vec");
        Objects.requireNonNull(out, "out");
        if (!ITEM2VEC.equals(algo) && !DEEPWALK.equals(algo)) {
            throw new EmbrecException("--algo must be item2vec or deepwalk, got '" + algo + "'");
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

    /**
     * The settings as the manifest's {@code config}: the word2vec fields (named as their flags) with the
     * choices MLlib fixes (skip-gram, hierarchical softmax, no negatives, no down-sampling,
     * shrinking windows, final learning rate alpha x 1e-4), and for DeepWalk the walks.
     */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
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
