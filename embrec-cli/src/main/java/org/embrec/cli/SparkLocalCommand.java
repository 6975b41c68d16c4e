package org.embrec.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.embrec.EmbrecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code embrec spark-local}: runs the Spark training job ({@code org.embrec.spark.SparkLocal},
 * module embrec-spark) in local[2] on 127.0.0.1, in a child JVM that has Spark on its class
 * path, so that no other command loads Spark. Every argument, {@code --help} included, goes to
 * the child, which parses them; its output is ours and its exit code is returned.
 * {@code EMBREC_SPARK_JAVA_OPTS} replaces the child's default heap options.
 */
@Command(name = "spark-local", sortOptions = false,
        description = "Train item2vec or DeepWalk with Spark (MLlib) in local[2] and write a model directory;"
                + " --evaluate scores it by PROTOCOL.md. Flags: ./embrec spark-local --help (docs/SPARK.md).")
final class SparkLocalCommand implements Callable<Integer> {
    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        Path home = repositoryRoot();
        String opts = System.getenv().getOrDefault("EMBREC_SPARK_JAVA_OPTS", SparkModule.DEFAULT_JAVA_OPTS);
        List<String> command = SparkModule.under(home).command(javaBinary(), home, opts, args);
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        try {
            Process child = pb.start();
            return child.waitFor();
        } catch (IOException e) {
            throw new EmbrecException("cannot start the Spark JVM " + command.get(0) + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** This JVM's java binary (the child runs on the same JDK). */
    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The repository root: {@code embrec.home} (set by the launcher), else the nearest parent with embrec-spark/. */
    static Path repositoryRoot() {
        String home = System.getProperty("embrec.home");
        if (home != null) {
            return Path.of(home);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("embrec-spark"))) {
                return dir;
            }
        }
        throw new EmbrecException("cannot find the embrec repository (no embrec-spark/ here or above); run ./embrec"
                + " spark-local from the repository");
    }
}
