package org.embrec.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.embrec.model.KernelTerms;
import org.embrec.model.RankFusion;
import org.embrec.model.Scoring;
import org.embrec.model.Scoring.Blend;
import org.embrec.model.UserVectors;
import org.embrec.sequence.HoldOut;
import org.embrec.sequence.Sequences;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.TopKBuffer;
import org.embrec.vectors.VectorMath;

/**
 * {@code --scoring auto}: chooses how a skip-gram model ranks, separately for item queries
 * (related items) and user queries (recommendations), by the hit rate at {@link #K} of held-out
 * next items of its own training data. The model is trained without the last item of up to
 * {@link #caseLimit} sampled sequences ({@link #holdOut}); each {@link #GRID} blend of cosine and
 * directed score then ranks every held-out item for its query (the item before it; the user
 * vector of the rest of the sequence). Item queries also try the cosine with a
 * {@link #PRIORS popularity prior} and the {@link #FUSIONS rank fusion} of the cosine and the
 * directed score. User queries try {@link #USER_CHOICES}: every blend with
 * each {@link #HALF_LIVES half-life} of the recency rule, as the transition baseline tries its
 * decays, and the cosine with each {@link UserVectors#kernel kernel} rule of {@link #KERNELS},
 * which scores the way the transition baseline does, a decayed sum of per-item scores over the
 * newest items, and the {@link #USER_FUSION rank fusion} of each of these cosine rules with the
 * directed score. Each task chooses in two stages ({@link Task}): first among the rules led by the
 * cosine (for items the rank fusion, which the cosine alone replaces only when clearly better;
 * for users the one with the most hits, the fusions among them), then a blend with a directed
 * part or a prior replaces that choice only when it is clearly better (for users: clearly better
 * than the best cosine rule alone, and with more hits than the first stage's choice). The chosen
 * user rule is declared in the scoring ({@link Scoring#userRule}) unless it is the default. When
 * both tasks choose the cosine alone, the model scores by the cosine and needs no output vectors.
 *
 * <p>The same choice as {@code evaluate} makes for the baselines on its validation split, made
 * inside training so that {@code train} with no flags gets it: on MovieLens the next liked item
 * is liked by the same people (cosine), on play and session logs it is the frequent follower of
 * the last one (directed); bench/sequence-aware.md has the evidence.
 *
 * <p>Stateless and thread-safe.
 */
public final class BlendSelection {
    /** The blends tried, simplest first: the cosine alone, cosine plus a growing directed part, the directed score alone. */
    public static final List<Blend> GRID = List.of(new Blend(1, 0), new Blend(1, 0.03), new Blend(1, 0.1),
            new Blend(1, 0.3), new Blend(1, 1), new Blend(1, 3), Blend.DIRECTED);
    /**
     * The rank fusion item queries try besides {@link #GRID} ({@link RankFusion}): the cosine's
     * rank with 0.3 of the directed score's, k 100. On the bundled MovieLens data it ranked the
     * next item above the cosine in every seed, where no blend of scores did; on the synthetic
     * corpora it stays above the cosine and below the blends (bench/sequence-aware.md).
     */
    public static final List<Blend> FUSIONS = List.of(Blend.rankFusion(1, 0.3, 100));
    /**
     * The cosine with a popularity prior, {@code cosine + p x ln(count(c))}, that item queries try
     * besides {@link #GRID}: on synthetic play and session logs the next item was a frequent one
     * more often than the cosine and the directed score allowed, and 0.1 ranked it best on both
     * the held-out items and the validation split; on the bundled MovieLens data the prior loses
     * (bench/sequence-aware.md, seventh sitting), and the gate keeps it out.
     */
    public static final List<Blend> PRIORS = List.of(Blend.cosineWithPrior(1, 0.03), Blend.cosineWithPrior(1, 0.1),
            Blend.cosineWithPrior(1, 0.3));
    /** The blends of scores item queries try: {@link #GRID}, then {@link #PRIORS}. */
    static final List<Blend> ITEM_SCORE_BLENDS = concat(GRID, PRIORS);
    /** What item queries try, in order: {@link #GRID}, {@link #PRIORS}, then {@link #FUSIONS}. */
    public static final List<Blend> ITEM_CHOICES = concat(ITEM_SCORE_BLENDS, FUSIONS);
    /**
     * The item queries' reference, the first stage's choice unless the cosine alone beats it by
     * {@link #MIN_Z}: the rank fusion of {@link #FUSIONS}, above the cosine on every corpus and
     * bundled seed measured (bench/sequence-aware.md), where the held-out items of one model are
     * too few to tell the two apart.
     */
    static final int ITEM_REFERENCE = ITEM_SCORE_BLENDS.size();

    private static List<Blend> concat(List<Blend> a, List<Blend> b) {
        List<Blend> c = new ArrayList<>(a);
        c.addAll(b);
        return List.copyOf(c);
    }

    /**
     * The half-lives (in items) of the recency rule user queries try, {@link UserVectors#DEFAULT}'s
     * first: from about the newest item alone (0.25) to a slow decay (4).
     */
    public static final List<Double> HALF_LIVES = List.of(UserVectors.DEFAULT_HALF_LIFE, 0.25, 0.5, 2.0, 4.0);
    /**
     * The kernel rules user queries try with the cosine: half-lives 1, 2 and 0.5, powers 2 and 5
     * (the larger, the more a single close match counts). For cosine models the kernel rule
     * ranked the next item as high as the recency rule with the same half-life or higher
     * (bench/sequence-aware.md).
     */
    public static final List<UserVectors> KERNELS = List.of(UserVectors.kernel(1, 2), UserVectors.kernel(2, 2),
            UserVectors.kernel(0.5, 2), UserVectors.kernel(1, 5), UserVectors.kernel(2, 5), UserVectors.kernel(0.5, 5));

    /**
     * The rank fusion user queries try with each cosine rule (every recency half-life and kernel
     * rule): the rule's ranking with 0.3 of the directed score's, k 100, the directed score that
     * of the rule's vector ({@link UserVectors#vectorRule()}); as {@link #FUSIONS} for items.
     */
    public static final Blend USER_FUSION = Blend.rankFusion(1, 0.3, 100);

    /** One way to rank for user queries: a rule and the blend of the candidates' scores. */
    public record UserChoice(UserVectors rule, Blend blend) {
        @Override
        public String toString() {
            return blend + ", " + rule;
        }
    }

    /**
     * What user queries try, in order (the first is the reference, and wins ties): each
     * half-life of {@link #HALF_LIVES} of the recency rule with each blend of {@link #GRID}
     * ({@code h * GRID.size() + b}), then each of {@link #KERNELS} with the cosine, then
     * {@link #USER_FUSION} with each half-life of the recency rule and with each kernel rule.
     */
    public static final List<UserChoice> USER_CHOICES = userChoices();

    private static List<UserChoice> userChoices() {
        List<UserChoice> c = new ArrayList<>();
        for (double h : HALF_LIVES) {
            for (Blend b : GRID) {
                c.add(new UserChoice(UserVectors.recency(h), b));
            }
        }
        for (UserVectors k : KERNELS) {
            c.add(new UserChoice(k, GRID.get(0)));
        }
        for (double h : HALF_LIVES) {
            c.add(new UserChoice(UserVectors.recency(h), USER_FUSION));
        }
        for (UserVectors k : KERNELS) {
            c.add(new UserChoice(k, USER_FUSION));
        }
        if (c.size() > Long.SIZE) {
            throw new AssertionError("a case's hits are one bit per choice");
        }
        return List.copyOf(c);
    }

    /** The recency rule's fusion with half-life {@code HALF_LIVES.get(h)} is bit {@code RECENCY_FUSIONS + h} of a user mask. */
    private static final int RECENCY_FUSIONS = HALF_LIVES.size() * GRID.size() + KERNELS.size();
    /** The bit of the fusion of kernel rule {@code KERNELS.get(k)}: {@code KERNEL_FUSIONS + k}. */
    private static final int KERNEL_FUSIONS = RECENCY_FUSIONS + HALF_LIVES.size();

    /**
     * At most this many sequences give a held-out item ({@link #caseLimit}). With 3,000 the gate
     * ({@link #MIN_Z}) kept the rank fusion on a session log (6,000 users) whose validation split
     * ranked the prior's choice about 4% higher; with all 6,000 sequences it passed in each of
     * three fits (bench/sequence-aware.md, seventh sitting).
     */
    public static final int MAX_CASES = 10_000;
    /** The held-out sample is never capped below this many sequences. */
    public static final int MIN_CASES = 3000;
    /**
     * The work the choice may take, in held-out cases times catalogue items (every case scores
     * every item): {@link #MIN_CASES} over 10,000 items.
     */
    static final long CASE_BUDGET = (long) MIN_CASES * 10_000;

    /**
     * How many sequences give a held-out item for a catalogue of {@code items}: {@link #MAX_CASES}
     * for catalogues up to 3,000 items, fewer for larger ones so that the choice's cost stays
     * within {@link #CASE_BUDGET}, never fewer than {@link #MIN_CASES}.
     */
    public static int caseLimit(int items) {
        return (int) Math.max(MIN_CASES, Math.min(MAX_CASES, CASE_BUDGET / Math.max(1, items)));
    }
    /** A held-out item is a hit when fewer than K candidates score above it. */
    public static final int K = 10;
    /**
     * How clearly a blend must beat the best cosine choice on the held-out items to be chosen:
     * McNemar's {@code (b - c) / sqrt(b + c)} over the items exactly one of them finds (2: about
     * a one-sided 2% chance that an equal blend passes).
     */
    public static final double MIN_Z = 2;

    private BlendSelection() {}

    /**
     * The choice and its evidence: hits per blend of {@link #GRID} for item queries, and per
     * {@link #USER_CHOICES} for user queries, over the cases whose query and target have vectors;
     * the first stage's choice per task ({@link Task}: the best that ranks by the cosine alone)
     * and z of each choice against it; the chosen blend's index per task; per held-out case, which
     * choices hit (bit b for choice b; -1 for a case without a query or target vector), so that two
     * models' choices over the same held-out items can be compared case by case.
     */
    public record Choice(Scoring scoring, int[] itemHits, int itemCases, double[] itemZ, int[] userHits, int userCases,
            double[] userZ, int itemCosine, int userCosine, int itemChosen, int userChosen, long[] itemMasks,
            long[] userMasks) {
        /** Held-out items the chosen scoring finds, both tasks together: how two models' choices compare. */
        public int chosenHits() {
            return itemHits[itemChosen] + userHits[userChosen];
        }

        /**
         * McNemar's statistic of {@code other}'s chosen scoring against this one's over the same
         * held-out items, both tasks pooled (each case counts once per task): positive when
         * {@code other} finds more, {@code (only other - only this) / sqrt(only other + only this)},
         * 0 when they find the same items.
         *
         * @throws IllegalArgumentException when the choices were not made on the same held-out cases
         */
        public double mcNemarOf(Choice other) {
            if (other.itemMasks.length != itemMasks.length) {
                throw new IllegalArgumentException("the choices were made on different held-out items");
            }
            int onlyThis = 0;
            int onlyOther = 0;
            for (int c = 0; c < itemMasks.length; c++) {
                boolean a = hit(itemMasks[c], itemChosen);
                boolean b = hit(other.itemMasks[c], other.itemChosen);
                boolean u = hit(userMasks[c], userChosen);
                boolean v = hit(other.userMasks[c], other.userChosen);
                onlyThis += (a && !b ? 1 : 0) + (u && !v ? 1 : 0);
                onlyOther += (b && !a ? 1 : 0) + (v && !u ? 1 : 0);
            }
            return Task.z(onlyOther, onlyThis);
        }

        private static boolean hit(long mask, int choice) {
            return mask != NOT_SCORED && ((mask >>> choice) & 1) != 0;
        }

        /** The blend chosen for item queries. */
        public Blend items() {
            return scoring.candidates() == Scoring.Candidates.OUTPUT ? scoring.itemBlend() : ITEM_CHOICES.get(0);
        }

        /** The blend chosen for user queries. */
        public Blend users() {
            return scoring.candidates() == Scoring.Candidates.OUTPUT ? scoring.userBlend() : GRID.get(0);
        }

        /** The rule chosen for user queries. */
        public UserVectors userRule() {
            return scoring.userVectors(UserVectors.MODEL);
        }

        /** The evidence as a manifest's training figure: cases, and HR@K of each blend per task. */
        public Map<String, Object> figures() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cases_i2i", itemCases);
            m.put("cases_u2i", userCases);
            m.put("i2i", items().toString());
            m.put("u2i", users().toString());
            m.put("u2i_rule", userRule().toString());
            List<Map<String, Object>> items = new ArrayList<>();
            for (int g = 0; g < ITEM_CHOICES.size(); g++) {
                Map<String, Object> row = ITEM_CHOICES.get(g).fields();
                row.put("hr_i2i", rate(itemHits[g], itemCases));
                row.put("z_i2i", Math.round(itemZ[g] * 100) / 100.0);
                items.add(row);
            }
            m.put("blends_i2i", items);
            List<Map<String, Object>> users = new ArrayList<>();
            for (int u = 0; u < userHits.length; u++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("rule", USER_CHOICES.get(u).rule().toString());
                row.putAll(USER_CHOICES.get(u).blend().fields());
                row.put("hr_u2i", rate(userHits[u], userCases));
                row.put("z_u2i", Math.round(userZ[u] * 100) / 100.0);
                users.add(row);
            }
            m.put("blends_u2i", users);
            return m;
        }

        /**
         * One line for progress: {@code i2i cosine 1 + directed 0.1 (of 3000: ...), u2i cosine 1
         * + directed 0.3, recency(half-life 0.5) (of 3000: ...)}; in brackets the first stage's
         * choice and its hit rate, then the best choice's and its z against it.
         */
        @Override
        public String toString() {
            return "i2i " + task(items().toString(), itemHits, itemCases, itemZ, itemCosine) + ", u2i "
                    + task(users() + ", " + userRule(), userHits, userCases, userZ, userCosine);
        }

        private static String task(String chosen, int[] hits, int cases, double[] z, int cosine) {
            int best = argmax(hits);
            boolean items = hits.length == ITEM_CHOICES.size();
            String bestName = items ? ITEM_CHOICES.get(best).toString() : USER_CHOICES.get(best).toString();
            String cosineName = items ? ITEM_CHOICES.get(cosine).toString() : USER_CHOICES.get(cosine).toString();
            return String.format(Locale.ROOT, "%s (of %d: %s HR@%d %.4f, best %s %.4f, z %.2f)", chosen, cases,
                    cosineName, K, rate(hits[cosine], cases), bestName, rate(hits[best], cases), z[best]);
        }

        private static double rate(int hits, int cases) {
            return cases == 0 ? 0 : hits / (double) cases;
        }
    }

    /**
     * Holds out the last item of up to {@link #caseLimit} sequences of at least 3 items, a
     * uniform sample drawn with {@code seed} (all of them when there are fewer). The catalogue the
     * limit is set for is the items that occur at least {@code minCount} times in {@code liked},
     * the model's vocabulary: the choice scores only items with a vector.
     */
    public static HoldOut holdOut(Sequences liked, long seed, int minCount) {
        int n = liked.count();
        int[] eligible = IntStream.range(0, n).filter(s -> liked.length(s) >= 3).toArray();
        boolean[] chosen = new boolean[n];
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5eed_b1e0L);
        int take = Math.min(caseLimit(vocabularySize(liked, minCount)), eligible.length);
        for (int i = 0; i < take; i++) { // partial Fisher-Yates
            int j = i + rng.nextInt(eligible.length - i);
            int t = eligible[i];
            eligible[i] = eligible[j];
            eligible[j] = t;
            chosen[eligible[i]] = true;
        }
        return HoldOut.of(liked, s -> chosen[s]);
    }

    /** Number of items that occur at least {@code minCount} times in {@code liked}. */
    static int vocabularySize(Sequences liked, int minCount) {
        int size = 0;
        for (long c : liked.tokenCounts()) {
            size += c >= minCount ? 1 : 0;
        }
        return size;
    }

    /**
     * Chooses the blends for {@code vectors} and {@code output} (rows as in {@code vectors}, the
     * bias last), trained on {@code held.training()}, and the user queries' rule.
     */
    public static Choice choose(HoldOut held, EmbeddingStore vectors, EmbeddingStore output) {
        if (!Scoring.outputFits(vectors, output)) {
            throw new IllegalArgumentException("output vectors must have the item vectors' rows and the bias");
        }
        Sequences training = held.training();
        int[] rowOf = new int[training.itemIds().size()];
        for (int i = 0; i < rowOf.length; i++) {
            rowOf[i] = vectors.indexOf(training.itemIds().external(i));
        }
        // per case and task: bit b set when blend b hits (for users: choice b of USER_CHOICES);
        // NOT_SCORED when the case has no query or target vector
        long[] itemMask = new long[held.size()];
        long[] userMask = new long[held.size()];
        java.util.Arrays.fill(itemMask, NOT_SCORED);
        java.util.Arrays.fill(userMask, NOT_SCORED);
        int longest = 0;
        for (int s = 0; s < training.count(); s++) {
            longest = Math.max(longest, training.length(s));
        }
        int maxLength = longest;
        ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(() -> new Scratch(vectors.size(), vectors.dim(), maxLength));
        IntStream.range(0, held.size()).parallel().forEach(c -> {
            Scratch w = scratch.get();
            int s = held.sequences()[c];
            int target = rowOf[held.targets()[c]];
            if (target < 0) {
                return;
            }
            int length = 0;
            for (int p = training.start(s); p < training.end(s); p++) {
                int row = rowOf[training.items()[p]];
                if (row >= 0) {
                    w.history[length++] = row;
                }
            }
            if (length == 0) {
                return;
            }
            int last = rowOf[training.items()[training.end(s) - 1]];
            if (last >= 0) {
                System.arraycopy(vectors.matrix(), last * vectors.dim(), w.query, 0, vectors.dim());
                long m = w.score(vectors, output, ITEM_SCORE_BLENDS, target, w.history, 0, last);
                itemMask[c] = m == NOT_SCORED ? NOT_SCORED : m | w.scoreFusions(target) << ITEM_SCORE_BLENDS.size();
            }
            long mask = w.scoreKernels(vectors, target, w.history, length);
            mask = mask == NOT_SCORED ? NOT_SCORED : mask << (HALF_LIVES.size() * GRID.size());
            for (int h = 0; h < HALF_LIVES.size() && mask != NOT_SCORED; h++) {
                UserVectors.recency(HALF_LIVES.get(h)).userVector(vectors, w.history, length, w.query);
                long m = w.score(vectors, output, GRID, target, w.history, length, -1);
                if (m == NOT_SCORED) {
                    mask = NOT_SCORED;
                    break;
                }
                mask |= m << (h * GRID.size());
                // the fusions whose directed part is this half-life's vector: the recency rule's own,
                // and each kernel rule's of the same half-life
                int[] dirRows = w.partTops();
                mask |= w.fusedHit(USER_FUSION, w.cosTop.rowsBestFirst(), dirRows, target) << (RECENCY_FUSIONS + h);
                for (int k = 0; k < KERNELS.size(); k++) {
                    if (KERNELS.get(k).halfLife() == HALF_LIVES.get(h)) {
                        mask |= w.fusedHit(USER_FUSION, w.kernelTops[k], dirRows, target) << (KERNEL_FUSIONS + k);
                    }
                }
            }
            userMask[c] = mask;
        });
        boolean[] itemCosine = new boolean[ITEM_CHOICES.size()];
        boolean[] userCosine = new boolean[USER_CHOICES.size()];
        boolean[] userCosineAlone = new boolean[USER_CHOICES.size()];
        for (int b = 0; b < itemCosine.length; b++) {
            itemCosine[b] = ITEM_CHOICES.get(b).cosineOnly() || ITEM_CHOICES.get(b).fused();
        }
        for (int u = 0; u < userCosine.length; u++) {
            // a fusion is led by its cosine rule's ranking: it takes part in the first stage
            Blend b = USER_CHOICES.get(u).blend();
            userCosine[u] = b.cosineOnly() || b.fused();
            userCosineAlone[u] = b.cosineOnly();
        }
        // items: the rank fusion is the reference, which the cosine replaces only when clearly better
        Task item = Task.of(itemMask, itemCosine, ITEM_REFERENCE, MIN_Z);
        // users: a blend must clearly beat the best cosine rule, as before the fusions, and find
        // more than the first stage's choice (which may be a fusion)
        Task user = Task.of(userMask, userCosine, 0, 0, userCosineAlone);
        Blend bi = ITEM_CHOICES.get(item.chosen());
        UserChoice u = USER_CHOICES.get(user.chosen());
        Blend bu = u.blend();
        Scoring scoring = bi.cosineOnly() && bu.cosineOnly() ? Scoring.DEFAULT : Scoring.blended(bi, bu);
        scoring = scoring.withUserRule(u.rule());
        return new Choice(scoring, item.hits(), item.cases(), item.z(), user.hits(), user.cases(), user.z(),
                item.cosine(), user.cosine(), item.chosen(), user.chosen(), itemMask, userMask);
    }

    /** Marks a case without a query or target vector. */
    private static final long NOT_SCORED = -1;

    /**
     * The hits of one task, per choice, and the choice made, in two stages. First the cosine
     * choice with the most hits (the earliest on ties; for items the cosine is the only one, for
     * users the recency half-lives and kernel rules with the cosine and their rank fusions with the
     * directed score): these are led by the ranking of the item vectors' cosine, and the held-out
     * items and the validation splits agreed on them (bench/sequence-aware.md). Then the choice with a directed part (or a prior) that has the most hits
     * replaces it only if it beats it by at least {@link #MIN_Z} in McNemar's statistic over the
     * cases where exactly one of them hits: on MovieLens the held-out items favoured directed
     * blends that lost on the validation split, so the cosine, the simpler scoring and the one
     * gensim users know, keeps its place unless a blend is clearly better. For user queries the
     * first stage also holds the rank fusions of the cosine rules, and a blend must beat the best
     * cosine rule alone by {@link #MIN_Z} (the gate as it was before the fusions) and find more
     * than the first stage's choice: a fusion, led by the cosine's ranking, raises the bar by its
     * hits, not by a second gate. {@code z[b]} is choice b's statistic against the choice the
     * blends are gated against.
     *
     * @param cosine the index of the first stage's choice
     */
    record Task(int[] hits, int cases, int chosen, int cosine, double[] z) {
        /** McNemar's statistic of choice b against choice {@code ref}: positive when b finds more. */
        static double mcNemar(long[] masks, int b, int ref) {
            int onlyB = 0;
            int onlyRef = 0;
            for (long m : masks) {
                if (m != NOT_SCORED) {
                    boolean hb = ((m >>> b) & 1) != 0;
                    boolean hr = ((m >>> ref) & 1) != 0;
                    onlyB += hb && !hr ? 1 : 0;
                    onlyRef += hr && !hb ? 1 : 0;
                }
            }
            return z(onlyB, onlyRef);
        }

        /** McNemar's statistic from the discordant counts: {@code (onlyB - onlyRef) / sqrt(onlyB + onlyRef)}, 0 when both are 0. */
        static double z(int onlyB, int onlyRef) {
            return onlyB + onlyRef == 0 ? 0 : (onlyB - onlyRef) / Math.sqrt(onlyB + onlyRef);
        }

        /** {@link #of(long[], boolean[], int, double, boolean[])} with choice 0 the reference, the first stage ungated. */
        static Task of(long[] masks, boolean[] cosineOnly) {
            return of(masks, cosineOnly, 0, 0, null);
        }

        /** {@link #of(long[], boolean[], int, double, boolean[])} gating the blends against the first stage's choice. */
        static Task of(long[] masks, boolean[] cosineOnly, int reference, double firstGate) {
            return of(masks, cosineOnly, reference, firstGate, null);
        }

        /**
         * @param masks per case, bit b set when choice b hits ({@link #NOT_SCORED}: no case)
         * @param cosineOnly which choices take part in the first stage; {@code reference} is one
         * @param reference the first stage's choice unless another beats it (ties keep it)
         * @param firstGate the z against {@code reference} another first-stage choice needs besides
         *     more hits (0: the most hits win)
         * @param gateAgainst the first-stage choices among which the one with the most hits (the
         *     earliest on ties) is what a blend must beat by {@link #MIN_Z}, besides having more
         *     hits than the first stage's choice; null: the first stage's choice itself. {@code z}
         *     is against that choice.
         */
        static Task of(long[] masks, boolean[] cosineOnly, int reference, double firstGate, boolean[] gateAgainst) {
            if (!cosineOnly[reference]) {
                throw new IllegalArgumentException("the reference takes part in the first stage");
            }
            int choices = cosineOnly.length;
            int[] hits = new int[choices];
            int cases = 0;
            for (long m : masks) {
                if (m == NOT_SCORED) {
                    continue;
                }
                cases++;
                for (int b = 0; b < choices; b++) {
                    hits[b] += (int) ((m >>> b) & 1);
                }
            }
            int cosine = reference;
            int directed = -1;
            int gate = -1;
            for (int b = 0; b < choices; b++) {
                if (gateAgainst != null && gateAgainst[b] && (gate < 0 || hits[b] > hits[gate])) {
                    gate = b;
                }
                if (b == reference) {
                    continue;
                }
                if (cosineOnly[b]) {
                    if (hits[b] > hits[cosine] && (firstGate == 0 || mcNemar(masks, b, reference) >= firstGate)) {
                        cosine = b;
                    }
                } else if (directed < 0 || hits[b] > hits[directed]) {
                    directed = b;
                }
            }
            if (gate < 0) {
                gate = cosine;
            } else if (!cosineOnly[gate]) {
                throw new IllegalArgumentException("the blends' gate is a first-stage choice");
            }
            double[] z = new double[choices];
            for (int b = 0; b < choices; b++) {
                z[b] = b == gate ? 0 : mcNemar(masks, b, gate);
            }
            int chosen = directed >= 0 && hits[directed] > hits[cosine] && z[directed] >= MIN_Z ? directed : cosine;
            return new Task(hits, cases, chosen, cosine, z);
        }
    }

    /** The first index of the largest value. */
    static int argmax(int[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * One thread's buffers: the query, history rows, both scores and the bias of every candidate, exclusion
     * marks, and the cosines of the newest history items with every candidate (the kernel rules').
     */
    private static final class Scratch {
        private final VectorMath math = VectorMath.get();
        final float[] query;
        final int[] history;
        final double[] cosine;
        final double[] directed;
        /** Every candidate's bias, {@code ln count}: the prior. */
        final double[] bias;
        final int[] excluded;
        /** Each part's top {@link RankFusion#DEPTH} for the fusions. */
        final TopKBuffer cosTop;
        final TopKBuffer dirTop;
        /** Rows of the newest distinct history items, and their cosines with every row (n per item). */
        final int[] termRows;
        final float[] termCosines;
        /** Each kernel rule's top {@link RankFusion#DEPTH} rows for the last {@link #scoreKernels}, best first. */
        final int[][] kernelTops = new int[KERNELS.size()][];
        private final TopKBuffer kernelTop;
        int stamp;

        Scratch(int n, int dim, int maxLength) {
            query = new float[dim];
            history = new int[maxLength];
            cosine = new double[n];
            directed = new double[n];
            bias = new double[n];
            excluded = new int[n];
            cosTop = new TopKBuffer(Math.max(1, Math.min(RankFusion.DEPTH, n)));
            dirTop = new TopKBuffer(Math.max(1, Math.min(RankFusion.DEPTH, n)));
            kernelTop = new TopKBuffer(Math.max(1, Math.min(RankFusion.DEPTH, n)));
            int span = 0;
            for (UserVectors k : KERNELS) {
                span = Math.max(span, k.kernelSpan(Integer.MAX_VALUE));
            }
            termRows = new int[span];
            termCosines = new float[span * n];
        }

        /**
         * The hits of the {@link #KERNELS} rules (bit i for rule i) for the history
         * {@code history[0..length)}, excluded as in {@link #score}; {@link #NOT_SCORED} when the
         * target is in the history. Keeps each rule's top rows in {@link #kernelTops}.
         */
        long scoreKernels(EmbeddingStore vectors, int target, int[] history, int length) {
            int dim = vectors.dim();
            int n = vectors.size();
            float[] unit = vectors.unitMatrix();
            if (!exclude(history, length, -1, target)) {
                return NOT_SCORED;
            }
            int terms = 0;
            long mask = 0;
            for (int k = 0; k < KERNELS.size(); k++) {
                KernelTerms t = KERNELS.get(k).kernelTerms(history, length);
                int[] at = new int[t.size()];
                for (int j = 0; j < t.size(); j++) {
                    int r = t.row(j);
                    int i = 0;
                    while (i < terms && termRows[i] != r) {
                        i++;
                    }
                    if (i == terms) { // the cosines of a history item not met yet
                        termRows[terms++] = r;
                        for (int c = 0; c < n; c++) {
                            termCosines[i * n + c] = math.dot(unit, r * dim, unit, c * dim, dim);
                        }
                    }
                    at[j] = i;
                }
                double tScore = kernel(t, at, n, target);
                int above = 0;
                kernelTop.clear();
                for (int r = 0; r < n; r++) {
                    if (excluded[r] != stamp) {
                        double score = kernel(t, at, n, r);
                        kernelTop.offer(r, (float) score);
                        above += r != target && score >= tScore ? 1 : 0;
                    }
                }
                kernelTops[k] = kernelTop.rowsBestFirst();
                if (above < K) {
                    mask |= 1L << k;
                }
            }
            return mask;
        }

        /**
         * Marks {@code history[0..length)} and {@code self} (when >= 0) as excluded candidates for
         * this case; false when the target is among them (a target already in the history is no
         * next item to find).
         */
        private boolean exclude(int[] history, int length, int self, int target) {
            stamp++;
            for (int i = 0; i < length; i++) {
                excluded[history[i]] = stamp;
            }
            if (self >= 0) {
                excluded[self] = stamp;
            }
            return excluded[target] != stamp;
        }

        /** Candidate {@code c}'s kernel score, the cosines of term j in row {@code at[j]} of {@link #termCosines}. */
        private double kernel(KernelTerms t, int[] at, int n, int c) {
            double s = 0;
            for (int j = 0; j < at.length; j++) {
                s += t.contribution(j, termCosines[at[j] * n + c]);
            }
            return s;
        }

        /**
         * The hits of the {@link #FUSIONS} (bit f for fusion f) from the last {@link #score} of
         * an item query, over the same candidates ({@link #fusedHit}).
         */
        long scoreFusions(int target) {
            int[] dirRows = partTops();
            int[] cosRows = cosTop.rowsBestFirst();
            long mask = 0;
            for (int f = 0; f < FUSIONS.size(); f++) {
                mask |= fusedHit(FUSIONS.get(f), cosRows, dirRows, target) << f;
            }
            return mask;
        }

        /**
         * Fills {@link #cosTop} and {@link #dirTop} with the top {@link RankFusion#DEPTH} of the
         * last {@link #score}'s cosine and directed scores among the candidates it did not
         * exclude; returns the directed part's rows, best first.
         */
        int[] partTops() {
            cosTop.clear();
            dirTop.clear();
            for (int r = 0; r < cosine.length; r++) {
                if (excluded[r] != stamp) {
                    cosTop.offer(r, (float) cosine[r]);
                    dirTop.offer(r, (float) directed[r]);
                }
            }
            return dirTop.rowsBestFirst();
        }

        /**
         * 1 when {@code blend}'s rank fusion of the two parts' rows (best first) ranks the target
         * in the top K, else 0: a tie counts against the target, and a target in neither part's
         * list is a miss.
         */
        static long fusedHit(Blend blend, int[] cosRows, int[] dirRows, int target) {
            RankFusion.Fused fused = RankFusion.fuse(blend, cosRows, dirRows);
            double t = Double.NaN;
            for (int i = 0; i < fused.size(); i++) {
                if (fused.rows()[i] == target) {
                    t = fused.scores()[i];
                }
            }
            if (Double.isNaN(t)) {
                return 0;
            }
            int above = 0;
            for (int i = 0; i < fused.size() && above < K; i++) {
                above += fused.rows()[i] != target && fused.scores()[i] >= t ? 1 : 0;
            }
            return above < K ? 1 : 0;
        }

        /**
         * Scores every candidate for {@link #query}; returns bit b set when, by {@code blends.get(b)}
         * (blends of scores), fewer than K candidates that are not excluded score at least as high
         * as the target. Excluded: {@code history[0..length)} and {@code self} (when >= 0).
         * {@link #NOT_SCORED} when the target is excluded.
         */
        long score(EmbeddingStore vectors, EmbeddingStore output, List<Blend> blends, int target, int[] history,
                int length, int self) {
            int dim = vectors.dim();
            int n = vectors.size();
            float norm = math.norm(query, 0, dim);
            float inv = norm > 0 ? 1f / norm : 0f;
            float[] unit = vectors.unitMatrix();
            float[] out = output.matrix();
            for (int r = 0; r < n; r++) {
                cosine[r] = math.dot(query, 0, unit, r * dim, dim) * inv;
                bias[r] = out[r * (dim + 1) + dim];
                directed[r] = math.dot(query, 0, out, r * (dim + 1), dim) + bias[r];
            }
            if (!exclude(history, length, self, target)) {
                return NOT_SCORED;
            }
            long mask = 0;
            for (int b = 0; b < blends.size(); b++) {
                double c = blends.get(b).cosine();
                double d = blends.get(b).directed();
                double p = blends.get(b).prior();
                double t = c * cosine[target] + d * directed[target] + p * bias[target];
                int above = 0;
                for (int r = 0; r < n && above < K; r++) {
                    // a tie counts against the target: a blend that scores everything alike finds nothing
                    if (excluded[r] != stamp && r != target && c * cosine[r] + d * directed[r] + p * bias[r] >= t) {
                        above++;
                    }
                }
                if (above < K) {
                    mask |= 1L << b;
                }
            }
            return mask;
        }
    }
}
