package org.embrec.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.embrec.EmbrecException;
import org.embrec.train.Word2VecConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchSpaceTest {
    @TempDir
    Path dir;

    @Test
    void rungsDivideTheMaximumByEtaDownToTheMinimum() {
        SearchSpace s = new SearchSpace(List.of(Param.range("epochs", Param.Kind.INT, 5, 45)));
        assertThat(s.rungs(3, 10)).containsExactly(5, 15, 45);
        assertThat(s.rungs(2, 10)).containsExactly(6, 11, 23, 45);
        assertThat(new SearchSpace(List.of(Param.range("epochs", Param.Kind.INT, 45, 45))).rungs(3, 10))
                .containsExactly(45);
        assertThat(new SearchSpace(List.of(Param.choice("dim", 8))).rungs(3, 10)).containsExactly(10);
    }

    @Test
    void samplesStayInsideTheirDistributions() {
        SearchSpace s = SearchSpace.forAlgorithm("node2vec");
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 2000; i++) {
            HyperParameters h = s.sample(random);
            assertThat(h.get("epochs")).isNull();
            assertThat((Integer) h.get("negative")).isBetween(3, 20);
            assertThat((Double) h.get("ns-exponent")).isBetween(-1.0, 1.0);
            assertThat((Double) h.get("alpha")).isBetween(0.005, 0.1);
            assertThat((Integer) h.get("walk-length")).isBetween(5, 80);
            assertThat((Double) h.get("p")).isBetween(0.25, 4.0);
            assertThat(List.of(16, 32, 64, 128)).contains((Integer) h.get("dim"));
            // every sampled point is a valid trainer configuration
            h.applyTo(Word2VecConfig.defaults());
        }
    }

    @Test
    void logDistributionsSpreadOverOrdersOfMagnitude() {
        Param p = Param.range("alpha", Param.Kind.LOG_UNIFORM, 0.001, 0.1);
        SplittableRandom random = new SplittableRandom(3);
        int below = 0;
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            if ((Double) p.sample(random) < 0.01) {
                below++;
            }
        }
        // log-uniform: half the mass lies below the geometric midpoint 0.01
        assertThat(below / (double) n).isBetween(0.47, 0.53);
    }

    @Test
    void readsASpaceFileWithEveryDistributionAndFixedValues() throws Exception {
        Path file = dir.resolve("space.json");
        Files.writeString(file, """
                {"dim": {"choice": [16, 32]}, "negative": {"log-int": [2, 10]}, "ns-exponent": {"uniform": [-1, 1]},
                 "alpha": {"log-uniform": [0.01, 0.05]}, "window": {"choice": [5, "all"]}, "sample": 0,
                 "epochs": {"int": [2, 18]}}
                """);
        SearchSpace s = SearchSpace.read(file);
        assertThat(s.params()).extracting(Param::name)
                .containsExactly("dim", "negative", "ns-exponent", "alpha", "window", "sample");
        assertThat(s.rungs(3, 5)).containsExactly(2, 6, 18);
        HyperParameters h = s.sample(new SplittableRandom(5));
        assertThat(h.get("sample")).isEqualTo(0.0);
        assertThat(s.without(List.of("dim", "epochs")).params()).extracting(Param::name).doesNotContain("dim");
        assertThat(s.without(List.of("epochs")).epochs()).isNull();
    }

    @Test
    void badSpaceFilesGiveClearErrors() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"dim\": {\"normal\": [1, 2]}}");
        assertThatThrownBy(() -> SearchSpace.read(file)).isInstanceOf(EmbrecException.class)
                .hasMessageContaining(file + ": dim: unknown distribution 'normal'");
        Files.writeString(file, "{\"dimension\": {\"choice\": [1, 2]}}");
        assertThatThrownBy(() -> SearchSpace.read(file)).hasMessageContaining("unknown setting 'dimension'");
        Files.writeString(file, "{\"alpha\": {\"log-uniform\": [0, 1]}}");
        assertThatThrownBy(() -> SearchSpace.read(file)).hasMessageContaining("needs a positive lower bound");
        Files.writeString(file, "{\"negative\": {\"int\": [9, 2]}}");
        assertThatThrownBy(() -> SearchSpace.read(file)).hasMessageContaining("low <= high");
        Files.writeString(file, "{\"epochs\": {\"uniform\": [1, 9]}}");
        assertThatThrownBy(() -> SearchSpace.read(file)).hasMessageContaining("epochs must be integers");
        Files.writeString(file, "{}");
        assertThatThrownBy(() -> SearchSpace.read(file)).hasMessageContaining("non-empty JSON object");
    }
}
