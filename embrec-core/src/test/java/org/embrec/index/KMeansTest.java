package org.embrec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.embrec.EmbrecException;
import org.junit.jupiter.api.Test;

class KMeansTest {
    /** Planted clusters: well-separated centres, every point labelled with its centre. */
    record Planted(float[] points, int[] labels, int dim, int k) {}

    static Planted planted(int n, int dim, int k, double spread, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] centres = new float[k * dim];
        for (int c = 0; c < k; c++) { // orthogonal-ish, far apart: a one-hot-heavy direction per centre
            for (int d = 0; d < dim; d++) {
                centres[c * dim + d] = (float) (0.2 * TestVectors.gauss(rnd));
            }
            centres[c * dim + (c % dim)] += 3f;
            centres[c * dim + ((c * 7 + 3) % dim)] += c >= dim ? 3f : 0f;
        }
        float[] points = new float[n * dim];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = rnd.nextInt(k);
            labels[i] = c;
            for (int d = 0; d < dim; d++) {
                points[i * dim + d] = (float) (centres[c * dim + d] + spread * TestVectors.gauss(rnd));
            }
        }
        return new Planted(points, labels, dim, k);
    }

    @Test
    void recoversPlantedClusters() {
        Planted p = planted(3000, 24, 12, 0.3, 1);
        Clustering c = KMeans.fit(p.points(), p.dim(), KMeansConfig.of(12, 5, 2), null);
        // Each found cluster maps to exactly one planted label and vice versa (a perfect matching).
        Map<Integer, Integer> foundToPlanted = new HashMap<>();
        for (int i = 0; i < c.size(); i++) {
            Integer prev = foundToPlanted.putIfAbsent(c.cluster(i), p.labels()[i]);
            assertThat(prev == null || prev == p.labels()[i]).as("cluster %d mixes labels", c.cluster(i)).isTrue();
        }
        assertThat(new HashSet<>(foundToPlanted.values())).hasSize(12);
        assertThat(c.meanSimilarity()).isGreaterThan(0.8);
    }

    @Test
    void isDeterministicForASeedWhateverTheThreadCount() {
        Planted p = planted(2000, 16, 8, 0.6, 3);
        Clustering one = KMeans.fit(p.points(), p.dim(), new KMeansConfig(8, 25, 77, 256, 1), null);
        Clustering two = KMeans.fit(p.points(), p.dim(), new KMeansConfig(8, 25, 77, 256, 2), null);
        for (int i = 0; i < p.points().length / p.dim(); i++) {
            assertThat(two.cluster(i)).isEqualTo(one.cluster(i));
        }
        assertThat(two.centroids()).isEqualTo(one.centroids());
    }

    @Test
    void everyPointJoinsItsMostSimilarCentroidAndCentroidsAreUnit() {
        Planted p = planted(1500, 10, 6, 1.0, 4);
        Clustering c = KMeans.fit(p.points(), p.dim(), KMeansConfig.of(6, 9, 2), null);
        float[] cent = c.centroids();
        for (int j = 0; j < 6; j++) {
            double sq = 0;
            for (int d = 0; d < 10; d++) {
                sq += cent[j * 10 + d] * cent[j * 10 + d];
            }
            assertThat(sq).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
        for (int i = 0; i < 1500; i++) {
            float[] x = java.util.Arrays.copyOfRange(p.points(), i * 10, i * 10 + 10);
            double norm = 0;
            for (float v : x) {
                norm += v * v;
            }
            double best = -2;
            for (int j = 0; j < 6; j++) {
                double s = 0;
                for (int d = 0; d < 10; d++) {
                    s += x[d] * cent[j * 10 + d];
                }
                best = Math.max(best, s / Math.sqrt(norm));
            }
            assertThat((double) c.similarity(i)).isCloseTo(best, org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void samplingStillAssignsEveryPointAndNoClusterIsEmpty() {
        Planted p = planted(5000, 16, 20, 0.5, 5);
        Clustering c = KMeans.fit(p.points(), p.dim(), new KMeansConfig(20, 10, 9, 30, 2), null); // trains on 600
        assertThat(c.size()).isEqualTo(5000);
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            used.add(c.cluster(i));
        }
        assertThat(used).hasSize(20);
    }

    @Test
    void duplicatePointsDoNotLeaveClustersEmptyOrBreakInit() {
        float[] points = new float[400 * 4];
        for (int i = 0; i < 400; i++) {
            points[i * 4 + (i % 2)] = 1f; // only two distinct directions
        }
        Clustering c = KMeans.fit(points, 4, KMeansConfig.of(3, 1, 1), null);
        assertThat(c.size()).isEqualTo(400);
        assertThat(c.meanSimilarity()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void moreClustersThanPointsIsAUserError() {
        assertThatThrownBy(() -> KMeans.fit(new float[6], 2, KMeansConfig.of(4, 1, 1), null))
                .isInstanceOf(EmbrecException.class).hasMessageContaining("--k");
    }
}
