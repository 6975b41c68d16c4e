package org.embrec.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.embrec.EmbrecException;
import org.embrec.graph.WalkConfig;
import org.embrec.train.Word2VecConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HyperParametersTest {
    @TempDir
    Path dir;

    @Test
    void appliesWord2VecAndWalkSettingsOverTheBase() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("dim", 64);
        v.put("window", "all");
        v.put("ns-exponent", -0.5);
        v.put("sample", 0);
        v.put("epochs", 30L);
        v.put("walks-per-node", 7);
        v.put("q", 2);
        HyperParameters h = HyperParameters.of(v, "test");
        Word2VecConfig c = h.applyTo(Word2VecConfig.defaults());
        assertThat(c.dim()).isEqualTo(64);
        assertThat(c.wholeSequence()).isTrue();
        assertThat(c.nsExponent()).isEqualTo(-0.5);
        assertThat(c.sample()).isZero();
        assertThat(c.epochs()).isEqualTo(30);
        assertThat(c.negative()).isEqualTo(Word2VecConfig.defaults().negative());
        WalkConfig w = h.applyTo(WalkConfig.defaults());
        assertThat(w.walksPerNode()).isEqualTo(7);
        assertThat(w.q()).isEqualTo(2.0);
        assertThat(w.p()).isEqualTo(1.0);
        assertThat(h.hasWalkSettings()).isTrue();
    }

    @Test
    void configFileRoundTripsThroughJson() throws Exception {
        HyperParameters h = HyperParameters.of(Map.of("dim", 32, "window", 20, "alpha", 0.03), "test");
        Path file = dir.resolve("best.json");
        TuningOutput.writeConfig(file, "deepwalk", h);
        HyperParameters.ConfigFile read = HyperParameters.read(file);
        assertThat(read.algo()).isEqualTo("deepwalk");
        assertThat(read.settings()).isEqualTo(h);
    }

    @Test
    void unknownSettingsAndBadValuesNameFileAndKey() throws Exception {
        Path file = dir.resolve("c.json");
        Files.writeString(file, "{\"dims\": 64}");
        assertThatThrownBy(() -> HyperParameters.read(file)).isInstanceOf(EmbrecException.class)
                .hasMessageContaining(file + ": unknown setting 'dims'");
        Files.writeString(file, "{\"dim\": 6.5}");
        assertThatThrownBy(() -> HyperParameters.read(file)).hasMessageContaining(file + ": dim must be an integer");
        Files.writeString(file, "{\"window\": \"wide\"}");
        assertThatThrownBy(() -> HyperParameters.read(file)).hasMessageContaining("window must be an integer");
        Files.writeString(file, "[1, 2]");
        assertThatThrownBy(() -> HyperParameters.read(file)).hasMessageContaining("a config file is a JSON object");
        Files.writeString(file, "{\"dim\": ");
        assertThatThrownBy(() -> HyperParameters.read(file)).hasMessageStartingWith(file + ": invalid JSON");
    }

    @Test
    void theWindowShapeIsASettingOfConfigFilesAndTheSearchSpace() throws Exception {
        Path file = dir.resolve("shape.json");
        Files.writeString(file, "{\"window-shape\": \"Harmonic\"}");
        Word2VecConfig c = HyperParameters.read(file).settings().applyTo(Word2VecConfig.defaults());
        assertThat(c.windowShape()).isEqualTo(Word2VecConfig.WindowShape.HARMONIC);
        assertThat(HyperParameters.of(c).values()).containsEntry("window-shape", "harmonic");
        Files.writeString(file, "{\"window-shape\": \"steep\"}");
        assertThatThrownBy(() -> HyperParameters.read(file)).isInstanceOf(EmbrecException.class)
                .hasMessageContaining(file + ": window-shape must be auto, linear or harmonic, got steep");
        HyperParameters fixed = HyperParameters.of(Map.of("window-shape", "harmonic", "shrink-windows", false), "test");
        assertThatThrownBy(() -> fixed.applyTo(Word2VecConfig.defaults()))
                .hasMessageContaining("--window-shape harmonic draws a reduced window per centre");
    }

    @Test
    void trainerValidationStillApplies() {
        HyperParameters h = HyperParameters.of(Map.of("dim", 0), "test");
        assertThatThrownBy(() -> h.applyTo(Word2VecConfig.defaults())).hasMessageContaining("--dim must be in 1..4096");
    }
}
