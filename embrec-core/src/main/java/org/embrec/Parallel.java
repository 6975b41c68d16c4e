package org.embrec;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs indexed tasks on a few short-lived platform threads (the caller is one of them): workers
 * take task indices 0..tasks-1 from a shared counter until none are left. Exceptions from tasks
 * are rethrown in the caller after all workers stop (the first one wins).
 */
public final class Parallel {
    private Parallel() {}

    /** A task body; {@code worker} is in [0, workers) and lets a task use per-worker scratch. */
    @FunctionalInterface
    public interface Task {
        void run(int task, int worker) throws Exception;
    }

    /** Threads to use by default: the available processors. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Runs {@code tasks} tasks on up to {@code workers} threads and waits for all of them. */
    public static void run(int tasks, int workers, Task body) {
        run("embrec-worker", tasks, workers, body);
    }

    /**
     * As {@link #run(int, int, Task)}, the helper threads named {@code name-1}, {@code name-2}, ...
     * (so a thread dump says what they do).
     */
    public static void run(String name, int tasks, int workers, Task body) {
        int n = Math.max(1, Math.min(workers, tasks));
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] threads = new Thread[n - 1];
        for (int w = 1; w < n; w++) {
            int worker = w;
            threads[w - 1] = new Thread(() -> work(tasks, worker, body, next, failure), name + "-" + w);
            threads[w - 1].setDaemon(true);
            threads[w - 1].start();
        }
        work(tasks, 0, body, next, failure);
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException re) {
            throw re;
        } else if (f instanceof Error err) {
            throw err;
        } else if (f instanceof java.io.IOException io) {
            throw new java.io.UncheckedIOException(io);
        } else if (f != null) {
            throw new IllegalStateException(f);
        }
    }

    private static void work(int tasks, int worker, Task body, AtomicInteger next, AtomicReference<Throwable> failure) {
        for (int t = next.getAndIncrement(); t < tasks && failure.get() == null; t = next.getAndIncrement()) {
            try {
                body.run(t, worker);
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }
    }
}
