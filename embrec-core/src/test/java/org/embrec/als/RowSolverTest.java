package org.embrec.als;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RowSolverTest {
    private static final int ITEMS = 40;
    private static final int K = 6;
    private static final double ALPHA = 10;
    private static final double REG = 0.5;

    private final SplittableRandom rnd = new SplittableRandom(11);
    private final float[] y = gaussian(ITEMS * K, 0.3);
    private final int[] observedCols = {2, 5, 6, 11, 19, 23, 31, 38};

    @Test
    void weightedEntriesConvergeToTheWeightedDenseSolution() {
        float[] vals = new float[observedCols.length];
        double[] weight = new double[ITEMS];
        for (int q = 0; q < vals.length; q++) {
            vals[q] = 0.5f + q * 1.5f; // confidence 1 + alpha x weight, from 0.5 to 11
            weight[observedCols[q]] = vals[q];
        }
        double[] oracle = DenseOracle.solveRow(y, ITEMS, K, mask(), weight, ALPHA, REG);
        double[] unweighted = DenseOracle.solveRow(y, ITEMS, K, mask(), ALPHA, REG);
        float[] x = gaussian(K, 0.5);
        RowSolver.solveRow(x, 0, observedCols, vals, 0, observedCols.length, y, gram(), K, (float) ALPHA, 50,
                new RowSolver.Scratch(K));
        double diff = 0;
        for (int j = 0; j < K; j++) {
            assertThat((double) x[j]).as("component %d", j).isCloseTo(oracle[j], within(1e-4 * norm(oracle)));
            diff += Math.abs(oracle[j] - unweighted[j]);
        }
        assertThat(diff).isGreaterThan(1e-3 * norm(oracle)); // the weights matter
    }

    @Test
    void conjugateGradientConvergesToTheDenseLeastSquaresSolution() {
        double[] oracle = DenseOracle.solveRow(y, ITEMS, K, mask(), ALPHA, REG);
        float[] x = gaussian(K, 0.5); // any start
        RowSolver.solveRow(x, 0, observedCols, null, 0, observedCols.length, y, gram(), K, (float) ALPHA, 50,
                new RowSolver.Scratch(K));
        for (int j = 0; j < K; j++) {
            assertThat((double) x[j]).as("component %d", j).isCloseTo(oracle[j], within(1e-4 * norm(oracle)));
        }
    }

    @Test
    void fewWarmStartedStepsPerCallApproachTheSolutionCallByCall() {
        double[] oracle = DenseOracle.solveRow(y, ITEMS, K, mask(), ALPHA, REG);
        float[] x = gaussian(K, 0.5);
        float[] gram = gram();
        double before = distance(x, oracle);
        RowSolver.Scratch s = new RowSolver.Scratch(K);
        RowSolver.solveRow(x, 0, observedCols, null, 0, observedCols.length, y, gram, K, (float) ALPHA, 2, s);
        double afterOne = distance(x, oracle);
        for (int call = 0; call < 20; call++) {
            RowSolver.solveRow(x, 0, observedCols, null, 0, observedCols.length, y, gram, K, (float) ALPHA, 2, s);
        }
        assertThat(afterOne).isLessThan(before);
        assertThat(distance(x, oracle)).isLessThan(1e-3 * norm(oracle));
    }

    @Test
    void aRowWithoutObservationsGetsZeroFactors() {
        float[] x = gaussian(K, 0.5);
        RowSolver.solveRow(x, 0, observedCols, null, 3, 3, y, gram(), K, (float) ALPHA, 3, new RowSolver.Scratch(K));
        assertThat(x).containsOnly(0f);
    }

    @Test
    void theGramianIsYtYPlusRegOnTheDiagonalWhateverTheThreads() {
        float[] g1 = RowSolver.gramian(y, ITEMS, K, REG, 1);
        float[] g3 = RowSolver.gramian(y, ITEMS, K, REG, 3);
        assertThat(g3).isEqualTo(g1);
        for (int a = 0; a < K; a++) {
            for (int b = 0; b < K; b++) {
                double s = a == b ? REG : 0;
                for (int i = 0; i < ITEMS; i++) {
                    s += (double) y[i * K + a] * y[i * K + b];
                }
                assertThat((double) g1[a * K + b]).isCloseTo(s, within(1e-5));
            }
        }
    }

    private float[] gram() {
        return RowSolver.gramian(y, ITEMS, K, REG, 1);
    }

    private boolean[] mask() {
        boolean[] m = new boolean[ITEMS];
        for (int c : observedCols) {
            m[c] = true;
        }
        return m;
    }

    private float[] gaussian(int n, double sd) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (sd * rnd.nextGaussian());
        }
        return v;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d * d;
        }
        return Math.sqrt(s);
    }

    private static double distance(float[] x, double[] o) {
        double s = 0;
        for (int j = 0; j < o.length; j++) {
            s += (x[j] - o[j]) * (x[j] - o[j]);
        }
        return Math.sqrt(s);
    }
}
