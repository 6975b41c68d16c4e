package org.embrec.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.embrec.data.Dataset;
import org.embrec.sequence.DatasetSummary;
import org.embrec.sequence.LikedFilter;
import org.embrec.sequence.Sequences;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code embrec info}: loads a dataset and prints its statistics (a table, or JSON with --json). */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Dataset statistics: rows, users, items, ratings, liked rows, sequence lengths, time range.")
final class InfoCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--json", description = "Print one JSON object on stdout (progress stays on stderr).")
    boolean json;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        LikedFilter filter = data.likedFilter();
        long t0 = System.nanoTime();
        Dataset dataset = data.load(ConsoleProgress.stderr(quiet));
        long t1 = System.nanoTime();
        Sequences liked = data.liked(dataset);
        long t2 = System.nanoTime();
        DatasetSummary s = DatasetSummary.of(dataset, liked, filter);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(withSessions(toJson(s, dataset, (t1 - t0) / 1e9, (t2 - t1) / 1e9), liked)));
        } else {
            printTable(out, s, dataset, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            if (liked.breaks().length > 0) {
                out.printf(Locale.ROOT, "%-28s %s%n", "sessions (--session-gap)",
                        String.format(Locale.ROOT, "%,d", liked.count() + liked.breaks().length));
            }
        }
        out.flush();
        return 0;
    }

    /** The summary with {@code sessions} (training sentences) when --session-gap split any sequence. */
    private static Map<String, Object> withSessions(Map<String, Object> m, Sequences liked) {
        if (liked.breaks().length > 0) {
            m.put("sessions", liked.count() + liked.breaks().length);
        }
        return m;
    }

    static Map<String, Object> toJson(DatasetSummary s, Dataset d, double loadSeconds, double sequenceSeconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", s.name());
        m.put("fingerprint", d.fingerprint());
        m.put("rows", s.rows());
        m.put("users", s.users());
        m.put("items", s.items());
        m.put("mean_rating", Double.isNaN(s.meanRating()) ? null : round(s.meanRating(), 4));
        m.put("rating_histogram", s.ratingHistogram());
        m.put("liked", s.liked());
        m.put("liked_rows", s.likedRows());
        m.put("sequences", s.sequences());
        m.put("users_with_3_liked", s.usersWithThreeLiked());
        Map<String, Integer> len = new LinkedHashMap<>();
        len.put("min", s.sequenceMin());
        len.put("median", s.sequenceMedian());
        len.put("p90", s.sequenceP90());
        len.put("max", s.sequenceMax());
        m.put("sequence_length", len);
        m.put("time_min", s.timeMin() == null ? null : Instant.ofEpochMilli(s.timeMin()).toString());
        m.put("time_max", s.timeMax() == null ? null : Instant.ofEpochMilli(s.timeMax()).toString());
        m.put("catalog_items", d.catalog().size());
        m.put("tags", d.catalog().tags().size());
        m.put("load_seconds", round(loadSeconds, 3));
        m.put("sequence_seconds", round(sequenceSeconds, 3));
        return m;
    }

    private static void printTable(PrintWriter out, DatasetSummary s, Dataset d, double loadSeconds, double seqSeconds) {
        String f = "%-28s %s%n";
        out.printf(Locale.ROOT, f, "dataset", s.name() + " (fingerprint " + d.fingerprint() + ")");
        out.printf(Locale.ROOT, f, "rows", String.format(Locale.ROOT, "%,d", s.rows()));
        out.printf(Locale.ROOT, f, "users", String.format(Locale.ROOT, "%,d", s.users()));
        out.printf(Locale.ROOT, f, "items", String.format(Locale.ROOT, "%,d", s.items()));
        if (!Double.isNaN(s.meanRating())) {
            out.printf(Locale.ROOT, f, "mean rating", String.format(Locale.ROOT, "%.4f", s.meanRating()));
            StringBuilder h = new StringBuilder();
            s.ratingHistogram().forEach((k, v) -> h.append(h.isEmpty() ? "" : "  ").append(k).append(": ")
                    .append(String.format(Locale.ROOT, "%,d", v)));
            out.printf(Locale.ROOT, f, "ratings", h);
        } else {
            out.printf(Locale.ROOT, f, "ratings", "none (every row is liked)");
        }
        out.printf(Locale.ROOT, f, "liked rows", String.format(Locale.ROOT, "%,d (--liked %s)", s.likedRows(), s.liked()));
        out.printf(Locale.ROOT, f, "users with a liked item", String.format(Locale.ROOT, "%,d", s.sequences()));
        out.printf(Locale.ROOT, f, "users with >= 3 liked items", String.format(Locale.ROOT, "%,d", s.usersWithThreeLiked()));
        out.printf(Locale.ROOT, f, "liked sequence length", String.format(Locale.ROOT, "min %d, median %d, p90 %d, max %d",
                s.sequenceMin(), s.sequenceMedian(), s.sequenceP90(), s.sequenceMax()));
        out.printf(Locale.ROOT, f, "time range", s.timeMin() == null ? "none (file order is time)"
                : Instant.ofEpochMilli(s.timeMin()) + " .. " + Instant.ofEpochMilli(s.timeMax()));
        out.printf(Locale.ROOT, f, "catalog", String.format(Locale.ROOT, "%,d items, %,d tags", d.catalog().size(),
                d.catalog().tags().size()));
        out.printf(Locale.ROOT, f, "load seconds", String.format(Locale.ROOT, "%.2f (sequences %.2f)", loadSeconds, seqSeconds));
    }

    private static double round(double v, int decimals) {
        double p = Math.pow(10, decimals);
        return Math.round(v * p) / p;
    }
}
