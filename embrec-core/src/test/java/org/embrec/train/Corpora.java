package org.embrec.train;

import java.util.SplittableRandom;
import org.embrec.data.IdMap;
import org.embrec.sequence.Sequences;

/** Small synthetic corpora with planted structure for trainer tests. */
final class Corpora {
    private Corpora() {}

    /**
     * {@code clusters} groups of {@code perCluster} items; each sequence stays within one cluster
     * (items "c{cluster}_{i}"), so an item's nearest neighbours should be in its own cluster.
     */
    static Sequences clustered(int clusters, int perCluster, int sequences, int length, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        IdMap.Builder ids = new IdMap.Builder();
        for (int c = 0; c < clusters; c++) {
            for (int i = 0; i < perCluster; i++) {
                ids.add("c" + c + "_" + i);
            }
        }
        int[] offsets = new int[sequences + 1];
        int[] items = new int[sequences * length];
        for (int s = 0; s < sequences; s++) {
            int c = rnd.nextInt(clusters);
            for (int k = 0; k < length; k++) {
                items[s * length + k] = c * perCluster + rnd.nextInt(perCluster);
            }
            offsets[s + 1] = (s + 1) * length;
        }
        return new Sequences(offsets, items, null, ids.build(), null);
    }

    static String clusterOf(String id) {
        return id.substring(0, id.indexOf('_'));
    }
}
