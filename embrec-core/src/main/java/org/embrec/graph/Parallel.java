package org.embrec.graph;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs numbered tasks on a fixed number of platform threads (the caller is one of them), each
 * thread claiming the next task index. Which thread runs a task is not deterministic, so tasks
 * must write only to their own slots. Stateless and thread-safe.
 */
final class Parallel {
    private Parallel() {}

    /**
     * Runs {@code body.accept(i)} for every {@code i} in {@code 0..tasks-1} on at most
     * {@code threads} threads and returns when all are done; the first failure stops the
     * remaining tasks and is rethrown.
     */
    static void forEach(int threads, int tasks, IntConsumer body) {
        int workers = Math.min(threads, tasks);
        if (workers <= 1) {
            for (int i = 0; i < tasks; i++) {
                body.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable loop = () -> {
            int i;
            while (failure.get() == null && (i = next.getAndIncrement()) < tasks) {
                try {
                    body.accept(i);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }
        };
        Thread[] helpers = new Thread[workers - 1];
        for (int t = 0; t < helpers.length; t++) {
            helpers[t] = new Thread(loop, "embrec-graph-" + (t + 1));
            helpers[t].setDaemon(true);
            helpers[t].start();
        }
        loop.run();
        boolean interrupted = false;
        for (Thread h : helpers) {
            while (true) {
                try {
                    h.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    failure.compareAndSet(null, e);
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        } else if (t instanceof Error err) {
            throw err;
        } else if (t != null) {
            throw new IllegalStateException("parallel task interrupted", t);
        }
    }

    /** Number of tasks of at most {@code chunk} items each covering {@code n} items. */
    static int chunks(long n, int chunk) {
        return (int) ((n + chunk - 1) / chunk);
    }
}
