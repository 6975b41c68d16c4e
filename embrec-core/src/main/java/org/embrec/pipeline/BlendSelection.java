package org.embrec.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.embrec.model.Scoring;
import org.embrec.model.Scoring.Blend;
import org.embrec.model.UserVectors;
import org.embrec.sequence.HoldOut;
import org.embrec.sequence.Sequences;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.VectorMath;

/**
 * {@code --scoring auto}: chooses how a skip-gram model ranks, separately for item queries
 * (related items) and user queries (recommendations), by the hit rate at {@link #K} of held-out
 * next items of its own training data. The model is trained without the last item of up to
 * {@link #MAX_CASES} sampled sequences ({@link #holdOut}); each {@link #GRID} blend of cosine and
 * directed score then ranks every held-out item for its query (the item before it; the user
 * vector of the rest of the sequence), and the blend with the most hits wins, the earlier in the
 * grid on ties (the cosine first). User queries also try each {@link #HALF_LIVES half-life} of
 * the recency rule, as the transition baseline tries its decays: the chosen one is declared in
 * the scoring ({@link Scoring#userRule}) unless it is the default. When both tasks choose the
 * cosine alone, the model scores by the cosine and needs no output vectors.
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
     * The half-lives (in items) of the recency rule user queries try, {@link UserVectors#DEFAULT}'s
     * first: from about the newest item alone (0.25) to a slow decay (4).
     */
    public static final List<Double> HALF_LIVES = List.of(UserVectors.DEFAULT_HALF_LIFE, 0.25, 0.5, 2.0, 4.0);
    /** At most this many sequences give a held-out item. */
    public static final int MAX_CASES = 3000;
    /** A held-out item is a hit when fewer than K candidates score above it. */
    public static final int K = 10;
    /**
     * How clearly a blend must beat the cosine alone on the held-out items to be chosen:
     * McNemar's {@code (b - c) / sqrt(b + c)} over the items exactly one of them finds (2: about
     * a one-sided 2% chance that an equal blend passes).
     */
    public static final double MIN_Z = 2;

    private BlendSelection() {}

    /**
     * The choice and its evidence: hits per blend of {@link #GRID} for item queries, and per
     * half-life and blend for user queries ({@code userHits[h * GRID.size() + b]} for
     * {@code HALF_LIVES.get(h)} and {@code GRID.get(b)}), over the cases whose query and target
     * have vectors; z of each against the first (the cosine; with the default half-life).
     */
    public record Choice(Scoring scoring, int[] itemHits, int itemCases, double[] itemZ, int[] userHits, int userCases,
            double[] userZ) {
        /** The blend chosen for item queries. */
        public Blend items() {
            return scoring.candidates() == Scoring.Candidates.OUTPUT ? scoring.itemBlend() : GRID.get(0);
        }

        /** The blend chosen for user queries. */
        public Blend users() {
            return scoring.candidates() == Scoring.Candidates.OUTPUT ? scoring.userBlend() : GRID.get(0);
        }

        /** The rule chosen for user queries: the recency rule with the chosen half-life. */
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
            m.put("u2i_half_life", userRule().halfLife());
            List<Map<String, Object>> items = new ArrayList<>();
            for (int g = 0; g < GRID.size(); g++) {
                Map<String, Object> row = blendRow(GRID.get(g));
                row.put("hr_i2i", rate(itemHits[g], itemCases));
                row.put("z_i2i", Math.round(itemZ[g] * 100) / 100.0);
                items.add(row);
            }
            m.put("blends_i2i", items);
            List<Map<String, Object>> users = new ArrayList<>();
            for (int u = 0; u < userHits.length; u++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("half_life", HALF_LIVES.get(u / GRID.size()));
                row.putAll(blendRow(GRID.get(u % GRID.size())));
                row.put("hr_u2i", rate(userHits[u], userCases));
                row.put("z_u2i", Math.round(userZ[u] * 100) / 100.0);
                users.add(row);
            }
            m.put("blends_u2i", users);
            return m;
        }

        private static Map<String, Object> blendRow(Blend b) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("cosine", b.cosine());
            row.put("directed", b.directed());
            return row;
        }

        /**
         * One line for progress: {@code i2i cosine 1 + directed 0.1 (of 3000: ...), u2i cosine 1
         * + directed 0.3, recency(half-life 0.5) (of 3000: ...)}.
         */
        @Override
        public String toString() {
            return "i2i " + task(items().toString(), itemHits, itemCases, itemZ) + ", u2i "
                    + task(users() + ", " + userRule(), userHits, userCases, userZ);
        }

        private static String task(String chosen, int[] hits, int cases, double[] z) {
            int best = argmax(hits);
            String bestName = hits.length == GRID.size() ? GRID.get(best).toString()
                    : GRID.get(best % GRID.size()) + ", " + UserVectors.recency(HALF_LIVES.get(best / GRID.size()));
            return String.format(Locale.ROOT, "%s (of %d: cosine HR@%d %.4f, best %s %.4f, z %.2f)", chosen, cases, K,
                    rate(hits[0], cases), bestName, rate(hits[best], cases), z[best]);
        }

        private static double rate(int hits, int cases) {
            return cases == 0 ? 0 : hits / (double) cases;
        }
    }

    /**
     * Holds out the last item of up to {@link #MAX_CASES} sequences of at least 3 items, a
     * uniform sample drawn with {@code seed} (all of them when there are fewer).
     */
    public static HoldOut holdOut(Sequences liked, long seed) {
        int n = liked.count();
        int[] eligible = IntStream.range(0, n).filter(s -> liked.length(s) >= 3).toArray();
        boolean[] chosen = new boolean[n];
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5eed_b1e0L);
        int take = Math.min(MAX_CASES, eligible.length);
        for (int i = 0; i < take; i++) { // partial Fisher-Yates
            int j = i + rng.nextInt(eligible.length - i);
            int t = eligible[i];
            eligible[i] = eligible[j];
            eligible[j] = t;
            chosen[eligible[i]] = true;
        }
        return HoldOut.of(liked, s -> chosen[s]);
    }

    /**
     * Chooses the blends for {@code vectors} and {@code output} (rows as in {@code vectors}, the
     * bias last), trained on {@code held.training()}, and the half-life of the user queries'
     * recency rule.
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
        List<UserVectors> rules = HALF_LIVES.stream().map(UserVectors::recency).toList();
        // per case and task: bit b set when blend b hits (for users: bit h * GRID.size() + b, half-life h);
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
                itemMask[c] = w.score(vectors, output, target, w.history, 0, last);
            }
            long mask = 0;
            for (int h = 0; h < rules.size(); h++) {
                rules.get(h).userVector(vectors, w.history, length, w.query);
                long m = w.score(vectors, output, target, w.history, length, -1);
                if (m == NOT_SCORED) {
                    mask = NOT_SCORED;
                    break;
                }
                mask |= m << (h * GRID.size());
            }
            userMask[c] = mask;
        });
        Task item = Task.of(itemMask, GRID.size());
        Task user = Task.of(userMask, GRID.size() * HALF_LIVES.size());
        Blend bi = GRID.get(item.chosen());
        Blend bu = GRID.get(user.chosen() % GRID.size());
        Scoring scoring = bi.directed() == 0 && bu.directed() == 0 ? Scoring.DEFAULT : Scoring.blended(bi, bu);
        scoring = scoring.withUserRule(rules.get(user.chosen() / GRID.size()));
        return new Choice(scoring, item.hits(), item.cases(), item.z(), user.hits(), user.cases(), user.z());
    }

    /** Marks a case without a query or target vector. */
    private static final long NOT_SCORED = -1;

    /**
     * The hits of one task, per choice, and the choice made: the one with the most hits (the
     * earliest on ties), unless it beats the first (the cosine alone, with the default half-life)
     * by less than {@link #MIN_Z} in McNemar's statistic over the cases where exactly one of them
     * hits: then the first, the simpler scoring and the one gensim users know.
     */
    record Task(int[] hits, int cases, int chosen, double[] z) {
        /** McNemar's statistic of choice b against the first (bit 0): positive when b finds more. */
        static double mcNemar(long[] masks, int b) {
            int onlyB = 0;
            int onlyFirst = 0;
            for (long m : masks) {
                if (m != NOT_SCORED) {
                    boolean hb = ((m >>> b) & 1) != 0;
                    boolean hc = (m & 1) != 0;
                    onlyB += hb && !hc ? 1 : 0;
                    onlyFirst += hc && !hb ? 1 : 0;
                }
            }
            return onlyB + onlyFirst == 0 ? 0 : (onlyB - onlyFirst) / Math.sqrt(onlyB + onlyFirst);
        }

        static Task of(long[] masks, int choices) {
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
            double[] z = new double[choices];
            for (int b = 1; b < choices; b++) {
                z[b] = mcNemar(masks, b);
            }
            int best = argmax(hits);
            return new Task(hits, cases, z[best] >= MIN_Z ? best : 0, z);
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

    /** One thread's buffers: the query, history rows, both scores of every candidate, exclusion marks. */
    private static final class Scratch {
        private final VectorMath math = VectorMath.get();
        final float[] query;
        final int[] history;
        final double[] cosine;
        final double[] directed;
        final int[] excluded;
        int stamp;

        Scratch(int n, int dim, int maxLength) {
            query = new float[dim];
            history = new int[maxLength];
            cosine = new double[n];
            directed = new double[n];
            excluded = new int[n];
        }

        /**
         * Scores every candidate for {@link #query}; returns bit b set when, by blend b, fewer
         * than K candidates that are not excluded score at least as high as the target. Excluded:
         * {@code history[0..length)} and {@code self} (when >= 0). {@link #NOT_SCORED} when the
         * target is excluded.
         */
        long score(EmbeddingStore vectors, EmbeddingStore output, int target, int[] history, int length, int self) {
            int dim = vectors.dim();
            int n = vectors.size();
            float norm = math.norm(query, 0, dim);
            float inv = norm > 0 ? 1f / norm : 0f;
            float[] unit = vectors.unitMatrix();
            float[] out = output.matrix();
            for (int r = 0; r < n; r++) {
                cosine[r] = math.dot(query, 0, unit, r * dim, dim) * inv;
                directed[r] = math.dot(query, 0, out, r * (dim + 1), dim) + out[r * (dim + 1) + dim];
            }
            stamp++;
            for (int i = 0; i < length; i++) {
                excluded[history[i]] = stamp;
            }
            if (self >= 0) {
                excluded[self] = stamp;
            }
            if (excluded[target] == stamp) { // a target already in the history is no next item to find
                return NOT_SCORED;
            }
            long mask = 0;
            for (int b = 0; b < GRID.size(); b++) {
                double c = GRID.get(b).cosine();
                double d = GRID.get(b).directed();
                double t = c * cosine[target] + d * directed[target];
                int above = 0;
                for (int r = 0; r < n && above < K; r++) {
                    // a tie counts against the target: a blend that scores everything alike finds nothing
                    if (excluded[r] != stamp && r != target && c * cosine[r] + d * directed[r] >= t) {
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
