package org.embrec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.embrec.EmbrecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spark-local} starts a child JVM from what the embrec-spark build wrote (the jar, the
 * class path file, the JVM flags file), forwarding every argument; without that build it says
 * how to get one. The Spark job itself is tested in embrec-spark.
 */
class SparkLocalCommandTest {
    @TempDir
    Path home;

    @Test
    void childJvmGetsTheModuleFlagsClassPathAndEveryArgument() throws IOException {
        Path target = Files.createDirectories(home.resolve("embrec-spark/target"));
        Files.writeString(target.resolve(SparkModule.JAR), "jar");
        Files.writeString(target.resolve(SparkModule.CLASSPATH), "/m2/spark-core.jar:/m2/scala-library.jar\n");
        Files.writeString(target.resolve(SparkModule.JVM_ARGS), "--add-modules jdk.incubator.vector\n"
                + "  --add-opens=java.base/java.nio=ALL-UNNAMED\n");
        List<String> cmd = SparkModule.under(home).command("/jdk/bin/java", home, "-Xmx2g",
                List.of("--evaluate", "--out", "m", "--help"));
        List<String> expected = new java.util.ArrayList<>(List.of("/jdk/bin/java", "--add-modules", "jdk.incubator.vector",
                "--add-opens=java.base/java.nio=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 24) {
            expected.add("--sun-misc-unsafe-memory-access=allow");
        }
        expected.addAll(List.of("-Xmx2g", "-Dembrec.home=" + home, "-cp",
                target.resolve(SparkModule.JAR) + File.pathSeparator + "/m2/spark-core.jar:/m2/scala-library.jar",
                SparkModule.MAIN_CLASS, "--evaluate", "--out", "m", "--help"));
        assertThat(cmd).containsExactlyElementsOf(expected);
    }

    @Test
    void anUnbuiltModuleIsAnErrorThatSaysHowToBuildIt() {
        assertThatThrownBy(() -> SparkModule.under(home).command("java", home, "", List.of()))
                .isInstanceOf(EmbrecException.class)
                .hasMessageStartingWith("the Spark module is not built (" + home.resolve("embrec-spark/target")
                        .resolve(SparkModule.JAR) + " is missing)")
                .hasMessageContaining("mvn -pl embrec-spark -am package -DskipTests");
    }

    @Test
    void theCommandIsListedAndForwardsItsArguments() {
        CliRun help = CliRun.of("--help");
        assertThat(help.err() + help.out()).contains("spark-local");
        String previous = System.getProperty("embrec.home");
        System.setProperty("embrec.home", home.toString());
        try {
            CliRun run = CliRun.of("spark-local", "--out", "x", "--evaluate");
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).startsWith("embrec: error: the Spark module is not built");
        } finally {
            if (previous == null) {
                System.clearProperty("embrec.home");
            } else {
                System.setProperty("embrec.home", previous);
            }
        }
    }
}
