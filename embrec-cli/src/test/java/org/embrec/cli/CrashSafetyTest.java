package org.embrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.embrec.index.ItemAttributes;
import org.embrec.index.ModelIndex;
import org.embrec.index.VectorIndex;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code train --out}, {@code index} and {@code neighbors --out} with SIGKILL at seeded
 * random moments (in a child JVM, on a small synthetic dataset) and checks what docs/FORMATS.md promises:
 * after each kill the target is absent or a complete, loadable model, index or file; the next
 * complete run removes what the killed ones left behind, and nothing else is ever in the parent.
 */
class CrashSafetyTest {
    private static final int KILLS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;
    @TempDir
    Path logs;

    private int interrupted;

    @Test
    void killedWritersLeaveTheOldOrTheNewTargetAndTheNextRunCleansUp() throws Exception {
        SplittableRandom rnd = new SplittableRandom(20261206);
        Path data = logs.resolve("data");
        CliRun synth = CliRun.of("synth", "--out", data.toString(), "--users", "3000", "--items", "3000", "--rows",
                "150000", "--quiet");
        assertThat(synth.code()).as(synth.err()).isZero();
        Path model = work.resolve("model");
        String[] train = {"train", "--data", data.toString(), "--out", model.toString(), "--epochs", "2", "--threads", "1"};
        double trainSeconds = runToEnd(train);
        assertThat(ModelDirectory.read(model).vectors().size()).isGreaterThan(1000);
        for (int i = 0; i < KILLS; i++) {
            killAfter(train, delay(rnd, trainSeconds));
            if (Files.exists(model)) {
                assertThat(ModelDirectory.read(model).vectors().size()).as("kill %d of train", i).isGreaterThan(1000);
            }
            interrupted += assertOnlyOwnTemps(work, "model");
        }
        runToEnd(train);
        assertThat(entries(work)).as("the next complete run cleaned up").containsExactly("model");

        String[] index = {"index", "--model", model.toString(), "--type", "hnsw", "--threads", "1"};
        double indexSeconds = runToEnd(index);
        for (int i = 0; i < KILLS; i++) {
            killAfter(index, delay(rnd, indexSeconds));
            EmbeddingModel m = ModelDirectory.read(model);
            if (ModelIndex.exists(model)) {
                try (VectorIndex opened = ModelIndex.open(model, org.embrec.recommend.CandidateVectors.indexed(m),
                        ItemAttributes.of(m.vectors().ids(), m.catalog())).orElseThrow()) {
                    assertThat(opened.size()).as("kill %d of index", i).isEqualTo(m.vectors().size());
                }
            }
            interrupted += assertOnlyOwnTemps(model, "index");
        }
        runToEnd(index);
        assertThat(entries(model)).contains("index").noneMatch(n -> n.startsWith("."));

        Path nn = work.resolve("nn.jsonl");
        String[] neighbors = {"neighbors", "--model", model.toString(), "--k", "5", "--out", nn.toString(), "--threads", "1"};
        double neighborsSeconds = runToEnd(neighbors);
        int items = ModelDirectory.read(model).vectors().size();
        for (int i = 0; i < KILLS; i++) {
            killAfter(neighbors, delay(rnd, neighborsSeconds));
            if (Files.exists(nn)) {
                List<String> lines = Files.readAllLines(nn);
                assertThat(lines).as("kill %d of neighbors", i).hasSize(items);
                JSON.readTree(lines.get(lines.size() - 1)); // the last line is whole
            }
            interrupted += assertOnlyOwnTemps(work, "nn.jsonl");
        }
        runToEnd(neighbors);
        assertThat(entries(work)).containsExactlyInAnyOrder("model", "nn.jsonl");
        // The kills must have caught writers mid-write, or the test proved nothing.
        assertThat(interrupted).as("kills that left a half-written temp behind").isPositive();
    }

    /** A kill moment: anywhere in the run, weighted towards its end, where the writing happens. */
    private static long delay(SplittableRandom rnd, double seconds) {
        return (long) (1000 * seconds * (0.2 + 0.9 * Math.sqrt(rnd.nextDouble())));
    }

    /**
     * Everything hidden in {@code parent} is a temp of embrec's for {@code target}; returns 1 when
     * there is one (the kill caught a write), else 0.
     */
    private static int assertOnlyOwnTemps(Path parent, String target) throws IOException {
        String temp = "\\." + java.util.regex.Pattern.quote(target) + "\\.(tmp|old)-\\d+-[0-9a-f]{8}-[0-9a-f]+";
        int found = 0;
        for (String name : entries(parent)) {
            if (name.startsWith(".")) {
                assertThat(name).matches(temp);
                found = 1;
            }
        }
        return found;
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Runs the command to its end (it must succeed) and returns how long it took. */
    private double runToEnd(String... args) throws Exception {
        long t0 = System.nanoTime();
        Process p = start(args);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("%s finished", args[0]).isTrue();
        assertThat(p.exitValue()).as("%s: %s", args[0], Files.readString(logs.resolve("child.err"))).isZero();
        return (System.nanoTime() - t0) / 1e9;
    }

    private void killAfter(String[] args, long millis) throws Exception {
        Process p = start(args);
        if (!p.waitFor(millis, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            p.waitFor(1, TimeUnit.MINUTES);
        }
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-modules") || a.startsWith("--enable-native-access") || a.startsWith("jdk.incubator")) {
                command.add(a);
            }
        }
        command.addAll(List.of("-Xmx1g", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "org.embrec.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(logs.resolve("child.err").toFile());
        return pb.start();
    }
}
