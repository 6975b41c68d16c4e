package org.embrec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8})
    void runsEveryTaskOnceWithWorkerIdsInRange(int workers) {
        int tasks = 1_000;
        AtomicIntegerArray runs = new AtomicIntegerArray(tasks);
        AtomicIntegerArray badWorker = new AtomicIntegerArray(1);
        Parallel.run(tasks, workers, (t, w) -> {
            runs.incrementAndGet(t);
            if (w < 0 || w >= workers) {
                badWorker.set(0, 1);
            }
        });
        for (int t = 0; t < tasks; t++) {
            assertThat(runs.get(t)).isEqualTo(1);
        }
        assertThat(badWorker.get(0)).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void rethrowsTheTaskFailureInTheCaller(int workers) {
        assertThatThrownBy(() -> Parallel.run(100, workers, (t, w) -> {
            if (t == 42) {
                throw new EmbrecException("task 42");
            }
        })).isInstanceOf(EmbrecException.class).hasMessage("task 42");
        assertThatThrownBy(() -> Parallel.run(10, workers, (t, w) -> {
            throw new IOException("disk");
        })).isInstanceOf(UncheckedIOException.class).hasRootCauseMessage("disk");
    }

    @Test
    void helperThreadsCarryTheGivenNameAndTheCallerIsWorkerZero() {
        String caller = Thread.currentThread().getName();
        Set<String> names = ConcurrentHashMap.newKeySet();
        CountDownLatch allStarted = new CountDownLatch(3);
        Parallel.run("embrec-test", 3, 3, (t, w) -> {
            names.add(w + " " + Thread.currentThread().getName());
            allStarted.countDown(); // each task waits for the others: one task per worker
            allStarted.await(30, TimeUnit.SECONDS);
        });
        assertThat(names).containsExactlyInAnyOrder("0 " + caller, "1 embrec-test-1", "2 embrec-test-2");
    }
}
