package org.embrec.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.embrec.data.IdMap;
import org.embrec.model.ColdStartSettings;
import org.embrec.model.Scoring;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.Test;

class ColdStartTest {
    private static final int WARM = 300;
    private static final int COLD = 40;
    private static final int IN = 8;
    private static final int OUT = 6;

    /** Content for warm and cold items; behaviour = a linear map of the unit content + noise. */
    private record World(EmbeddingStore content, EmbeddingStore behaviour, float[] truth) {}

    private static World world(double noise) {
        SplittableRandom rnd = new SplittableRandom(17);
        double[][] a = new double[IN][OUT];
        for (double[] row : a) {
            for (int j = 0; j < OUT; j++) {
                row[j] = rnd.nextGaussian();
            }
        }
        int n = WARM + COLD;
        String[] ids = new String[n];
        float[] c = new float[n * IN];
        float[] truth = new float[n * OUT];
        for (int i = 0; i < n; i++) {
            ids[i] = Integer.toString(i);
            double norm = 0;
            for (int k = 0; k < IN; k++) {
                c[i * IN + k] = (float) (rnd.nextGaussian() * (1 + rnd.nextDouble()));
                norm += c[i * IN + k] * c[i * IN + k];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < OUT; j++) {
                double s = 0.5;
                for (int k = 0; k < IN; k++) {
                    s += c[i * IN + k] / norm * a[k][j];
                }
                truth[i * OUT + j] = (float) (s + noise * rnd.nextGaussian());
            }
        }
        String[] warmIds = java.util.Arrays.copyOf(ids, WARM);
        return new World(EmbeddingStore.of(IdMap.of(ids), c, IN),
                EmbeddingStore.of(IdMap.of(warmIds), java.util.Arrays.copyOf(truth, WARM * OUT), OUT), truth);
    }

    @Test
    void coldItemsLandWhereTheirBehaviourWouldBe() {
        World w = world(0.01);
        ColdStart.Result r = ColdStart.apply(w.behaviour(), w.content(), new ColdStartSettings(1e-4, false, false));
        assertThat(r.warmRows()).isEqualTo(WARM);
        assertThat(r.coldCount()).isEqualTo(COLD);
        assertThat(r.trainedOn()).isEqualTo(WARM);
        assertThat(r.spread()).isEqualTo(1.0);
        assertThat(r.coldIds()).hasSize(COLD).startsWith(Integer.toString(WARM));
        EmbeddingStore v = r.vectors();
        for (int row = 0; row < v.size(); row++) {
            int item = Integer.parseInt(v.id(row));
            assertThat(r.isCold(row)).isEqualTo(item >= WARM);
            for (int j = 0; j < OUT; j++) {
                double got = v.matrix()[row * OUT + j];
                double expected = w.truth()[item * OUT + j];
                // Warm rows are copied; cold rows are predictions within the noise.
                assertThat(got).isCloseTo(expected, within(item < WARM ? 0.0 : 0.05));
            }
        }
    }

    @Test
    void centringSubtractsTheWarmMeanFromEveryRow() {
        World w = world(0.3);
        ColdStart.Result plain = ColdStart.apply(w.behaviour(), w.content(), new ColdStartSettings(1, false, false));
        ColdStart.Result centred = ColdStart.apply(w.behaviour(), w.content(), new ColdStartSettings(1, false, true));
        double[] mean = new double[OUT];
        for (int i = 0; i < WARM; i++) {
            for (int j = 0; j < OUT; j++) {
                mean[j] += w.behaviour().matrix()[i * OUT + j] / (double) WARM;
            }
        }
        for (int i = 0; i < plain.vectors().matrix().length; i++) {
            assertThat((double) centred.vectors().matrix()[i])
                    .isCloseTo(plain.vectors().matrix()[i] - mean[i % OUT], within(1e-5));
        }
    }

    @Test
    void centringKeepsTheDirectedScoreOfWarmCandidatesUpToAConstantOfTheQuery() {
        World w = world(0.3);
        SplittableRandom rnd = new SplittableRandom(23);
        float[] out = new float[WARM * (OUT + 1)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) rnd.nextGaussian();
        }
        EmbeddingStore output = EmbeddingStore.of(w.behaviour().ids(), out, OUT + 1);
        ColdStartSettings centring = new ColdStartSettings(1, true, true);
        ColdStart.Result input = ColdStart.apply(w.behaviour(), w.content(), centring);
        EmbeddingStore kept = ColdStart.applyToOutput(output, w.content(), centring, input);
        EmbeddingStore naive = ColdStart.apply(output, w.content(), centring).vectors();
        assertThat(kept.size()).isEqualTo(input.vectors().size());
        double naiveSpread = 0;
        for (int q = 0; q < 20; q++) {
            // an item query, and a user query: the mean of three items' vectors (centred alike)
            float[][] before = {w.behaviour().vector(q), mean(w.behaviour(), q, q + 50, q + 100)};
            float[][] after = {input.vectors().vector(q), mean(input.vectors(), q, q + 50, q + 100)};
            for (int k = 0; k < 2; k++) {
                double shift = directed(after[k], kept, 0) - directed(before[k], output, 0);
                double naiveShift = directed(after[k], naive, 0) - directed(before[k], output, 0);
                for (int c = 1; c < WARM; c++) {
                    double d = directed(after[k], kept, c) - directed(before[k], output, c);
                    assertThat(d).as("query %d, candidate %d", q, c).isCloseTo(shift, within(1e-3));
                    naiveSpread = Math.max(naiveSpread,
                            Math.abs(directed(after[k], naive, c) - directed(before[k], output, c) - naiveShift));
                }
            }
        }
        assertThat(naiveSpread).as("without the bias correction centring moves candidates apart").isGreaterThan(0.1);
        // a cold row's bias is ln 1 (shifted as the warm ones were), whatever content would predict
        double[] outMean = ColdStart.apply(output, w.content(), centring).centre();
        for (int c = WARM; c < kept.size(); c++) {
            double lost = 0;
            for (int j = 0; j < OUT; j++) {
                lost += input.centre()[j] * kept.vector(c)[j];
            }
            assertThat((double) kept.vector(c)[OUT]).isCloseTo(-outMean[OUT] + lost, within(1e-4));
        }
    }

    @Test
    void aModelThatWeighsAPriorIsNotCentredSoThePriorStaysTheLogCount() {
        ColdStartSettings requested = ColdStartSettings.defaults();
        Scoring prior = Scoring.blended(Scoring.Blend.cosineWithPrior(1, 0.1), new Scoring.Blend(1, 0.3));
        Scoring directed = Scoring.blended(Scoring.Blend.rankFusion(1, 0.3, 100), new Scoring.Blend(1, 0.3));
        ColdStartSettings applied = ColdStart.settingsFor(prior, requested);
        assertThat(applied).isEqualTo(requested.withCenter(false));
        assertThat(ColdStart.settingsFor(Scoring.blended(new Scoring.Blend(1, 0), new Scoring.Blend(1, 0, 0.1, 0)),
                requested).center()).isFalse();
        assertThat(ColdStart.settingsFor(directed, requested)).isSameAs(requested);
        assertThat(ColdStart.settingsFor(Scoring.DEFAULT, requested)).isSameAs(requested);
        World w = world(0.3);
        SplittableRandom rnd = new SplittableRandom(29);
        float[] out = new float[WARM * (OUT + 1)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (i % (OUT + 1) == OUT ? Math.log(1 + rnd.nextInt(100)) : rnd.nextGaussian());
        }
        EmbeddingStore output = EmbeddingStore.of(w.behaviour().ids(), out, OUT + 1);
        ColdStart.Result input = ColdStart.apply(w.behaviour(), w.content(), applied);
        EmbeddingStore kept = ColdStart.applyToOutput(output, w.content(), applied, input);
        assertThat(input.centre()).isNull();
        for (int r = 0; r < WARM; r++) {
            // warm rows as trained: the prior p x the last column scores p ln count
            assertThat(input.vectors().vector(r)).containsExactly(w.behaviour().vector(r));
            assertThat(kept.vector(r)).containsExactly(output.vector(r));
        }
        for (int r = WARM; r < kept.size(); r++) {
            assertThat(kept.vector(r)[OUT]).as("a cold row's bias is ln 1").isZero();
        }
    }

    private static double directed(float[] q, EmbeddingStore output, int c) {
        float[] o = output.vector(c);
        double s = o[OUT];
        for (int j = 0; j < OUT; j++) {
            s += (double) q[j] * o[j];
        }
        return s;
    }

    private static float[] mean(EmbeddingStore s, int... rows) {
        float[] m = new float[s.dim()];
        for (int r : rows) {
            for (int j = 0; j < m.length; j++) {
                m[j] += s.vector(r)[j] / rows.length;
            }
        }
        return m;
    }

    @Test
    void spreadMatchingGivesMappedDeviationsTheWarmSpread() {
        World w = world(1.0);
        ColdStart.Result r = ColdStart.apply(w.behaviour(), w.content(), new ColdStartSettings(1, true, false));
        // Noisy behaviour: predictions regress to the mean, so they are stretched.
        assertThat(r.spread()).isGreaterThan(1.1);
        // Brute force: the factor equals sqrt(sum |y - m|^2 / sum |f(x) - m|^2) over warm items.
        float[] x = new float[WARM * IN];
        System.arraycopy(w.content().unitMatrix(), 0, x, 0, x.length);
        float[] y = java.util.Arrays.copyOf(w.behaviour().matrix(), WARM * OUT);
        RidgeMapping map = RidgeMapping.fit(x, y, WARM, IN, OUT, 1);
        double[] mean = new double[OUT];
        for (int i = 0; i < WARM; i++) {
            for (int j = 0; j < OUT; j++) {
                mean[j] += y[i * OUT + j] / (double) WARM;
            }
        }
        double real = 0;
        double mapped = 0;
        float[] p = new float[OUT];
        for (int i = 0; i < WARM; i++) {
            map.apply(x, i * IN, p, 0);
            for (int j = 0; j < OUT; j++) {
                real += Math.pow(y[i * OUT + j] - mean[j], 2);
                mapped += Math.pow(p[j] - mean[j], 2);
            }
        }
        assertThat(r.spread()).isCloseTo(Math.sqrt(real / mapped), within(1e-6));
        // A cold row is the mean plus the stretched deviation of its prediction.
        int row = WARM;
        map.apply(w.content().unitMatrix(), w.content().indexOf(r.vectors().id(row)) * IN, p, 0);
        for (int j = 0; j < OUT; j++) {
            assertThat((double) r.vectors().matrix()[row * OUT + j])
                    .isCloseTo(mean[j] + r.spread() * (p[j] - mean[j]), within(1e-4));
        }
    }

    @Test
    void nothingToDoReturnsTheBehaviourVectors() {
        World w = world(0.1);
        EmbeddingStore onlyWarm = EmbeddingStore.of(w.behaviour().ids(), w.behaviour().matrix(), OUT);
        String[] ids = new String[WARM];
        float[] c = java.util.Arrays.copyOf(w.content().matrix(), WARM * IN);
        for (int i = 0; i < WARM; i++) {
            ids[i] = Integer.toString(i);
        }
        ColdStart.Result r = ColdStart.apply(onlyWarm, EmbeddingStore.of(IdMap.of(ids), c, IN),
                ColdStartSettings.defaults());
        assertThat(r.vectors()).isSameAs(onlyWarm);
        assertThat(r.coldCount()).isZero();
    }
}
