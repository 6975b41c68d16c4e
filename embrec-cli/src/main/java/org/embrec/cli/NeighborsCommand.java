package org.embrec.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.embrec.AtomicFiles;
import org.embrec.EmbrecException;
import org.embrec.index.ItemFilter;
import org.embrec.index.NeighborsExport;
import org.embrec.index.VectorIndex;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.UserVectors;
import org.embrec.recommend.Recommender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code embrec neighbors}: the top-k similar items of every item, written to a file. */
@Command(name = "neighbors", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Write the k most similar items of every item (never the item itself) to a file, using the "
                + "model's index when it has one (see 'embrec index'), else exact search; the items of the model's "
                + "exclude.txt are never listed as neighbours. "
                + "jsonl: {\"id\": \"4018\", \"neighbors\": [{\"id\": \"...\", \"score\": 0.93}, ...]} per line; "
                + "csv: id,rank,neighbor_id,score with a header.")
final class NeighborsCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Option(names = "--k", paramLabel = "K", defaultValue = "10", description = "Neighbours per item (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Output file (written atomically).")
    Path out;

    @Option(names = "--output-format", paramLabel = "FORMAT",
            description = "jsonl or csv (default: csv when FILE ends with .csv, else jsonl).")
    String format;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Search threads; 0 = all processors (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--json", description = "Print a JSON summary on stdout.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (k < 1) {
            throw new EmbrecException("--k must be >= 1, got " + k);
        }
        if (threads < 0) {
            throw new EmbrecException("--threads must be >= 0, got " + threads);
        }
        if (Files.isDirectory(out)) {
            throw new EmbrecException("--out " + out + ": is a directory (neighbors writes one file)");
        }
        NeighborsExport.Format f = format != null ? NeighborsExport.Format.parse(format)
                : out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? NeighborsExport.Format.CSV
                : NeighborsExport.Format.JSONL;
        EmbeddingModel m = model.load();
        long t0 = System.nanoTime();
        int[] written = new int[1];
        String indexType;
        // the lists similar serves: the model's related-item index and queries (its declared scoring),
        // never an item of the model's exclude.txt (every item still gets its line)
        try (Recommender recommender = Recommender.open(m, model.dir(), UserVectors.MODEL)) {
            VectorIndex index = recommender.index();
            indexType = index.type().cliName();
            float[] queries = recommender.itemQueries();
            ItemFilter filter = recommender.searchFilter(ItemFilter.NONE);
            AtomicFiles.write(out, stream -> written[0] = NeighborsExport.write(index, queries, k, filter,
                    threads, f, stream, ConsoleProgress.stderr(quiet)));
        } catch (java.io.IOException e) {
            throw new EmbrecException("--out " + out + ": cannot write (" + e + ")", e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("items", written[0]);
            summary.put("k", k);
            summary.put("index", indexType);
            summary.put("format", f.name().toLowerCase(Locale.ROOT));
            summary.put("out", out.toString());
            summary.put("seconds", Math.round(seconds * 1000) / 1000.0);
            stdout.println(Json.write(summary));
        } else {
            stdout.printf(Locale.ROOT, "Wrote the %d nearest neighbours of %,d items (%s index) to %s in %.2f s%n", k,
                    written[0], indexType, out, seconds);
        }
        stdout.flush();
        return 0;
    }
}
