package org.embrec.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.embrec.EmbrecException;

/**
 * Where the embrec-spark build put what {@code spark-local} needs, and the command line of the
 * child JVM that runs it. Spark (~200 jars) stays off the CLI's own class path: the child gets
 * {@code embrec-spark/target/embrec-spark.jar} plus the jars listed in
 * {@code target/spark-local.classpath}, and the JVM flags of {@code target/spark-local.jvmargs}
 * (both written by the module's build from the root pom's properties, so tests and
 * spark-local share them). Immutable.
 *
 * @param target the embrec-spark/target directory
 */
record SparkModule(Path target) {
    /** The class the child JVM runs. */
    static final String MAIN_CLASS = "org.embrec.spark.SparkLocal";
    static final String JAR = "embrec-spark.jar";
    static final String CLASSPATH = "spark-local.classpath";
    static final String JVM_ARGS = "spark-local.jvmargs";
    /** Heap and GC of the child unless EMBREC_SPARK_JAVA_OPTS says otherwise: local Spark holds the data in memory. */
    static final String DEFAULT_JAVA_OPTS = "-XX:MaxRAMPercentage=50 -XX:+UseParallelGC";

    /** The module under the repository root {@code home}. */
    static SparkModule under(Path home) {
        return new SparkModule(home.resolve("embrec-spark").resolve("target"));
    }

    /**
     * The child's command line: {@code java} (this JVM's), the module's JVM flags, the extra
     * options, class path, main class and the user's arguments.
     *
     * @param extraJavaOpts whitespace-separated JVM options (heap size and such)
     * @throws EmbrecException when the module has not been built
     */
    List<String> command(String java, Path home, String extraJavaOpts, List<String> args) {
        Path jar = target.resolve(JAR);
        Path classpath = target.resolve(CLASSPATH);
        Path jvmArgs = target.resolve(JVM_ARGS);
        for (Path p : List.of(jar, classpath, jvmArgs)) {
            if (!Files.isRegularFile(p)) {
                throw new EmbrecException("the Spark module is not built (" + p + " is missing): run spark-local through"
                        + " ./embrec, which builds it, or mvn -pl embrec-spark -am package -DskipTests");
            }
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(words(read(jvmArgs)));
        if (Runtime.version().feature() >= 24) {
            cmd.add("--sun-misc-unsafe-memory-access=allow"); // Spark's off-heap code still calls sun.misc.Unsafe
        }
        cmd.addAll(words(extraJavaOpts));
        cmd.add("-Dembrec.home=" + home);
        cmd.add("-cp");
        cmd.add(jar + File.pathSeparator + read(classpath).trim());
        cmd.add(MAIN_CLASS);
        cmd.addAll(args);
        return cmd;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EmbrecException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static List<String> words(String text) {
        String t = text.trim();
        return t.isEmpty() ? List.of() : Arrays.asList(t.split("\\s+"));
    }
}
