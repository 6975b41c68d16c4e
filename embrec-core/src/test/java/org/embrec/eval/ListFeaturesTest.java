package org.embrec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.embrec.data.Catalog;
import org.embrec.data.IdMap;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.Test;

class ListFeaturesTest {
    private static final String[] GENRES = {"Action", "Comedy", "Drama", "Horror", "Sci-Fi", "Romance"};

    @Test
    void popularityPercentilesAreMidRanksAmongTrainingItems() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int trial = 0; trial < 50; trial++) {
            int[] counts = new int[1 + rnd.nextInt(40)];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(6);
            }
            double[] pct = ListFeatures.popularityPercentiles(counts);
            int n = 0;
            for (int c : counts) {
                n += c > 0 ? 1 : 0;
            }
            for (int i = 0; i < counts.length; i++) {
                double below = 0;
                double equal = 0;
                for (int c : counts) {
                    below += c > 0 && c < counts[i] ? 1 : 0;
                    equal += c > 0 && c == counts[i] ? 1 : 0;
                }
                double want = counts[i] == 0 ? 0 : 100 * (below + equal / 2) / n;
                assertThat(pct[i]).isCloseTo(want, within(1e-9));
            }
        }
        assertThat(ListFeatures.popularityPercentiles(new int[] {1, 2, 3, 4})).containsExactly(12.5, 37.5, 62.5, 87.5);
    }

    /** A scorer over candidates "1".."n" (numbered in that order); scores unused. */
    private static ItemScorer candidates(IdMap items) {
        return new TableScorer(items, scoresOf(items));
    }

    private static Map<String, Double> scoresOf(IdMap items) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            m.put(items.external(i), 0.0);
        }
        return m;
    }

    @Test
    void coveragePopularityAndGenreDiversityMatchBruteForce() {
        SplittableRandom rnd = new SplittableRandom(2);
        int n = 60;
        String[] ids = new String[n];
        Map<String, Catalog.Item> items = new LinkedHashMap<>();
        List<Set<String>> genres = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids[i] = Integer.toString(i + 1);
            Set<String> g = new HashSet<>();
            int many = rnd.nextInt(4); // 0: no genres, excluded from pairs
            for (int j = 0; j < many; j++) {
                g.add(GENRES[rnd.nextInt(GENRES.length)]);
            }
            genres.add(g);
            if (i % 10 != 9) { // every tenth item is missing from the catalog
                items.put(ids[i], new Catalog.Item(ids[i], "t" + i, List.copyOf(g), 2000));
            } else {
                genres.set(i, Set.of());
            }
        }
        IdMap itemIds = IdMap.of(ids);
        ItemScorer scorer = candidates(itemIds);
        double[] itemPct = new double[n];
        for (int i = 0; i < n; i++) {
            itemPct[i] = rnd.nextDouble() * 100;
        }
        ListFeatures f = ListFeatures.of(scorer, itemIds, itemPct, new Catalog(items, List.of()), null);
        assertThat(f.distanceName()).isEqualTo(ListFeatures.GENRE_JACCARD);

        int k = 5;
        int cases = 40;
        int[] lists = randomLists(rnd, cases, k, n);
        ListStats s = f.measure(new TopLists(k, lists));

        Set<Integer> distinct = new HashSet<>();
        double pop = 0;
        int entries = 0;
        double div = 0;
        int divLists = 0;
        for (int c = 0; c < cases; c++) {
            List<Integer> list = new ArrayList<>();
            for (int i = 0; i < k && lists[c * k + i] >= 0; i++) {
                list.add(lists[c * k + i]);
            }
            distinct.addAll(list);
            for (int item : list) {
                pop += itemPct[item];
                entries++;
            }
            double sum = 0;
            int pairs = 0;
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    Set<String> a = genres.get(list.get(i));
                    Set<String> b = genres.get(list.get(j));
                    if (a.isEmpty() || b.isEmpty()) {
                        continue;
                    }
                    Set<String> inter = new HashSet<>(a);
                    inter.retainAll(b);
                    Set<String> union = new HashSet<>(a);
                    union.addAll(b);
                    sum += 1 - inter.size() / (double) union.size();
                    pairs++;
                }
            }
            if (pairs > 0) {
                div += sum / pairs;
                divLists++;
            }
        }
        assertThat(s.distinctItems()).isEqualTo(distinct.size());
        assertThat(s.catalogCoverage()).isCloseTo(distinct.size() / (double) n, within(1e-12));
        assertThat(s.popularityPct()).isCloseTo(pop / entries, within(1e-9));
        assertThat(divLists).isPositive();
        assertThat(s.diversity()).isCloseTo(div / divLists, within(1e-12));
        assertThat(s.diversityMeasure()).isEqualTo(ListFeatures.GENRE_JACCARD);
    }

    /** Random lists without repeats, some shorter than k, some empty (forced misses). */
    private static int[] randomLists(SplittableRandom rnd, int cases, int k, int n) {
        int[] lists = new int[cases * k];
        java.util.Arrays.fill(lists, TopLists.NONE);
        for (int c = 0; c < cases; c++) {
            int len = rnd.nextInt(6) == 0 ? rnd.nextInt(k + 1) : k;
            Set<Integer> used = new HashSet<>();
            for (int i = 0; i < len; i++) {
                int item;
                do {
                    item = rnd.nextInt(n);
                } while (!used.add(item));
                lists[c * k + i] = item;
            }
        }
        return lists;
    }

    @Test
    void withoutGenresDiversityIsOneMinusCosineOfTheModelsVectors() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 30;
        int dim = 4;
        String[] ids = new String[n];
        float[] v = new float[n * dim];
        for (int i = 0; i < n; i++) {
            ids[i] = Integer.toString(i + 1);
            for (int j = 0; j < dim; j++) {
                v[i * dim + j] = (float) rnd.nextGaussian();
            }
        }
        IdMap itemIds = IdMap.of(ids);
        EmbeddingStore store = EmbeddingStore.of(itemIds, v, dim);
        ItemScorer scorer = new EmbeddingScorer("m", store, itemIds);
        ListFeatures f = ListFeatures.of(scorer, itemIds, new double[n], Catalog.empty(), store);
        assertThat(f.distanceName()).isEqualTo(ListFeatures.COSINE);
        int k = 4;
        int[] lists = randomLists(rnd, 25, k, n);
        double div = 0;
        int divLists = 0;
        for (int c = 0; c < 25; c++) {
            double sum = 0;
            int pairs = 0;
            for (int i = 0; i < k && lists[c * k + i] >= 0; i++) {
                for (int j = i + 1; j < k && lists[c * k + j] >= 0; j++) {
                    sum += 1 - cosine(v, lists[c * k + i], lists[c * k + j], dim);
                    pairs++;
                }
            }
            if (pairs > 0) {
                div += sum / pairs;
                divLists++;
            }
        }
        assertThat(f.measure(new TopLists(k, lists)).diversity()).isCloseTo(div / divLists, within(1e-5));
        // Neither genres nor vectors: no diversity.
        ListStats none = ListFeatures.of(scorer, itemIds, new double[n], Catalog.empty(), null)
                .measure(new TopLists(k, lists));
        assertThat(none.diversity()).isNaN();
        assertThat(none.diversityMeasure()).isNull();
    }

    private static double cosine(float[] v, int a, int b, int dim) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int j = 0; j < dim; j++) {
            dot += v[a * dim + j] * v[b * dim + j];
            na += v[a * dim + j] * v[a * dim + j];
            nb += v[b * dim + j] * v[b * dim + j];
        }
        return dot / Math.sqrt(na * nb);
    }
}
