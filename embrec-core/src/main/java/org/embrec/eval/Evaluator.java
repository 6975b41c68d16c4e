package org.embrec.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.embrec.Progress;

/**
 * Ranks every test case's target for one {@link ItemScorer} and {@link Task} (PROTOCOL.md,
 * "Tasks"): maps the case's items to candidates, decides forced misses, excludes the query
 * (i2i) or all the user's training items (u2i), and ranks with {@link Ranking}.
 *
 * <p>{@link #run} also selects every case's top-K list ({@link TopLists}) in the same pass, for
 * the beyond-accuracy figures ({@link ListFeatures}).
 *
 * <p>Cases are scored in parallel on {@code threads} threads, each with its own
 * {@link ItemScorer.Worker} and score array, reused across cases (nothing is allocated per
 * case or candidate). Results do not depend on the thread count. Thread-safe: concurrent calls
 * are independent.
 */
public final class Evaluator {
    private static final int CHUNK = 8;
    private static final long REPORT_INTERVAL_NS = 250_000_000L;

    private final TestCases cases;
    private final int threads;

    public Evaluator(TestCases cases, int threads) {
        this.cases = Objects.requireNonNull(cases, "cases");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
    }

    public TestCases cases() {
        return cases;
    }

    /** The rank of every case's target under {@code scorer} for {@code task}. */
    public CaseRanks rank(ItemScorer scorer, Task task, Progress progress) {
        return run(scorer, task, 0, progress).ranks();
    }

    /**
     * The rank of every case's target and, when {@code listLength > 0}, every case's top
     * {@code listLength} list (null otherwise).
     */
    public CaseResults run(ItemScorer scorer, Task task, int listLength, Progress progress) {
        if (listLength < 0) {
            throw new IllegalArgumentException("listLength must be >= 0, got " + listLength);
        }
        double[] tieKey = Ranking.asDoubles(TieOrder.keys(scorer));
        int[] ranks = new int[cases.size()];
        int[] lists = listLength > 0 ? new int[cases.size() * listLength] : null;
        if (lists != null) {
            Arrays.fill(lists, TopLists.NONE);
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        String label = scorer.name() + " " + task.key();
        Runnable work = () -> {
            try {
                CaseWorker w = new CaseWorker(scorer, tieKey, listLength, lists);
                long lastReport = System.nanoTime();
                int from;
                while (failure.get() == null && (from = next.getAndAdd(CHUNK)) < ranks.length) {
                    int to = Math.min(ranks.length, from + CHUNK);
                    for (int c = from; c < to; c++) {
                        ranks[c] = task == Task.I2I ? w.related(c) : w.forUser(c);
                    }
                    int finished = done.addAndGet(to - from);
                    long now = System.nanoTime();
                    if (now - lastReport > REPORT_INTERVAL_NS) {
                        lastReport = now;
                        progress.update(label, finished, ranks.length, "");
                    }
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        };
        int n = Math.min(threads, Math.max(1, (ranks.length + CHUNK - 1) / CHUNK));
        if (n == 1) {
            work.run();
        } else {
            List<Thread> pool = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Thread t = new Thread(work, "eval-" + i);
                t.setDaemon(true);
                pool.add(t);
                t.start();
            }
            for (Thread t : pool) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while evaluating " + label, e);
                }
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        } else if (t instanceof Error err) {
            throw err;
        } else if (t != null) {
            throw new IllegalStateException(t);
        }
        return new CaseResults(new CaseRanks(ranks), lists == null ? null : new TopLists(listLength, lists));
    }

    /**
     * Outcome of {@link #run}.
     *
     * @param ranks every case's target rank
     * @param lists every case's top list, or null when none was asked for
     */
    public record CaseResults(CaseRanks ranks, TopLists lists) {}

    /**
     * One thread's scratch: the scorer's worker, the score array, the history buffer and the
     * top-list selection; it writes case c's list to {@code lists[c*K ..)} (cases are disjoint).
     */
    private final class CaseWorker {
        private final ItemScorer scorer;
        private final ItemScorer.Worker worker;
        private final double[] tieKey;
        private final double[] scores;
        private final int[] history;
        private final TopSelection top;
        private final int listLength;
        private final int[] lists;

        CaseWorker(ItemScorer scorer, double[] tieKey, int listLength, int[] lists) {
            this.scorer = scorer;
            this.worker = scorer.newWorker();
            this.tieKey = tieKey;
            this.scores = new double[scorer.candidateCount()];
            this.history = new int[cases.maxHistory()];
            this.listLength = listLength;
            this.lists = lists;
            this.top = lists == null ? null : new TopSelection(listLength);
        }

        /** Ranks the target of case c in the filled score array, and selects its list if asked to. */
        private int rankAndList(int c, int target) {
            if (top != null) {
                top.select(scores, scores.length, tieKey, lists, c * listLength);
            }
            return Ranking.rank(scores, scores.length, tieKey, target);
        }

        int related(int c) {
            int query = scorer.candidateOf(cases.query(c));
            int target = scorer.candidateOf(cases.target(c));
            if (query < 0 || target < 0) {
                return CaseRanks.FORCED_MISS;
            }
            if (query == target) {
                return CaseRanks.EXCLUDED_TARGET;
            }
            worker.scoreRelated(query, scores);
            scores[query] = Double.NEGATIVE_INFINITY;
            return rankAndList(c, target);
        }

        int forUser(int c) {
            int target = scorer.candidateOf(cases.target(c));
            int[] items = cases.training().items();
            int length = 0;
            boolean targetSeen = false;
            for (int p = cases.historyStart(c); p < cases.historyEnd(c); p++) {
                int h = scorer.candidateOf(items[p]);
                if (h >= 0) {
                    history[length++] = h;
                    targetSeen |= h == target;
                }
            }
            if (length == 0 || target < 0) {
                return CaseRanks.FORCED_MISS;
            }
            if (targetSeen) {
                return CaseRanks.EXCLUDED_TARGET;
            }
            worker.scoreForUser(cases.sequence(c), history, length, scores);
            for (int i = 0; i < length; i++) {
                scores[history[i]] = Double.NEGATIVE_INFINITY;
            }
            return rankAndList(c, target);
        }
    }
}
