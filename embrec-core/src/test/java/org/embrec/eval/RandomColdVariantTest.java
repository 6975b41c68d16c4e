package org.embrec.eval;

import java.util.SplittableRandom;
import org.embrec.Progress;
import org.embrec.data.IdMap;
import org.embrec.model.Scoring;
import org.embrec.pipeline.TrainingData;
import org.embrec.vectors.BruteForce;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@link RandomColdVariant}: warm rows untouched, cold rows keep their length, lose their direction. */
class RandomColdVariantTest {
    private static final int DIM = 8;

    private static EmbeddingStore store(int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] m = new float[rows * DIM];
        String[] ids = new String[rows];
        for (int r = 0; r < rows; r++) {
            ids[r] = "i" + r;
            for (int j = 0; j < DIM; j++) {
                m[r * DIM + j] = (float) (rnd.nextGaussian() + 2); // a shared direction, as trained vectors have
            }
        }
        return EmbeddingStore.of(IdMap.of(ids), m, DIM);
    }


    private static double norm(float[] a) {
        return Math.sqrt(squaredLength(a));
    }

    private static double squaredLength(float[] a) {
        double s = 0;
        for (float v : a) {
            s += (double) v * v;
        }
        return s;
    }

    @Test
    void coldRowsKeepTheirLengthAndLoseTheirDirectionWarmRowsAreUntouched() {
        EmbeddingStore s = store(400, 1);
        int warm = 100;
        EmbeddingStore r = RandomColdVariant.randomizeFrom(s, warm, 7);
        assertThat(r.size()).isEqualTo(s.size());
        double meanCosToMean = 0;
        float[] shared = new float[DIM];
        java.util.Arrays.fill(shared, 1f);
        for (int row = 0; row < s.size(); row++) {
            assertThat(r.id(row)).isEqualTo(s.id(row));
            if (row < warm) {
                assertThat(r.vector(row)).containsExactly(s.vector(row));
            } else {
                assertThat(norm(r.vector(row))).isCloseTo(norm(s.vector(row)), within(1e-4 * norm(s.vector(row))));
                meanCosToMean += BruteForce.cosine(r.vector(row), shared);
            }
        }
        // The originals all lean the same way (cosine ~0.9 with the all-ones direction); random
        // directions average about 0 against it.
        meanCosToMean /= s.size() - warm;
        assertThat(meanCosToMean).isBetween(-0.1, 0.1);
    }

    @Test
    void theSameSeedGivesTheSameRowsAnotherSeedOthers() {
        EmbeddingStore s = store(50, 2);
        EmbeddingStore a = RandomColdVariant.randomizeFrom(s, 10, 3);
        EmbeddingStore b = RandomColdVariant.randomizeFrom(s, 10, 3);
        EmbeddingStore c = RandomColdVariant.randomizeFrom(s, 10, 4);
        assertThat(a.matrix()).containsExactly(b.matrix());
        assertThat(a.vector(20)).isNotEqualTo(c.vector(20));
    }

    @Test
    void aZeroRowStaysZero() {
        float[] m = {1, 2, 0, 0};
        EmbeddingStore s = EmbeddingStore.of(IdMap.of(new String[] {"a", "b"}), m, 2);
        EmbeddingStore r = RandomColdVariant.randomizeFrom(s, 1, 1);
        assertThat(r.vector(1)).containsExactly(0f, 0f);
        assertThat(r.vector(0)).containsExactly(1f, 2f);
    }

    @Test
    void deriveRandomizesTheRowsTheWrappedVariantAppended() {
        EmbeddingStore fitted = store(5, 3);
        EmbeddingStore withCold = store(12, 3); // the first 5 rows equal the fitted ones
        StoreVariant appending = new StoreVariant() {
            @Override
            public String suffix() {
                return "+x";
            }

            @Override
            public EmbeddingStore derive(TrainingData data, EmbeddingStore f, Scoring scoring, long seed,
                    Progress progress) {
                return withCold;
            }
        };
        RandomColdVariant control = new RandomColdVariant(appending);
        assertThat(control.suffix()).isEqualTo("+random-cold");
        EmbeddingStore out = control.derive(null, fitted, Scoring.DEFAULT, 9, Progress.NONE);
        for (int row = 0; row < 5; row++) {
            assertThat(out.vector(row)).containsExactly(withCold.vector(row));
        }
        for (int row = 5; row < 12; row++) {
            assertThat(BruteForce.cosine(out.vector(row), withCold.vector(row))).isLessThan(0.999);
        }
    }
}
