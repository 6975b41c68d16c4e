package org.embrec.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.embrec.EmbrecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuningLogTest {
    /** A made-up fixture of 24 trials in the tune format, some pruned, with window 'all' and sample 0. */
    static Path fixture() {
        return Path.of(System.getProperty("embrec.repo", ".."), "embrec-report", "src", "test", "resources", "report",
                "tune");
    }

    /** A real {@code tune --algo item2vec --trials 10 --max-cases 300 --out DIR} on the bundled data. */
    static Path realRun() {
        return fixture().resolveSibling("tune-run");
    }

    @TempDir
    Path tmp;

    @Test
    void readsWhatTheTuneCommandWrites() {
        TuningLog log = TuningLog.read(realRun());
        assertThat(log.trials()).hasSize(16);
        assertThat(log.trials()).extracting(TuningLog.Trial::status).containsOnly("complete", "promoted", "pruned");
        assertThat(log.trials().get(0).epochs()).isPositive();
        assertThat(log.objective()).isEqualTo("i2i-hr");
        assertThat(log.parameters()).contains("dim", "window", "ns-exponent", "sample", "epochs");
        assertThat(log.best()).containsEntry("algo", "item2vec");
        double best = log.trials().stream().filter(TuningLog.Trial::complete).mapToDouble(TuningLog.Trial::score)
                .max().orElseThrow();
        Series running = ReportCharts.tuningTrajectory(log).series().get(2);
        assertThat(running.y()[running.size() - 1]).isEqualTo(best);
        assertThat(ReportCharts.tuningParameters(log)).extracting(Plot::id).contains("tuning-dim",
                "tuning-ns-exponent", "tuning-epochs");
    }

    @Test
    void readsTheTuneDirectoryFixture() {
        TuningLog log = TuningLog.read(fixture());
        assertThat(log.trials()).hasSize(24);
        TuningLog.Trial first = log.trials().get(0);
        assertThat(first.trial()).isEqualTo(1);
        assertThat(first.config()).containsEntry("dim", 64).containsEntry("window", 10);
        assertThat(first.score()).isEqualTo(0.0573);
        assertThat(first.status()).isEqualTo("complete");
        assertThat(log.objective()).isEqualTo("i2i-hr");
        assertThat(log.parameters()).containsExactly("dim", "window", "negative", "ns_exponent", "sample", "epochs",
                "min_count", "alpha");
        assertThat(log.trials()).anyMatch(t -> !t.complete());
        assertThat(log.best()).containsEntry("dim", 16).containsEntry("window", 20);
    }

    @Test
    void optionalFieldsDefaultAndBestMayBeWrappedOrAbsent() throws IOException {
        Files.writeString(tmp.resolve("trials.jsonl"), "{\"config\":{\"dim\":8},\"score\":0.1}\n\n"
                + "{\"config\":{\"dim\":16},\"score\":null,\"status\":\"failed\"}\n");
        TuningLog log = TuningLog.read(tmp);
        assertThat(log.trials()).extracting(TuningLog.Trial::trial).containsExactly(1, 2);
        assertThat(log.trials().get(1).score()).isNaN();
        assertThat(log.trials().get(0).status()).isEqualTo("complete");
        assertThat(log.best()).isNull();
        assertThat(log.objective()).isNull();
        Files.writeString(tmp.resolve("best.json"), "{\"config\":{\"dim\":8},\"score\":0.1}");
        assertThat(TuningLog.read(tmp).best()).containsExactly(java.util.Map.entry("dim", 8));
    }

    @Test
    void errorsNameTheFileAndLine() throws IOException {
        assertThatThrownBy(() -> TuningLog.read(tmp)).isInstanceOf(EmbrecException.class)
                .hasMessage("--tuning " + tmp + ": no trials.jsonl (is it a 'tune --out' directory?)");
        Path file = tmp.resolve("trials.jsonl");
        Files.writeString(file, "{\"config\":{},\"score\":1}\n{\"score\":1}\n");
        assertThatThrownBy(() -> TuningLog.read(tmp)).hasMessage(file + ":2: a trial needs a \"config\" object");
        Files.writeString(file, "{\"config\":{},\"score\":\"high\"}\n");
        assertThatThrownBy(() -> TuningLog.read(tmp)).hasMessage(file + ":1: a trial needs a numeric \"score\"");
        Files.writeString(file, "{oops\n");
        assertThatThrownBy(() -> TuningLog.read(tmp)).hasMessageStartingWith(file + ":1: invalid JSON");
        Files.writeString(file, "\n");
        assertThatThrownBy(() -> TuningLog.read(tmp)).hasMessage(file + ": no trials");
    }
}
