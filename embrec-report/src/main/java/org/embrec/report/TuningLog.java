package org.embrec.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.embrec.EmbrecException;
import org.embrec.JsonFiles;

/**
 * The trials of a {@code tune --out DIR} directory: {@code DIR/trials.jsonl}, one JSON object a
 * line ({@code {"trial": n, "config": {...}, "objective": "i2i-hr", "score": 0.07, "epochs": E,
 * "seconds": s, "status": "complete|promoted|pruned|failed: why"}}, other keys ignored), and the
 * chosen configuration {@code DIR/best.json} (optional). Only {@code config} and {@code score} are required; a
 * missing {@code trial} is the line's position, a missing {@code status} is complete, and a
 * null score (a failed trial) is kept as NaN.
 *
 * <p>Immutable and thread-safe.
 */
public final class TuningLog {
    /** The trials file's name in a tune directory. */
    public static final String TRIALS = "trials.jsonl";
    /** The best configuration's file name in a tune directory. */
    public static final String BEST = "best.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One trial.
     *
     * @param trial its number
     * @param config hyperparameter values (numbers, strings or booleans) by name, in file order
     * @param objective what the score measures ({@code i2i-hr}, ...), may be null
     * @param score the objective on the validation split (higher is better); NaN when failed
     * @param epochs epochs trained (the resource of successive halving); 0 when unknown
     * @param seconds wall-clock seconds; NaN when unknown
     * @param status {@code complete} (last rung), {@code promoted}, {@code pruned},
     *     {@code failed: ...}, or another word the tuner wrote
     */
    public record Trial(int trial, Map<String, Object> config, String objective, double score, int epochs,
            double seconds, String status) {
        public Trial {
            config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
            Objects.requireNonNull(status, "status");
        }

        /**
         * True for a run of the last rung (status {@code complete}); false for runs that
         * successive halving scored at fewer epochs ({@code promoted} to the next rung, or
         * {@code pruned}) and for failed ones.
         */
        public boolean complete() {
            return status.equals("complete");
        }
    }

    private final List<Trial> trials;
    private final Map<String, Object> best;

    public TuningLog(List<Trial> trials, Map<String, Object> best) {
        this.trials = List.copyOf(trials);
        this.best = best == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(best));
    }

    /**
     * Reads a tune directory.
     *
     * @throws EmbrecException naming the file and line when it is missing or malformed
     */
    public static TuningLog read(Path dir) {
        Path file = dir.resolve(TRIALS);
        if (!Files.isRegularFile(file)) {
            throw new EmbrecException("--tuning " + dir + ": no " + TRIALS + " (is it a 'tune --out' directory?)");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new EmbrecException("cannot read " + file + ": " + e.getMessage());
        }
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                trials.add(trial(lines.get(i), file + ":" + (i + 1), trials.size() + 1));
            }
        }
        if (trials.isEmpty()) {
            throw new EmbrecException(file + ": no trials");
        }
        return new TuningLog(trials, best(dir.resolve(BEST)));
    }

    private static Trial trial(String line, String where, int position) {
        JsonNode n = JsonFiles.parse(line, where);
        if (n == null || !n.isObject() || !n.path("config").isObject()) {
            throw new EmbrecException(where + ": a trial needs a \"config\" object");
        }
        if (!n.has("score") || !(n.get("score").isNumber() || n.get("score").isNull())) {
            throw new EmbrecException(where + ": a trial needs a numeric \"score\"");
        }
        Map<String, Object> config = JSON.convertValue(n.get("config"), new TypeReference<LinkedHashMap<String, Object>>() {});
        return new Trial(n.path("trial").asInt(position), config,
                n.hasNonNull("objective") ? n.get("objective").asText() : null,
                n.get("score").isNull() ? Double.NaN : n.get("score").asDouble(), n.path("epochs").asInt(0),
                n.path("seconds").asDouble(Double.NaN), n.path("status").asText("complete"));
    }

    /** The best config: the object in best.json (or its {@code "config"} member); null without the file. */
    private static Map<String, Object> best(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        JsonNode n = JsonFiles.read(file);
        if (!n.isObject()) {
            throw new EmbrecException(file + ": not a JSON object");
        }
        JsonNode config = n.path("config").isObject() ? n.get("config") : n;
        return JSON.convertValue(config, new TypeReference<LinkedHashMap<String, Object>>() {});
    }

    public List<Trial> trials() {
        return trials;
    }

    /** The best configuration from best.json, or null. */
    public Map<String, Object> best() {
        return best;
    }

    /** The objective the trials were scored on (the first one named), or null. */
    public String objective() {
        for (Trial t : trials) {
            if (t.objective() != null) {
                return t.objective();
            }
        }
        return null;
    }

    /** Every hyperparameter name, in the order they first appear. */
    public List<String> parameters() {
        Set<String> names = new LinkedHashSet<>();
        for (Trial t : trials) {
            names.addAll(t.config().keySet());
        }
        return List.copyOf(names);
    }
}
