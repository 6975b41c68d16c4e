package org.embrec.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.embrec.data.IdMap;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** SIF weights, the first principal component and its removal against brute-force computations. */
class SifWeightingTest {
    @Test
    void weightsAreAOverAPlusTheTokenShare() {
        float[] w = SifWeighting.weights(new long[] {1, 3, 0, 996}, 1e-3);
        assertThat(w[0]).isCloseTo((float) (1e-3 / (1e-3 + 0.001)), within(1e-7f));
        assertThat(w[1]).isCloseTo((float) (1e-3 / (1e-3 + 0.003)), within(1e-7f));
        assertThat(w[2]).isEqualTo(1f);
        assertThat(w[3]).isCloseTo((float) (1e-3 / (1e-3 + 0.996)), within(1e-7f));
    }

    @RepeatedTest(20)
    void firstPrincipalComponentMatchesAJacobiEigendecomposition(RepetitionInfo repetition) {
        SplittableRandom rnd = new SplittableRandom(repetition.getCurrentRepetition());
        int dim = 2 + rnd.nextInt(7);
        int rows = dim + rnd.nextInt(40);
        float[] m = new float[rows * dim];
        // A dominant direction plus noise, as document vectors have; sometimes none.
        double[] common = new double[dim];
        for (int i = 0; i < dim; i++) {
            common[i] = rnd.nextGaussian();
        }
        double strength = rnd.nextBoolean() ? 3 : 0;
        for (int r = 0; r < rows; r++) {
            double a = strength * (0.5 + rnd.nextDouble());
            for (int i = 0; i < dim; i++) {
                m[r * dim + i] = (float) (a * common[i] + rnd.nextGaussian());
            }
        }
        double[] u = SifWeighting.firstPrincipalComponent(m, rows, dim);
        double[][] c = new double[dim][dim];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < dim; i++) {
                for (int j = 0; j < dim; j++) {
                    c[i][j] += (double) m[r * dim + i] * m[r * dim + j];
                }
            }
        }
        double[][] eig = Jacobi.eigen(c);
        double[] values = eig[0];
        int top = 0;
        for (int i = 1; i < dim; i++) {
            top = values[i] > values[top] ? i : top;
        }
        double second = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < dim; i++) {
            if (i != top) {
                second = Math.max(second, values[i]);
            }
        }
        assertThat(norm(u)).isCloseTo(1.0, within(1e-9));
        // The Rayleigh quotient reaches the top eigenvalue (whatever the gap)...
        assertThat(rayleigh(c, u)).isCloseTo(values[top], within(1e-6 * values[top]));
        // ...and with a clear gap the vector is the top eigenvector, up to sign.
        if (values[top] > 1.2 * second) {
            double dot = 0;
            for (int i = 0; i < dim; i++) {
                dot += u[i] * eig[1 + top][i];
            }
            assertThat(Math.abs(dot)).isCloseTo(1.0, within(1e-6));
        }
    }

    @Test
    void removingTheComponentLeavesRowsOrthogonalToItAndTheRestUnchanged() {
        SplittableRandom rnd = new SplittableRandom(3);
        int rows = 30;
        int dim = 5;
        float[] m = new float[rows * dim];
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) rnd.nextGaussian() + (i % dim == 0 ? 4 : 0);
        }
        float[] before = m.clone();
        double[] u = SifWeighting.firstPrincipalComponent(m, rows, dim);
        SifWeighting.removeComponent(m, rows, dim, u);
        for (int r = 0; r < rows; r++) {
            double p = 0;
            double q = 0;
            for (int i = 0; i < dim; i++) {
                p += m[r * dim + i] * u[i];
                q += before[r * dim + i] * u[i];
            }
            assertThat(p).isCloseTo(0, within(1e-5));
            for (int i = 0; i < dim; i++) {
                assertThat((double) m[r * dim + i]).isCloseTo(before[r * dim + i] - q * u[i], within(1e-5));
            }
        }
    }

    @Test
    void zeroMatrixHasNoComponent() {
        assertThat(SifWeighting.firstPrincipalComponent(new float[12], 4, 3)).containsOnly(0.0);
    }

    @Test
    void itemVectorsAreTheBruteForceWeightedMeans() {
        // The corpus's last token has no vector (as if below min-count): it must be skipped.
        ContentCorpus corpus = ContentCorpus.build(ContentCorpusTest.catalog(), ContentField.all());
        IdMap tokens = corpus.tokens();
        SplittableRandom rnd = new SplittableRandom(5);
        int dim = 4;
        String[] withVectors = new String[tokens.size() - 1];
        for (int t = 0; t < withVectors.length; t++) {
            withVectors[t] = tokens.external(t);
        }
        float[] v = new float[withVectors.length * dim];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        EmbeddingStore tokenVectors = EmbeddingStore.of(IdMap.of(withVectors), v, dim);
        long[] counts = corpus.documents().tokenCounts();
        long total = corpus.documents().tokens();
        for (ContentConfig.Weighting weighting : ContentConfig.Weighting.values()) {
            ContentConfig config = ContentConfig.defaults().withWeighting(weighting).withSifA(0.05);
            EmbeddingStore items = ContentEmbedder.itemVectors(corpus, tokenVectors, config);
            int docs = corpus.documents().count();
            double[][] expected = new double[docs][dim];
            String[] ids = new String[docs];
            int n = 0;
            for (int d = 0; d < docs; d++) {
                int used = 0;
                for (int p = corpus.documents().start(d); p < corpus.documents().end(d); p++) {
                    int t = corpus.documents().items()[p];
                    int row = tokenVectors.indexOf(tokens.external(t));
                    if (row < 0) {
                        continue;
                    }
                    double w = weighting == ContentConfig.Weighting.SIF ? 0.05 / (0.05 + counts[t] / (double) total) : 1;
                    for (int i = 0; i < dim; i++) {
                        expected[n][i] += w * v[row * dim + i];
                    }
                    used++;
                }
                if (used > 0) {
                    for (int i = 0; i < dim; i++) {
                        expected[n][i] /= used;
                    }
                    ids[n++] = corpus.items().external(d);
                }
            }
            if (weighting == ContentConfig.Weighting.SIF) {
                float[] flat = new float[n * dim];
                for (int r = 0; r < n; r++) {
                    for (int i = 0; i < dim; i++) {
                        flat[r * dim + i] = (float) expected[r][i];
                    }
                }
                double[][] c = new double[dim][dim];
                for (int r = 0; r < n; r++) {
                    for (int i = 0; i < dim; i++) {
                        for (int j = 0; j < dim; j++) {
                            c[i][j] += expected[r][i] * expected[r][j];
                        }
                    }
                }
                double[][] eig = Jacobi.eigen(c);
                int top = 0;
                for (int i = 1; i < dim; i++) {
                    top = eig[0][i] > eig[0][top] ? i : top;
                }
                double[] u = eig[1 + top];
                for (int r = 0; r < n; r++) {
                    double p = 0;
                    for (int i = 0; i < dim; i++) {
                        p += expected[r][i] * u[i];
                    }
                    for (int i = 0; i < dim; i++) {
                        expected[r][i] -= p * u[i];
                    }
                }
            }
            assertThat(items.size()).as(weighting.key()).isEqualTo(n);
            for (int r = 0; r < n; r++) {
                assertThat(items.id(r)).isEqualTo(ids[r]);
                for (int i = 0; i < dim; i++) {
                    assertThat((double) items.matrix()[r * dim + i]).as(weighting.key() + " item " + ids[r])
                            .isCloseTo(expected[r][i], within(1e-4));
                }
            }
        }
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static double rayleigh(double[][] c, double[] u) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            for (int j = 0; j < u.length; j++) {
                s += u[i] * c[i][j] * u[j];
            }
        }
        return s;
    }

    /** Cyclic Jacobi eigendecomposition of a small symmetric matrix: the oracle. */
    static final class Jacobi {
        /** Row 0: eigenvalues; row 1 + i: the unit eigenvector of eigenvalue i. */
        static double[][] eigen(double[][] input) {
            int n = input.length;
            double[][] a = new double[n][];
            for (int i = 0; i < n; i++) {
                a[i] = input[i].clone();
            }
            double[][] v = new double[n][n];
            for (int i = 0; i < n; i++) {
                v[i][i] = 1;
            }
            for (int sweep = 0; sweep < 100; sweep++) {
                double off = 0;
                for (int p = 0; p < n; p++) {
                    for (int q = p + 1; q < n; q++) {
                        off += a[p][q] * a[p][q];
                    }
                }
                if (off < 1e-30) {
                    break;
                }
                for (int p = 0; p < n; p++) {
                    for (int q = p + 1; q < n; q++) {
                        if (Math.abs(a[p][q]) < 1e-300) {
                            continue;
                        }
                        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                        if (theta == 0) {
                            t = 1;
                        }
                        double c = 1 / Math.sqrt(t * t + 1);
                        double s = t * c;
                        for (int k = 0; k < n; k++) {
                            double akp = a[k][p];
                            double akq = a[k][q];
                            a[k][p] = c * akp - s * akq;
                            a[k][q] = s * akp + c * akq;
                        }
                        for (int k = 0; k < n; k++) {
                            double apk = a[p][k];
                            double aqk = a[q][k];
                            a[p][k] = c * apk - s * aqk;
                            a[q][k] = s * apk + c * aqk;
                        }
                        for (int k = 0; k < n; k++) {
                            double vkp = v[k][p];
                            double vkq = v[k][q];
                            v[k][p] = c * vkp - s * vkq;
                            v[k][q] = s * vkp + c * vkq;
                        }
                    }
                }
            }
            double[][] out = new double[n + 1][n];
            for (int i = 0; i < n; i++) {
                out[0][i] = a[i][i];
                for (int k = 0; k < n; k++) {
                    out[1 + i][k] = v[k][i];
                }
            }
            return out;
        }
    }
}
