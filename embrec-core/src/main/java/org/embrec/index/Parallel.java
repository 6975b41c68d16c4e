package org.embrec.index;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/** Runs numbered tasks on a few platform threads that pull the next task number from a counter. */
final class Parallel {
    private Parallel() {}

    /** Number of threads to use for a {@code --threads} value (0 = all processors). */
    static int threads(int requested) {
        if (requested < 0) {
            throw new IllegalArgumentException("threads must be >= 0, got " + requested);
        }
        return requested == 0 ? Runtime.getRuntime().availableProcessors() : requested;
    }

    /**
     * Runs {@code task.accept(i)} for {@code i in [0, tasks)} on up to {@code threads} threads
     * ({@code worker} makes one task consumer per thread, so it can hold per-thread scratch state);
     * returns when all are done and rethrows the first failure.
     */
    static void forEach(int tasks, int threads, java.util.function.Supplier<IntConsumer> worker) {
        int t = Math.min(threads(threads), tasks);
        if (t <= 1) {
            IntConsumer w = worker.get();
            for (int i = 0; i < tasks; i++) {
                w.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] pool = new Thread[t];
        for (int i = 0; i < t; i++) {
            pool[i] = new Thread(() -> {
                try {
                    IntConsumer w = worker.get();
                    for (int task; failure.get() == null && (task = next.getAndIncrement()) < tasks; ) {
                        w.accept(task);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "embrec-worker-" + i);
            pool[i].setDaemon(true);
            pool[i].start();
        }
        for (Thread th : pool) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for workers", e);
            }
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException re) {
            throw re;
        } else if (f instanceof Error err) {
            throw err;
        } else if (f != null) {
            throw new IllegalStateException(f);
        }
    }
}
