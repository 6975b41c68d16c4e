package org.embrec.eval;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Ranking#rank} on the Vector API: per lane, (score > s) or (score == s and key < k),
 * counted with {@code trueCount}; a scalar tail. Loaded only when {@code jdk.incubator.vector}
 * is present. Stateless and thread-safe.
 */
final class PanamaRanking {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private PanamaRanking() {}

    static int rank(double[] scores, int n, double[] tieKey, int target) {
        double s = scores[target];
        double key = tieKey[target];
        DoubleVector vs = DoubleVector.broadcast(S, s);
        DoubleVector vk = DoubleVector.broadcast(S, key);
        int before = 0;
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, scores, i);
            VectorMask<Double> higher = v.compare(VectorOperators.GT, vs);
            VectorMask<Double> tiedBefore = v.compare(VectorOperators.EQ, vs)
                    .and(DoubleVector.fromArray(S, tieKey, i).compare(VectorOperators.LT, vk));
            before += higher.or(tiedBefore).trueCount();
        }
        return 1 + before + Ranking.countBefore(scores, i, n, tieKey, s, key);
    }
}
