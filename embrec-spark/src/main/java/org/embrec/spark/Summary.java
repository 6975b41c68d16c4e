package org.embrec.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The end-of-job summary on stdout: a few lines of text, or with {@code --json} one JSON object
 * with the keys {@code ./embrec train --json} uses ({@code train_seconds},
 * {@code tokens_per_second}, {@code vocab}, {@code dim}, ...) plus {@code stage_seconds}.
 * Stateless.
 */
final class Summary {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Summary() {}

    static Map<String, Object> of(JobConfig config, TrainPipeline.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algo", config.algo());
        m.put("model", config.out());
        m.put("vocab", r.model().vectors().size());
        m.put("dim", r.model().vectors().dim());
        m.put("users", r.users());
        m.put("raw_tokens", r.training().rawTokens());
        m.put("train_seconds", Math.round(r.training().seconds() * 1000) / 1000.0);
        m.put("tokens_per_second", Math.round(r.training().rawTokens() * (double) config.passes()
                / r.training().seconds()));
        m.put("stage_seconds", r.times().rounded());
        m.put("trainer", JobConfig.TRAINER);
        return m;
    }

    static void print(PrintWriter out, JobConfig config, TrainPipeline.Result r, boolean json) {
        Map<String, Object> m = of(config, r);
        if (json) {
            try {
                out.println(JSON.writeValueAsString(m));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            StringBuilder stages = new StringBuilder();
            r.times().rounded().forEach((k, v) -> stages.append(stages.isEmpty() ? "" : ", ").append(k).append(' ')
                    .append(String.format(Locale.ROOT, "%.1f s", (Double) v)));
            out.printf(Locale.ROOT, "Trained %s on Spark: %,d items x %d dims (%s).%nModel written to %s%n"
                    + "Try: ./embrec similar --model %s --item %s%n", config.algo(), r.model().vectors().size(),
                    r.model().vectors().dim(), stages, config.out(), config.out(), r.model().vectors().id(0));
        }
        out.flush();
    }
}
