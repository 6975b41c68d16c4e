package org.embrec.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.embrec.data.IdMap;
import org.embrec.model.Scoring;
import org.embrec.model.UserVectors;
import org.embrec.sequence.HoldOut;
import org.embrec.sequence.Sequences;
import org.embrec.vectors.BruteForce;
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

    /**
     * {@code n} sequences over {@code ids}, sequence s the items {@code sequence.apply(s)} (called
     * for s = 0, 1, ... in order, so it may draw from one random source).
     */
    private static Sequences sequences(int n, IdMap ids, java.util.function.IntFunction<int[]> sequence) {
        int[] offsets = new int[n + 1];
        int[][] each = new int[n][];
        for (int s = 0; s < n; s++) {
            each[s] = sequence.apply(s);
            offsets[s + 1] = offsets[s] + each[s].length;
        }
        int[] items = new int[offsets[n]];
        for (int s = 0; s < n; s++) {
            System.arraycopy(each[s], 0, items, offsets[s], each[s].length);
        }
        return new Sequences(offsets, items, null, ids, null);
    }

    /** 400 sequences of 5 to 9 items walking the cycle from a random start. */
    private static Sequences chains() {
        SplittableRandom rng = new SplittableRandom(3);
        return sequences(400, ids(), s -> {
            int start = rng.nextInt(ITEMS);
            int[] seq = new int[5 + rng.nextInt(5)];
            for (int t = 0; t < seq.length; t++) {
                seq[t] = (start + t) % ITEMS;
            }
            return seq;
        });
    }

    /** Ids {@code i0 .. i59}. */
    private static IdMap ids() {
        String[] ids = new String[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            ids[i] = "i" + i;
        }
        return IdMap.of(ids);
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
        HoldOut held = BlendSelection.holdOut(liked, 1, 1);
        assertThat(held.size()).isEqualTo(Math.min(BlendSelection.caseLimit(ITEMS), liked.count()));
        for (int c = 0; c < held.size(); c++) {
            int s = held.sequences()[c];
            assertThat(held.targets()[c]).isEqualTo(liked.items()[liked.end(s) - 1]);
            assertThat(held.training().length(s)).isEqualTo(liked.length(s) - 1);
        }
        assertThat(held.training().tokens()).isEqualTo(liked.tokens() - held.size());
        assertThat(BlendSelection.holdOut(liked, 1, 1).sequences()).containsExactly(held.sequences());
    }

    @Test
    void theSampleIsBudgetedForTheItemsThatGetAVector() {
        // 12,000 sequences of 3 items: 3,000 items occur 12 times each, 6,000 once (one per sequence)
        String[] ids = new String[9000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "i" + i;
        }
        Sequences liked = sequences(12_000, IdMap.of(ids),
                s -> new int[] {s % 3000, (s + 1000) % 3000, s < 6000 ? 3000 + s : (s + 2000) % 3000});
        assertThat(BlendSelection.vocabularySize(liked, 1)).isEqualTo(9000);
        assertThat(BlendSelection.vocabularySize(liked, 5)).isEqualTo(3000);
        assertThat(BlendSelection.holdOut(liked, 1, 1).size()).isEqualTo(BlendSelection.caseLimit(9000));
        // min-count 5 leaves 3,000 items with a vector: the budget allows every sequence up to the cap
        assertThat(BlendSelection.holdOut(liked, 1, 5).size()).isEqualTo(BlendSelection.MAX_CASES);
    }

    @Test
    void theHeldOutSampleShrinksWithTheCatalogueWithinItsBounds() {
        assertThat(BlendSelection.caseLimit(ITEMS)).isEqualTo(BlendSelection.MAX_CASES);
        assertThat(BlendSelection.caseLimit(3000)).isEqualTo(BlendSelection.MAX_CASES);
        assertThat(BlendSelection.caseLimit(6000)).isEqualTo(5000);
        assertThat(BlendSelection.caseLimit(10_000)).isEqualTo(BlendSelection.MIN_CASES);
        assertThat(BlendSelection.caseLimit(1_000_000)).isEqualTo(BlendSelection.MIN_CASES);
    }

    @Test
    void outputVectorsThatKnowTheOrderAreChosenForItemQueries() {
        Sequences liked = chains();
        HoldOut held = BlendSelection.holdOut(liked, 1, 1);
        EmbeddingStore in = input(liked);
        BlendSelection.Choice c = BlendSelection.choose(held, in, output(in, true));
        assertThat(c.scoring().candidates()).isEqualTo(Scoring.Candidates.OUTPUT);
        assertThat(c.items().directed()).isPositive();
        // the successor of the last item is the held-out item: the directed score finds every one
        int best = BlendSelection.ITEM_CHOICES.indexOf(c.items());
        assertThat(c.itemHits()[best]).isEqualTo(c.itemCases());
        assertThat(c.itemHits()[0]).isLessThan(c.itemCases() / 2);
        assertThat(c.itemZ()[best]).isGreaterThanOrEqualTo(BlendSelection.MIN_Z);
    }

    @Test
    void outputVectorsThatKnowNothingChooseNoBlendOfScores() {
        Sequences liked = chains();
        HoldOut held = BlendSelection.holdOut(liked, 1, 1);
        EmbeddingStore in = input(liked);
        BlendSelection.Choice c = BlendSelection.choose(held, in, output(in, false));
        // items: the reference (the rank fusion) or the cosine; users: a cosine rule or its fusion,
        // which the first stage chooses by hits alone (the half-life may move: the 60 random
        // vectors' cosines recur in every chain); never a blend of scores, which needs the gate
        assertThat(c.items()).isIn(BlendSelection.GRID.get(0), BlendSelection.FUSIONS.get(0));
        assertThat(c.users()).isIn(BlendSelection.GRID.get(0), BlendSelection.USER_FUSION);
        assertThat(c.scoring().withUserRule(null)).as(c.toString()).isIn(Scoring.DEFAULT,
                Scoring.blended(BlendSelection.FUSIONS.get(0), BlendSelection.GRID.get(0)),
                Scoring.blended(BlendSelection.GRID.get(0), BlendSelection.USER_FUSION),
                Scoring.blended(BlendSelection.FUSIONS.get(0), BlendSelection.USER_FUSION));
    }

    /**
     * Sequences of 5 random items from 10..59 followed by one of the 10 popular items 0..9; the
     * output vectors are loud noise (Gaussian, sd 4) and the bias is 10 for a popular item, 0 for
     * the others: only the popularity prior finds the next item, and the directed part's noise
     * hides it.
     */
    private static Sequences endsWithAPopularItem() {
        SplittableRandom rng = new SplittableRandom(13);
        return sequences(400, ids(), s -> {
            int[] seq = new int[6];
            for (int t = 0; t < 5; t++) {
                seq[t] = 10 + rng.nextInt(ITEMS - 10);
            }
            seq[5] = rng.nextInt(10);
            return seq;
        });
    }

    private static EmbeddingStore noisyOutputWithPopularBias(EmbeddingStore in) {
        SplittableRandom rng = new SplittableRandom(17);
        float[] m = new float[ITEMS * (DIM + 1)];
        for (int i = 0; i < ITEMS; i++) {
            for (int d = 0; d < DIM; d++) {
                m[i * (DIM + 1) + d] = (float) (4 * rng.nextGaussian());
            }
            m[i * (DIM + 1) + DIM] = i < 10 ? 10 : 0;
        }
        return EmbeddingStore.of(in.ids(), m, DIM + 1);
    }

    @Test
    void aPopularNextItemChoosesTheCosineWithAPrior() {
        Sequences liked = endsWithAPopularItem();
        HoldOut held = BlendSelection.holdOut(liked, 1, 1);
        EmbeddingStore in = input(liked);
        EmbeddingStore out = noisyOutputWithPopularBias(in);
        BlendSelection.Choice c = BlendSelection.choose(held, in, out);
        assertThat(BlendSelection.PRIORS).as(c.toString()).contains(c.items());
        assertThat(c.items().directed()).isZero();
        assertThat(c.scoring().candidates()).isEqualTo(Scoring.Candidates.OUTPUT);
        assertThat(c.itemZ()[BlendSelection.ITEM_CHOICES.indexOf(c.items())]).isGreaterThanOrEqualTo(BlendSelection.MIN_Z);
        assertThat(c.toString()).contains("cosine 1 + prior ");
        assertThat(c.figures().get("blends_i2i").toString()).contains("prior=0.1");
        assertItemHitsAreThoseOfABruteForceRanking(held, in, out, c);
    }

    @Test
    void twoModelsChoicesCompareCaseByCaseOverTheSameHeldOutItems() {
        Sequences liked = chains();
        HoldOut held = BlendSelection.holdOut(liked, 2, 1);
        EmbeddingStore in = input(liked);
        BlendSelection.Choice a = BlendSelection.choose(held, in, output(in, true));
        BlendSelection.Choice b = BlendSelection.choose(held, in, output(in, false));
        // the per-case masks are the hits the brute-force tests check, case by case
        for (BlendSelection.Choice c : List.of(a, b)) {
            assertThat(c.itemMasks()).hasSize(held.size());
            for (int choice = 0; choice < BlendSelection.ITEM_CHOICES.size(); choice++) {
                int bit = choice;
                assertThat(java.util.Arrays.stream(c.itemMasks()).filter(m -> m != -1 && (m >>> bit & 1) != 0).count())
                        .isEqualTo(c.itemHits()[choice]);
            }
            for (int choice = 0; choice < BlendSelection.USER_CHOICES.size(); choice++) {
                int bit = choice;
                assertThat(java.util.Arrays.stream(c.userMasks()).filter(m -> m != -1 && (m >>> bit & 1) != 0).count())
                        .isEqualTo(c.userHits()[choice]);
            }
        }
        int onlyA = 0;
        int onlyB = 0;
        for (int k = 0; k < held.size(); k++) {
            boolean ai = hit(a.itemMasks()[k], a.itemChosen());
            boolean bi = hit(b.itemMasks()[k], b.itemChosen());
            boolean au = hit(a.userMasks()[k], a.userChosen());
            boolean bu = hit(b.userMasks()[k], b.userChosen());
            onlyA += (ai && !bi ? 1 : 0) + (au && !bu ? 1 : 0);
            onlyB += (bi && !ai ? 1 : 0) + (bu && !au ? 1 : 0);
        }
        assertThat(onlyA + onlyB).as("the two outputs rank differently").isPositive();
        assertThat(a.mcNemarOf(b)).isCloseTo((onlyB - onlyA) / Math.sqrt(onlyA + onlyB), within(1e-12));
        assertThat(b.mcNemarOf(a)).isCloseTo(-a.mcNemarOf(b), within(1e-12));
        assertThat(a.mcNemarOf(a)).isZero();
        BlendSelection.Choice other = new BlendSelection.Choice(a.scoring(), a.itemHits(), a.itemCases(), a.itemZ(),
                a.userHits(), a.userCases(), a.userZ(), a.itemCosine(), a.userCosine(), a.itemChosen(), a.userChosen(),
                new long[held.size() + 1], new long[held.size() + 1]);
        assertThatThrownBy(() -> a.mcNemarOf(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different held-out items");
    }

    private static boolean hit(long mask, int choice) {
        return mask != -1 && (mask >>> choice & 1) != 0;
    }

    @Test
    void theHitsAreThoseOfABruteForceRanking() {
        Sequences liked = chains();
        HoldOut held = BlendSelection.holdOut(liked, 2, 1);
        EmbeddingStore in = input(liked);
        EmbeddingStore out = output(in, true);
        assertItemHitsAreThoseOfABruteForceRanking(held, in, out, BlendSelection.choose(held, in, out));
    }

    private static void assertItemHitsAreThoseOfABruteForceRanking(HoldOut held, EmbeddingStore in,
            EmbeddingStore out, BlendSelection.Choice c) {
        assertThat(c.itemHits()).hasSize(BlendSelection.GRID.size() + BlendSelection.PRIORS.size()
                + BlendSelection.FUSIONS.size());
        for (int b = 0; b < BlendSelection.ITEM_CHOICES.size(); b++) {
            Scoring.Blend blend = BlendSelection.ITEM_CHOICES.get(b);
            int hits = 0;
            for (int k = 0; k < held.size(); k++) {
                int s = held.sequences()[k];
                int query = held.training().items()[held.training().end(s) - 1];
                int target = held.targets()[k];
                double[] scores = new double[ITEMS];
                for (int r = 0; r < ITEMS; r++) {
                    scores[r] = blend.fused() ? fused(in, out, blend, query, r) : score(in, out, blend, query, r);
                }
                int above = 0;
                for (int r = 0; r < ITEMS; r++) {
                    if (r != query && r != target && scores[r] >= scores[target]) {
                        above++;
                    }
                }
                hits += above < BlendSelection.K ? 1 : 0;
            }
            assertThat(c.itemHits()[b]).as("%s", blend).isEqualTo(hits);
        }
    }

    /**
     * A rank fusion's score from scratch: c's 0-based rank by the cosine and by the directed score
     * among the rows other than the query (equal scores by lower row), each capped at the depth.
     */
    private static double fused(EmbeddingStore in, EmbeddingStore out, Scoring.Blend blend, int query, int c) {
        Scoring.Blend cosine = new Scoring.Blend(1, 0);
        Scoring.Blend directed = Scoring.Blend.DIRECTED;
        int rCos = 0;
        int rDir = 0;
        float cc = (float) score(in, out, cosine, query, c);
        float dc = (float) score(in, out, directed, query, c);
        for (int r = 0; r < ITEMS; r++) {
            if (r == query || r == c) {
                continue;
            }
            float cr = (float) score(in, out, cosine, query, r);
            float dr = (float) score(in, out, directed, query, r);
            rCos += cr > cc || (cr == cc && r < c) ? 1 : 0;
            rDir += dr > dc || (dr == dc && r < c) ? 1 : 0;
        }
        int depth = org.embrec.model.RankFusion.DEPTH;
        return (float) (blend.cosine() / (blend.rankK() + Math.min(rCos, depth))
                + blend.directed() / (blend.rankK() + Math.min(rDir, depth)));
    }

    @Test
    void theUserHitsAreThoseOfABruteForceRankingForEveryChoice() {
        Sequences liked = chains();
        HoldOut held = BlendSelection.holdOut(liked, 2, 1);
        EmbeddingStore in = input(liked);
        EmbeddingStore out = output(in, true);
        BlendSelection.Choice c = BlendSelection.choose(held, in, out);
        assertThat(c.userHits()).hasSize(BlendSelection.USER_CHOICES.size());
        assertThat(BlendSelection.USER_CHOICES).hasSize(2 * BlendSelection.KERNELS.size()
                + (BlendSelection.GRID.size() + 1) * BlendSelection.HALF_LIVES.size());
        for (int u = 0; u < BlendSelection.USER_CHOICES.size(); u++) {
            BlendSelection.UserChoice choice = BlendSelection.USER_CHOICES.get(u);
            UserVectors rule = choice.rule();
            int hits = 0;
            int cases = 0;
            for (int k = 0; k < held.size(); k++) {
                Sequences t = held.training();
                int s = held.sequences()[k];
                int[] history = java.util.Arrays.copyOfRange(t.items(), t.start(s), t.end(s));
                int target = held.targets()[k];
                if (java.util.Arrays.stream(history).anyMatch(i -> i == target)) {
                    continue;
                }
                cases++;
                if (choice.blend().fused()) {
                    hits += userFusionHit(in, out, history, rule, choice.blend(), target);
                    continue;
                }
                float[] user = rule.kind() == UserVectors.Kind.RECENCY ? recencyVector(in, history, rule.halfLife())
                        : null;
                double score = user != null ? score(in, out, choice.blend(), user, target)
                        : kernel(in, history, rule, target);
                int above = 0;
                for (int r = 0; r < ITEMS; r++) {
                    int row = r;
                    double other = user != null ? score(in, out, choice.blend(), user, r) : kernel(in, history, rule, r);
                    if (r != target && java.util.Arrays.stream(history).noneMatch(i -> i == row) && other >= score) {
                        above++;
                    }
                }
                hits += above < BlendSelection.K ? 1 : 0;
            }
            assertThat(c.userCases()).isEqualTo(cases);
            assertThat(c.userHits()[u]).as("%s", choice).isEqualTo(hits);
        }
    }

    /**
     * 1 when a user query's rank fusion from scratch finds the target in the top K: the rule's
     * part (the kernel score, or the cosine of the recency vector) and the directed score of the
     * recency vector of the rule's half-life, each ranked among the rows outside the history
     * (equal float scores by lower row, ranks capped at the depth); a tie counts against the target.
     */
    private static int userFusionHit(EmbeddingStore in, EmbeddingStore out, int[] history, UserVectors rule,
            Scoring.Blend blend, int target) {
        float[] user = recencyVector(in, history, rule.halfLife());
        float[] cos = new float[ITEMS];
        float[] dir = new float[ITEMS];
        for (int r = 0; r < ITEMS; r++) {
            cos[r] = (float) (rule.kind() == UserVectors.Kind.KERNEL ? kernel(in, history, rule, r)
                    : score(in, out, new Scoring.Blend(1, 0), user, r));
            dir[r] = (float) score(in, out, Scoring.Blend.DIRECTED, user, r);
        }
        java.util.function.IntPredicate candidate = r -> java.util.Arrays.stream(history).noneMatch(i -> i == r);
        double[] fused = new double[ITEMS];
        int depth = org.embrec.model.RankFusion.DEPTH;
        for (int c = 0; c < ITEMS; c++) {
            int rCos = 0;
            int rDir = 0;
            for (int r = 0; r < ITEMS; r++) {
                if (r != c && candidate.test(r)) {
                    rCos += cos[r] > cos[c] || (cos[r] == cos[c] && r < c) ? 1 : 0;
                    rDir += dir[r] > dir[c] || (dir[r] == dir[c] && r < c) ? 1 : 0;
                }
            }
            fused[c] = (float) (blend.cosine() / (blend.rankK() + Math.min(rCos, depth))
                    + blend.directed() / (blend.rankK() + Math.min(rDir, depth)));
        }
        int above = 0;
        for (int r = 0; r < ITEMS; r++) {
            above += r != target && candidate.test(r) && fused[r] >= fused[target] ? 1 : 0;
        }
        return above < BlendSelection.K ? 1 : 0;
    }

    /**
     * The kernel rule's score from scratch: the newest floor(10 h) + 1 items, item j places before
     * the newest weighing 0.5^(j / h), sum of w max(0, cos)^p over the total weight.
     */
    private static double kernel(EmbeddingStore in, int[] history, UserVectors rule, int c) {
        int span = (int) Math.min(history.length, Math.floor(10 * rule.halfLife()) + 1);
        double total = 0;
        double sum = 0;
        for (int j = 0; j < span; j++) {
            double w = Math.pow(0.5, j / rule.halfLife());
            total += w;
            double cos = BruteForce.cosine(in.vector(history[history.length - 1 - j]), in.vector(c));
            sum += w * Math.pow(Math.max(0, cos), rule.power());
        }
        return sum / total;
    }

    /**
     * Sequences of 6 distinct random items whose last item is the successor of the item four
     * places before the newest: only a user query that still weighs that item finds it.
     */
    private static Sequences followsAnOlderItem() {
        SplittableRandom rng = new SplittableRandom(11);
        return sequences(400, ids(), s -> {
            int[] seq = new int[7];
            boolean[] used = new boolean[ITEMS];
            for (int t = 0; t < 6; t++) {
                int i;
                do {
                    i = rng.nextInt(ITEMS);
                } while (used[i] || used[(i + 1) % ITEMS] || (i > 0 ? used[i - 1] : used[ITEMS - 1]));
                used[i] = true;
                seq[t] = i;
            }
            seq[6] = (seq[1] + 1) % ITEMS;
            return seq;
        });
    }

    @Test
    void aNextItemThatFollowsAnOlderItemChoosesASlowerDecay() {
        Sequences liked = followsAnOlderItem();
        HoldOut held = BlendSelection.holdOut(liked, 1, 1);
        EmbeddingStore in = input(liked);
        BlendSelection.Choice c = BlendSelection.choose(held, in, output(in, true));
        assertThat(c.users().directed()).isPositive();
        assertThat(c.userRule().kind()).isEqualTo(UserVectors.Kind.RECENCY);
        assertThat(c.userRule().halfLife()).isGreaterThan(UserVectors.DEFAULT_HALF_LIFE);
        assertThat(c.scoring().userRule()).isEqualTo(c.userRule());
        assertThat(c.toString()).contains("half-life " + (long) c.userRule().halfLife());
        // the evidence lists every choice of the user grid
        assertThat((java.util.List<?>) c.figures().get("blends_u2i")).hasSize(BlendSelection.USER_CHOICES.size());
    }

    @Test
    void theDefaultHalfLifeDeclaresNothing() {
        Sequences liked = chains();
        HoldOut held = BlendSelection.holdOut(liked, 1, 1);
        EmbeddingStore in = input(liked);
        // in a chain the next item follows the newest: every half-life finds it, the first (the default) wins the tie
        BlendSelection.Choice c = BlendSelection.choose(held, in, output(in, true));
        assertThat(c.userRule()).isEqualTo(UserVectors.DEFAULT);
        assertThat(c.scoring().userRule()).isNull();
    }

    @Test
    void theBestCosineChoiceWinsUngatedAndABlendMustBeatItClearly() {
        boolean[] cosineOnly = {true, true, false};
        // 100 cases: all three hit 20, choice 1 one more, the blend `extra` more of its own
        java.util.function.IntFunction<long[]> masks = extra -> {
            long[] m = new long[100];
            for (int c = 0; c < 20; c++) {
                m[c] = 0b111;
            }
            m[20] = 0b010;
            for (int c = 21; c < 21 + extra; c++) {
                m[c] = 0b100;
            }
            return m;
        };
        BlendSelection.Task close = BlendSelection.Task.of(masks.apply(6), cosineOnly);
        assertThat(close.cosine()).as("the cosine choice with the most hits, ungated").isEqualTo(1);
        assertThat(close.hits()).containsExactly(20, 21, 26);
        // against choice 1: 6 cases only the blend finds, 1 only choice 1 finds: z = 5 / sqrt(7)
        assertThat(close.z()[2]).isCloseTo(5 / Math.sqrt(7), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(close.chosen()).as("z 1.89 < 2").isEqualTo(1);
        BlendSelection.Task clear = BlendSelection.Task.of(masks.apply(7), cosineOnly);
        assertThat(clear.chosen()).as("z 6 / sqrt(8) = 2.12").isEqualTo(2);
        // a tie among the cosine choices keeps the earlier
        long[] tie = masks.apply(0);
        tie[21] = 0b001;
        assertThat(BlendSelection.Task.of(tie, cosineOnly).chosen()).isZero();
    }

    @Test
    void theItemReferenceIsReplacedInTheFirstStageOnlyWhenClearlyWorse() {
        boolean[] firstStage = {true, false, true}; // the cosine, a blend, the reference (the rank fusion)
        // 100 cases: all hit 20; the cosine `extra` more of its own, the reference 1 of its own
        java.util.function.IntFunction<long[]> masks = extra -> {
            long[] m = new long[100];
            for (int c = 0; c < 20; c++) {
                m[c] = 0b111;
            }
            m[20] = 0b100;
            for (int c = 21; c < 21 + extra; c++) {
                m[c] = 0b001;
            }
            return m;
        };
        BlendSelection.Task close = BlendSelection.Task.of(masks.apply(6), firstStage, 2, BlendSelection.MIN_Z);
        assertThat(close.hits()).containsExactly(26, 20, 21);
        assertThat(close.chosen()).as("z 5 / sqrt(7) = 1.89 < 2: more hits, not clearly").isEqualTo(2);
        assertThat(BlendSelection.Task.of(masks.apply(7), firstStage, 2, BlendSelection.MIN_Z).chosen())
                .as("z 6 / sqrt(8) = 2.12").isZero();
        assertThat(BlendSelection.Task.of(masks.apply(6), firstStage, 2, 0).chosen()).as("ungated").isZero();
        assertThat(BlendSelection.Task.of(masks.apply(1), firstStage, 2, BlendSelection.MIN_Z).chosen())
                .as("a tie keeps the reference").isEqualTo(2);
    }

    @Test
    void aUserBlendMustBeatTheBestCosineRuleClearlyAndTheFusionByHits() {
        boolean[] firstStage = {true, true, false}; // a cosine rule, its rank fusion, a blend of scores
        boolean[] cosineAlone = {true, false, false};
        // 100 cases: all three hit 20; the blend 8 of its own, the fusion `fusion` of its own
        java.util.function.IntFunction<long[]> masks = fusion -> {
            long[] m = new long[100];
            for (int c = 0; c < 20; c++) {
                m[c] = 0b111;
            }
            for (int c = 20; c < 28; c++) {
                m[c] = 0b100;
            }
            for (int c = 28; c < 28 + fusion; c++) {
                m[c] = 0b010;
            }
            return m;
        };
        // the blend: 28 hits against the rule's 20 (z 8 / sqrt(8) = 2.83) and the fusion's 20 + 5
        BlendSelection.Task t = BlendSelection.Task.of(masks.apply(5), firstStage, 0, 0, cosineAlone);
        assertThat(t.cosine()).as("the fusion leads the first stage").isEqualTo(1);
        assertThat(t.z()[2]).as("against the cosine rule").isCloseTo(8 / Math.sqrt(8),
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(t.chosen()).as("z against the fusion alone would be 3 / sqrt(13) = 0.83").isEqualTo(2);
        // a fusion that finds as many as the blend keeps its place
        assertThat(BlendSelection.Task.of(masks.apply(8), firstStage, 0, 0, cosineAlone).chosen()).isEqualTo(1);
        // gated against the first stage's choice (the items' way) the blend would not pass
        assertThat(BlendSelection.Task.of(masks.apply(5), firstStage, 0, 0).chosen()).isEqualTo(1);
    }

    /** The recency rule's vector from scratch: the item j places before the newest weighs 0.5^(j / h). */
    private static float[] recencyVector(EmbeddingStore in, int[] history, double halfLife) {
        float[] v = new float[DIM];
        double total = 0;
        for (int i = 0; i < history.length; i++) {
            double w = Math.pow(0.5, (history.length - 1 - i) / halfLife);
            total += w;
            for (int d = 0; d < DIM; d++) {
                v[d] += (float) (w * in.vector(history[i])[d]);
            }
        }
        for (int d = 0; d < DIM; d++) {
            v[d] /= (float) total;
        }
        return v;
    }

    /** cosine x cos(in q, in c) + directed x (in q . out c + bias c), from scratch. */
    private static double score(EmbeddingStore in, EmbeddingStore out, Scoring.Blend b, int q, int c) {
        return score(in, out, b, in.vector(q), c);
    }

    /** The same for a query vector. */
    private static double score(EmbeddingStore in, EmbeddingStore out, Scoring.Blend b, float[] x, int c) {
        float[] o = out.vector(c);
        double xo = 0;
        for (int d = 0; d < DIM; d++) {
            xo += (double) x[d] * o[d];
        }
        return b.cosine() * BruteForce.cosine(x, in.vector(c)) + b.directed() * (xo + o[DIM]) + b.prior() * o[DIM];
    }
}
