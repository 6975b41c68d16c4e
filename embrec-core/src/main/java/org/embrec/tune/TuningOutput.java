package org.embrec.tune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.embrec.AtomicFiles;
import org.embrec.OutputDirectory;

/**
 * The files of {@code tune --out DIR}, written atomically at the end: {@code trials.jsonl} (one
 * JSON object per run), {@code best.json} (the winning settings with {@code algo}: a config
 * file for {@code train --config} and {@code evaluate --config}) and {@code summary.json}
 * (objective, rungs, validation and test scores of the winner). Stateless.
 */
public final class TuningOutput {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TuningOutput() {}

    /** One run as JSON (a line of {@code trials.jsonl}). */
    public static ObjectNode trial(TrialResult r, Objective objective) {
        ObjectNode n = JSON.createObjectNode();
        n.put("trial", r.trial());
        n.put("config_id", r.config());
        n.put("rung", r.rung());
        n.put("epochs", r.epochs());
        n.set("config", r.point().toJson());
        n.put("objective", objective.key());
        if (r.failed()) {
            n.putNull("score");
        } else {
            n.put("score", r.score());
        }
        n.set("validation", scores(r.scores()));
        n.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        n.put("status", r.status());
        return n;
    }

    /** Scores as JSON. */
    public static ObjectNode scores(TrialScores s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("cases", s.cases());
        n.put("i2i_hr", s.i2iHr());
        n.put("i2i_ndcg", s.i2iNdcg());
        n.put("u2i_hr", s.u2iHr());
        n.put("u2i_ndcg", s.u2iNdcg());
        n.put("coverage", s.coverage());
        return n;
    }

    /** The winner as a config file's JSON. */
    public static ObjectNode bestConfig(String algo, HyperParameters best) {
        ObjectNode n = JSON.createObjectNode();
        n.put(HyperParameters.ALGO, algo);
        n.setAll(best.toJson());
        return n;
    }

    /** The session's summary (what {@code tune --json} prints). */
    public static ObjectNode summary(String dataset, String algo, Objective objective, SearchSpace space, int eta,
            TuningSession.Outcome o) {
        ObjectNode n = JSON.createObjectNode();
        n.put("dataset", dataset);
        n.put("algo", algo);
        n.put("objective", objective.key());
        n.put("split", "validation (PROTOCOL.md: last training item of each training sequence of length >= 3)");
        n.put("validation_cases", o.validationCases());
        n.put("test_cases", o.testCases());
        ArrayNode rungs = n.putArray("rungs_epochs");
        for (int r : o.rungs()) {
            rungs.add(r);
        }
        n.put("eta", eta);
        n.put("configs", o.tuning().configs());
        n.put("runs", o.tuning().trials().size());
        n.set("space", JSON.valueToTree(space.toString().lines().toList()));
        n.set("best", bestConfig(algo, o.best()));
        n.put("best_config_id", o.tuning().best().config());
        n.set("validation", scores(o.validation()));
        if (o.test() != null) {
            n.set("test", scores(o.test()));
        }
        n.put("seconds", Math.round(o.seconds() * 10) / 10.0);
        return n;
    }

    /**
     * What a tuning run may replace: an empty directory or an earlier run's ({@code summary.json}
     * and nothing but the three files).
     */
    public static final OutputDirectory KIND = new OutputDirectory("embrec tuning directory",
            "summary.json, and nothing but trials.jsonl and best.json beside it", dir -> OutputDirectory.holdsOnly(dir,
                    Set.of("summary.json"), Set.of("trials.jsonl", "best.json", "summary.json")));

    /** Writes {@code dir} (replacing an earlier run there, see {@link #KIND}) with the three files. */
    public static void write(Path dir, String dataset, String algo, Objective objective, SearchSpace space, int eta,
            TuningSession.Outcome o) {
        try {
            AtomicFiles.replaceDirectory(dir, KIND, tmp -> {
                StringBuilder lines = new StringBuilder();
                ObjectMapper compact = new ObjectMapper();
                for (TrialResult r : o.tuning().trials()) {
                    lines.append(compact.writeValueAsString(trial(r, objective))).append('\n');
                }
                Files.writeString(tmp.resolve("trials.jsonl"), lines, StandardCharsets.UTF_8);
                Files.writeString(tmp.resolve("best.json"),
                        JSON.writeValueAsString(bestConfig(algo, o.best())) + "\n", StandardCharsets.UTF_8);
                Files.writeString(tmp.resolve("summary.json"),
                        JSON.writeValueAsString(summary(dataset, algo, objective, space, eta, o)) + "\n",
                        StandardCharsets.UTF_8);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Writes only a config file (the winner), atomically. */
    public static void writeConfig(Path file, String algo, HyperParameters best) {
        try {
            AtomicFiles.write(file, out -> out.write(
                    (JSON.writeValueAsString(bestConfig(algo, best)) + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
