package org.embrec.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.embrec.data.Catalog;
import org.embrec.data.IdMap;
import org.embrec.vectors.TopK;

/**
 * What one k-means cluster of items looks like: its size, mean cosine to the centroid, the ids of
 * its most central items (highest cosine to the centroid first) and its most common genres with
 * the share of members having each. Immutable.
 */
public record ClusterSummary(int cluster, int size, double meanSimilarity, List<String> centralIds,
        List<GenreShare> genres) {
    /** A genre (as the catalog spells it) and the share of the cluster's items that have it. */
    public record GenreShare(String genre, double share) {}

    public ClusterSummary {
        centralIds = List.copyOf(centralIds);
        genres = List.copyOf(genres);
    }

    /**
     * Summaries of every non-empty cluster, largest first (ties: lower cluster number), with up to
     * {@code central} central items and {@code topGenres} genres each. Rows of {@code clustering}
     * are rows of {@code ids}; genres come from {@code catalog} (items it lacks have none).
     */
    public static List<ClusterSummary> of(Clustering clustering, IdMap ids, Catalog catalog, int central,
            int topGenres) {
        int k = clustering.k();
        int[] sizes = clustering.sizes();
        double[] simSums = new double[k];
        TopK[] centre = new TopK[k];
        List<Map<String, Integer>> genreCounts = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            centre[c] = new TopK(central);
            genreCounts.add(new HashMap<>());
        }
        for (int r = 0; r < clustering.size(); r++) {
            int c = clustering.cluster(r);
            simSums[c] += clustering.similarity(r);
            centre[c].offer(r, clustering.similarity(r));
            Catalog.Item item = catalog.get(ids.external(r));
            if (item != null) {
                for (String g : item.genres()) {
                    genreCounts.get(c).merge(g, 1, Integer::sum);
                }
            }
        }
        List<ClusterSummary> out = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (sizes[c] == 0) {
                continue;
            }
            List<String> centralIds = new ArrayList<>();
            for (int r : centre[c].rowsBestFirst()) {
                centralIds.add(ids.external(r));
            }
            int size = sizes[c];
            List<GenreShare> shares = genreCounts.get(c).entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(topGenres)
                    .map(e -> new GenreShare(e.getKey(), (double) e.getValue() / size))
                    .toList();
            out.add(new ClusterSummary(c, size, simSums[c] / size, centralIds, shares));
        }
        out.sort(Comparator.comparingInt(ClusterSummary::size).reversed().thenComparingInt(ClusterSummary::cluster));
        return out;
    }
}
