package org.embrec.index;

import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.embrec.Parallel;

/** {@link Parallel} with per-thread task consumers, and the meaning of a {@code threads} option. */
final class Workers {
    private Workers() {}

    /** Number of threads for a {@code --threads} value (0 = all processors). */
    static int count(int requested) {
        if (requested < 0) {
            throw new IllegalArgumentException("threads must be >= 0, got " + requested);
        }
        return requested == 0 ? Parallel.defaultThreads() : requested;
    }

    /**
     * Runs {@code task.accept(i)} for {@code i in [0, tasks)} on up to {@code threads} threads;
     * {@code worker} makes one consumer per thread (so it can hold per-thread scratch state).
     */
    static void forEach(int tasks, int threads, Supplier<IntConsumer> worker) {
        int n = Math.max(1, Math.min(count(threads), tasks));
        IntConsumer[] perWorker = new IntConsumer[n];
        Parallel.run(tasks, n, (task, w) -> {
            if (perWorker[w] == null) { // each worker index belongs to one thread
                perWorker[w] = worker.get();
            }
            perWorker[w].accept(task);
        });
    }
}
