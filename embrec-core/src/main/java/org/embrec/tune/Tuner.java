package org.embrec.tune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.embrec.EmbrecException;
import org.embrec.Progress;

/**
 * Random search with successive halving (Jamieson and Talwalkar 2016; epochs are the resource):
 * a bracket samples n configurations, trains each for the first rung's epochs on the validation
 * split, keeps the best 1/eta, trains those for eta times the epochs, and so on up to the
 * maximum. With {@link Options#trials()} one bracket runs; with a time budget, brackets repeat
 * until the budget is spent (no run starts after the deadline). A point is the defaults, then
 * the sampled values, then the fixed settings (the user's flags); the first configuration tried
 * is the defaults with the fixed settings alone, so tuning never reports a winner worse on
 * validation than what the user had. Points hold every setting, so a winner written as a config
 * file reproduces the run whatever the defaults of a later version.
 *
 * <p>Runs execute {@link Options#parallel()} at a time. Each configuration trains with the
 * seed {@code seed + config}, so with one training thread per run the outcome depends only on
 * the seed. The best configuration is the best-scoring one at the highest rung any
 * configuration reached. Not thread-safe; {@link #run} once per instance.
 */
public final class Tuner {
    /** How a tuning session runs. */
    public record Options(Objective objective, int trials, double budgetSeconds, int eta, int parallel, long seed) {
        public Options {
            Objects.requireNonNull(objective, "objective");
            if (trials < 0 || (trials == 0) == (budgetSeconds <= 0)) {
                throw new EmbrecException("give either --trials N (N >= 1) or --budget");
            }
            if (eta < 2) {
                throw new EmbrecException("--eta must be >= 2, got " + eta);
            }
            if (parallel < 1) {
                throw new EmbrecException("--parallel must be >= 1, got " + parallel);
            }
        }
    }

    /** Receives each finished run and the rungs' promotions (called from the tuning thread). */
    public interface Listener {
        /**
         * A run finished; {@code leader} is the best finished run so far (highest rung first,
         * then score).
         */
        void trialDone(TrialResult result, TrialResult leader);

        /** A rung finished: {@code promoted} configurations go on with {@code nextEpochs} epochs. */
        default void rungDone(int rung, int promoted, int nextEpochs) {}
    }

    /** The outcome: every run in start order and the winner. */
    public record Result(List<TrialResult> trials, TrialResult best) {
        /** Configurations sampled (a configuration has one run per rung it reached). */
        public int configs() {
            return trials.stream().mapToInt(TrialResult::config).max().orElse(0);
        }
    }

    private final SearchSpace space;
    private final HyperParameters defaults;
    private final HyperParameters fixed;
    private final TrialRunner evaluator;
    private final Options options;
    private final int[] rungs;
    private final List<TrialResult> finished = new ArrayList<>();
    private TrialResult leader;
    private int nextTrial = 1;
    private int nextConfig = 1;

    /**
     * @param defaults every setting's value when neither sampled nor fixed
     * @param fixed settings that override sampled values (the user's flags)
     * @param baseEpochs epochs when the space does not search them
     */
    public Tuner(SearchSpace space, HyperParameters defaults, HyperParameters fixed, int baseEpochs,
            TrialRunner evaluator, Options options) {
        this.space = Objects.requireNonNull(space, "space");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.fixed = Objects.requireNonNull(fixed, "fixed");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.options = Objects.requireNonNull(options, "options");
        this.rungs = space.rungs(options.eta(), baseEpochs);
    }

    /** The epochs of each rung. */
    public int[] rungs() {
        return rungs.clone();
    }

    /** Runs the session; progress of each training goes to {@code progress}. */
    public Result run(Listener listener, Progress progress) {
        long deadline = options.budgetSeconds() > 0
                ? System.nanoTime() + (long) (options.budgetSeconds() * 1e9) : Long.MAX_VALUE;
        SplittableRandom random = new SplittableRandom(options.seed());
        ExecutorService pool = Executors.newFixedThreadPool(options.parallel(), r -> {
            Thread t = new Thread(r, "tune");
            t.setDaemon(true);
            return t;
        });
        try {
            if (options.trials() > 0) {
                bracket(options.trials(), random, deadline, pool, listener, progress);
            } else {
                int n = Math.max(options.parallel(), (int) Math.pow(options.eta(), rungs.length - 1));
                while (System.nanoTime() < deadline) {
                    bracket(n, random, deadline, pool, listener, progress);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (finished.isEmpty()) {
            throw new EmbrecException("--budget ended before the first run finished; give more time");
        }
        if (finished.stream().allMatch(TrialResult::failed)) {
            throw new EmbrecException("every run failed; the first: " + finished.get(0).status());
        }
        return new Result(List.copyOf(finished), best(finished));
    }

    /** The best run at the highest rung reached. */
    static TrialResult best(List<TrialResult> runs) {
        int top = runs.stream().filter(r -> !r.failed()).mapToInt(TrialResult::rung).max().orElseThrow();
        return runs.stream().filter(r -> r.rung() == top && !r.failed()).max(Comparator.comparingDouble(TrialResult::score)
                .thenComparing(r -> -r.config())).orElseThrow();
    }

    /** A sampled configuration: its number and its settings (each rung sets the epochs). */
    private record Candidate(int config, HyperParameters point) {}

    private void bracket(int n, SplittableRandom random, long deadline, ExecutorService pool, Listener listener,
            Progress progress) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HyperParameters sampled = nextConfig == 1 ? space.fixed() : space.sample(random);
            candidates.add(new Candidate(nextConfig++, defaults.with(sampled).with(fixed)));
        }
        for (int rung = 0; rung < rungs.length && !candidates.isEmpty(); rung++) {
            List<TrialResult> results = runRung(candidates, rung, deadline, pool, listener, progress);
            if (results.size() < candidates.size() || rung == rungs.length - 1) {
                for (TrialResult r : results) {
                    if (!r.failed()) {
                        replace(r, rung == rungs.length - 1 ? "complete" : "pruned");
                    }
                }
                return;
            }
            int keep = Math.max(1, (int) Math.ceil(candidates.size() / (double) options.eta()));
            List<TrialResult> ranked = new ArrayList<>(results);
            ranked.sort(Comparator.comparingDouble(TrialResult::score).reversed()
                    .thenComparingInt(TrialResult::config));
            List<Candidate> promoted = new ArrayList<>();
            for (int i = 0; i < ranked.size(); i++) {
                TrialResult r = ranked.get(i);
                if (r.failed()) {
                    continue;
                }
                replace(r, i < keep ? "promoted" : "pruned");
                if (i < keep) {
                    promoted.add(new Candidate(r.config(), r.point()));
                }
            }
            listener.rungDone(rung, keep, rungs[rung + 1]);
            candidates = promoted;
        }
    }

    private void replace(TrialResult r, String status) {
        finished.set(finished.indexOf(r), r.withStatus(status));
    }

    private List<TrialResult> runRung(List<Candidate> candidates, int rung, long deadline, ExecutorService pool,
            Listener listener, Progress progress) {
        int epochs = rungs[rung];
        List<Future<TrialResult>> futures = new ArrayList<>();
        for (Candidate c : candidates) {
            int config = c.config();
            int trial = nextTrial++;
            HyperParameters point = c.point().with(SearchSpace.EPOCHS, epochs);
            futures.add(pool.submit(() -> {
                if (System.nanoTime() >= deadline) {
                    return null;
                }
                long t0 = System.nanoTime();
                try {
                    TrialScores s = evaluator.score(point, options.seed() + config, progress);
                    return new TrialResult(trial, config, rung, point, s, options.objective().of(s),
                            (System.nanoTime() - t0) / 1e9, "running");
                } catch (EmbrecException e) {
                    // a point the trainer rejects (say, it diverged) loses; the session goes on
                    return new TrialResult(trial, config, rung, point, TrialScores.FAILED, Double.NEGATIVE_INFINITY,
                            (System.nanoTime() - t0) / 1e9, "failed: " + e.getMessage());
                }
            }));
        }
        List<TrialResult> results = new ArrayList<>();
        for (Future<TrialResult> f : futures) {
            TrialResult r = await(f);
            if (r != null) {
                results.add(r);
                finished.add(r);
                if (leader == null || r.rung() > leader.rung()
                        || (r.rung() == leader.rung() && r.score() > leader.score())) {
                    leader = r;
                }
                listener.trialDone(r, leader);
            }
        }
        return results;
    }

    private static TrialResult await(Future<TrialResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbrecException("tuning interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }
}
