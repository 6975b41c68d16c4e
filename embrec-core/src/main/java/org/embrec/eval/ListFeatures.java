package org.embrec.eval;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.embrec.data.Catalog;
import org.embrec.data.IdMap;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.VectorMath;

/**
 * What the beyond-accuracy measures need to know about one scorer's candidates: each one's
 * popularity percentile, and a distance between two of them (genre Jaccard when the catalog
 * has genres, so that every row of a report uses the same one; else 1 - cosine of the model's
 * vectors; else none). {@link #measure} turns a model's {@link TopLists} into {@link ListStats}.
 *
 * <p>Immutable and thread-safe; built once per scorer, in time linear in the candidates.
 */
public final class ListFeatures {
    /** Name of the genre distance: 1 - |A ∩ B| / |A ∪ B| of the two items' genre sets. */
    public static final String GENRE_JACCARD = "genre-jaccard";
    /** Name of the vector distance: 1 - cosine of the two items' vectors in the model. */
    public static final String COSINE = "cosine";

    private final int candidates;
    private final double[] popularityPct;
    private final String measure;
    /** Genre sets as bit sets, {@code words} longs per candidate (genre measure). */
    private final long[] genres;
    private final int words;
    private final boolean[] hasGenres;
    /** Unit vectors, row = candidate (cosine measure). */
    private final float[] unit;
    private final int dim;

    private ListFeatures(int candidates, double[] popularityPct, String measure, long[] genres, int words,
            boolean[] hasGenres, float[] unit, int dim) {
        this.candidates = candidates;
        this.popularityPct = popularityPct;
        this.measure = measure;
        this.genres = genres;
        this.words = words;
        this.hasGenres = hasGenres;
        this.unit = unit;
        this.dim = dim;
    }

    /**
     * @param scorer the candidates
     * @param itemIds the split's item ids, which {@code itemPct} is indexed by
     * @param itemPct popularity percentile per split item ({@link #popularityPercentiles})
     * @param catalog item metadata (genre distance when any candidate has a genre); may be empty
     * @param store the model's vectors with row = candidate (cosine distance when there are no
     *     genres), or null
     */
    public static ListFeatures of(ItemScorer scorer, IdMap itemIds, double[] itemPct, Catalog catalog,
            EmbeddingStore store) {
        Objects.requireNonNull(catalog, "catalog");
        int n = scorer.candidateCount();
        double[] pct = new double[n];
        for (int c = 0; c < n; c++) {
            int item = itemIds.indexOf(scorer.candidateId(c));
            pct[c] = item < 0 ? 0 : itemPct[item];
        }
        List<String>[] sets = genreLists(scorer, catalog);
        if (sets != null) {
            Map<String, Integer> bit = new HashMap<>();
            for (List<String> g : sets) {
                if (g != null) {
                    g.forEach(name -> bit.putIfAbsent(name, bit.size()));
                }
            }
            int words = (bit.size() + 63) / 64;
            long[] bits = new long[n * words];
            boolean[] has = new boolean[n];
            for (int c = 0; c < n; c++) {
                if (sets[c] != null && !sets[c].isEmpty()) {
                    has[c] = true;
                    for (String g : sets[c]) {
                        int b = bit.get(g);
                        bits[c * words + (b >>> 6)] |= 1L << (b & 63);
                    }
                }
            }
            return new ListFeatures(n, pct, GENRE_JACCARD, bits, words, has, null, 0);
        }
        if (store != null) {
            if (store.size() != n) {
                throw new IllegalArgumentException("the store's rows must be the candidates");
            }
            return new ListFeatures(n, pct, COSINE, null, 0, null, store.unitMatrix(), store.dim());
        }
        return new ListFeatures(n, pct, null, null, 0, null, null, 0);
    }

    /** Each candidate's genres, or null when no candidate has any. */
    @SuppressWarnings("unchecked")
    private static List<String>[] genreLists(ItemScorer scorer, Catalog catalog) {
        int n = scorer.candidateCount();
        List<String>[] sets = new List[n];
        boolean any = false;
        for (int c = 0; c < n; c++) {
            Catalog.Item it = catalog.get(scorer.candidateId(c));
            sets[c] = it == null ? null : it.genres();
            any |= it != null && !it.genres().isEmpty();
        }
        return any ? sets : null;
    }

    /**
     * Popularity percentile of every item from its training count (PROTOCOL.md's count(j): the
     * training sequences containing it): the mid-rank percentile among the items that occur in
     * training, {@code 100 * (#items with a smaller count + #items with an equal count / 2) / #items}.
     * The most popular item scores close to 100, a median item 50; an item with count 0 (absent
     * from training: a cold-start or content-only item) scores 0.
     */
    public static double[] popularityPercentiles(int[] counts) {
        int[] sorted = Arrays.stream(counts).filter(x -> x > 0).sorted().toArray();
        int n = sorted.length;
        double[] pct = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                int below = lowerBound(sorted, counts[i]);
                int equal = lowerBound(sorted, counts[i] + 1) - below;
                pct[i] = 100.0 * (below + equal / 2.0) / n;
            }
        }
        return pct;
    }

    /** First index of {@code sorted} holding a value >= {@code v}. */
    private static int lowerBound(int[] sorted, int v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The distance's name, or null when this model has none. */
    public String distanceName() {
        return measure;
    }

    /**
     * The beyond-accuracy figures of the lists: catalogue coverage and popularity over every
     * list, diversity over the lists with at least two items that have a defined distance.
     */
    public ListStats measure(TopLists lists) {
        boolean[] seen = new boolean[candidates];
        int distinct = 0;
        long entries = 0;
        double pop = 0;
        double divSum = 0;
        int divLists = 0;
        int k = lists.k();
        for (int c = 0; c < lists.size(); c++) {
            int len = lists.length(c);
            for (int i = 0; i < len; i++) {
                int item = lists.item(c, i);
                if (!seen[item]) {
                    seen[item] = true;
                    distinct++;
                }
                pop += popularityPct[item];
            }
            entries += len;
            if (measure != null && len >= 2 && k >= 2) {
                double d = meanPairwise(lists, c, len);
                if (!Double.isNaN(d)) {
                    divSum += d;
                    divLists++;
                }
            }
        }
        return new ListStats(candidates == 0 ? 0 : distinct / (double) candidates, distinct,
                entries == 0 ? 0 : pop / entries, divLists == 0 ? Double.NaN : divSum / divLists, measure);
    }

    /** Mean distance over the pairs of case c's list with a defined distance, or NaN. */
    private double meanPairwise(TopLists lists, int c, int len) {
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < len; i++) {
            int a = lists.item(c, i);
            for (int j = i + 1; j < len; j++) {
                double d = distance(a, lists.item(c, j));
                if (!Double.isNaN(d)) {
                    sum += d;
                    pairs++;
                }
            }
        }
        return pairs == 0 ? Double.NaN : sum / pairs;
    }

    /** The distance of two candidates: NaN when undefined (an item without genres). */
    double distance(int a, int b) {
        if (unit != null) {
            return 1.0 - VectorMath.get().dot(unit, a * dim, unit, b * dim, dim);
        }
        if (!hasGenres[a] || !hasGenres[b]) {
            return Double.NaN;
        }
        int both = 0;
        int either = 0;
        for (int w = 0; w < words; w++) {
            long x = genres[a * words + w];
            long y = genres[b * words + w];
            both += Long.bitCount(x & y);
            either += Long.bitCount(x | y);
        }
        return 1.0 - both / (double) either;
    }
}
