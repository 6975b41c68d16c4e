package org.embrec.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.embrec.data.IdMap;
import org.embrec.model.Scoring;
import org.embrec.model.UserVectors;
import org.embrec.sequence.HoldOut;
import org.embrec.sequence.Sequences;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.Test;

/**
 * {@code --scoring auto}: the held-out sample and the choice, against vectors whose best scoring
 * is known by construction: item i is always followed by item i+1 (mod N), the input vectors are
 * random, and the output vectors either know the order ({@code out(i+1) = 4 in(i)}) or nothing.
 */
class BlendSelectionTest {
    private static final int ITEMS = 60;
    private static final int DIM = 16;

    /** 400 sequences of 5 to 9 items walking the cycle from a random start. */
    private static Sequences chains() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 400;
        int[] offsets = new int[n + 1];
        int[] items = new int[n * 9];
        int at = 0;
        for (int s = 0; s < n; s++) {
            int start = rng.nextInt(ITEMS);
            int length = 5 + rng.nextInt(5);
            for (int t = 0; t < length; t++) {
                items[at++] = (start + t) % ITEMS;
            }
            offsets[s + 1] = at;
        }
        String[] ids = new String[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            ids[i] = "i" + i;
        }
        return new Sequences(offsets, java.util.Arrays.copyOf(items, at), null, IdMap.of(ids), null);
    }

    private static EmbeddingStore input(Sequences s) {
        SplittableRandom rng = new SplittableRandom(5);
        float[] m = new float[ITEMS * DIM];
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) rng.nextGaussian();
        }
        return EmbeddingStore.of(s.itemIds(), m, DIM);
    }

    /** Output vectors that score the successor of each item first (or all zero: no order), bias 0. */
    private static EmbeddingStore output(EmbeddingStore in, boolean knowsOrder) {
        float[] m = new float[ITEMS * (DIM + 1)];
        if (knowsOrder) {
            for (int i = 0; i < ITEMS; i++) {
                int next = (i + 1) % ITEMS;
                for (int d = 0; d < DIM; d++) {
                    m[next * (DIM + 1) + d] = 4 * in.vector(i)[d];
                }
            }
        }
        return EmbeddingStore.of(in.ids(), m, DIM + 1);
    }

    @Test
    void theHoldOutTakesTheLastItemOfSampledSequencesOfThreeOrMore() {
        Sequences liked = chains();
        HoldOut held = BlendSelection.holdOut(liked, 1);
        assertThat(held.size()).isEqualTo(Math.min(BlendSelection.MAX_CASES, liked.count()));
        for (int c = 0; c < held.size(); c++) {
            int s = held.sequences()[c];
            assertThat(held.targets()[c]).isEqualTo(liked.items()[liked.end(s) - 1]);
            assertThat(held.training().length(s)).isEqualTo(liked.length(s) - 1);
        }
        assertThat(held.training().tokens()).isEqualTo(liked.tokens() - held.size());
        assertThat(BlendSelection.holdOut(liked, 1).sequences()).containsExactly(held.sequences());
    }

    @Test
    void outputVectorsThatKnowTheOrderAreChosenForItemQueries() {
        Sequences liked = chains();
        HoldOut held = BlendSelection.holdOut(liked, 1);
        EmbeddingStore in = input(liked);
        BlendSelection.Choice c = BlendSelection.choose(held, in, output(in, true), UserVectors.DEFAULT);
        assertThat(c.scoring().candidates()).isEqualTo(Scoring.Candidates.OUTPUT);
        assertThat(c.items().directed()).isPositive();
        // the successor of the last item is the held-out item: the directed score finds every one
        int best = BlendSelection.GRID.indexOf(c.items());
        assertThat(c.itemHits()[best]).isEqualTo(c.itemCases());
        assertThat(c.itemHits()[0]).isLessThan(c.itemCases() / 2);
        assertThat(c.itemZ()[best]).isGreaterThanOrEqualTo(BlendSelection.MIN_Z);
    }

    @Test
    void outputVectorsThatKnowNothingLeaveTheCosine() {
        Sequences liked = chains();
        HoldOut held = BlendSelection.holdOut(liked, 1);
        EmbeddingStore in = input(liked);
        BlendSelection.Choice c = BlendSelection.choose(held, in, output(in, false), UserVectors.DEFAULT);
        assertThat(c.scoring()).isEqualTo(Scoring.DEFAULT);
        assertThat(c.items()).isEqualTo(BlendSelection.GRID.get(0));
        assertThat(c.users()).isEqualTo(BlendSelection.GRID.get(0));
    }

    @Test
    void theHitsAreThoseOfABruteForceRanking() {
        Sequences liked = chains();
        HoldOut held = BlendSelection.holdOut(liked, 2);
        EmbeddingStore in = input(liked);
        EmbeddingStore out = output(in, true);
        BlendSelection.Choice c = BlendSelection.choose(held, in, out, UserVectors.DEFAULT);
        for (int b = 0; b < BlendSelection.GRID.size(); b++) {
            Scoring.Blend blend = BlendSelection.GRID.get(b);
            int hits = 0;
            for (int k = 0; k < held.size(); k++) {
                int s = held.sequences()[k];
                int query = held.training().items()[held.training().end(s) - 1];
                int target = held.targets()[k];
                double t = score(in, out, blend, query, target);
                int above = 0;
                for (int r = 0; r < ITEMS; r++) {
                    if (r != query && r != target && score(in, out, blend, query, r) >= t) {
                        above++;
                    }
                }
                hits += above < BlendSelection.K ? 1 : 0;
            }
            assertThat(c.itemHits()[b]).as("%s", blend).isEqualTo(hits);
        }
    }

    /** cosine x cos(in q, in c) + directed x (in q . out c + bias c), from scratch. */
    private static double score(EmbeddingStore in, EmbeddingStore out, Scoring.Blend b, int q, int c) {
        float[] x = in.vector(q);
        float[] y = in.vector(c);
        float[] o = out.vector(c);
        double xy = 0;
        double xx = 0;
        double yy = 0;
        double xo = 0;
        for (int d = 0; d < DIM; d++) {
            xy += (double) x[d] * y[d];
            xx += (double) x[d] * x[d];
            yy += (double) y[d] * y[d];
            xo += (double) x[d] * o[d];
        }
        return b.cosine() * xy / Math.sqrt(xx * yy) + b.directed() * (xo + o[DIM]);
    }
}
