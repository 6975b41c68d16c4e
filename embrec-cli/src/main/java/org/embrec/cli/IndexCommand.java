package org.embrec.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.embrec.index.IndexManifest;
import org.embrec.index.IndexSpec;
import org.embrec.index.IndexType;
import org.embrec.index.ItemAttributes;
import org.embrec.index.ModelIndex;
import org.embrec.index.SearchSpace;
import org.embrec.index.VectorIndex;
import org.embrec.model.EmbeddingModel;
import org.embrec.recommend.CandidateVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code embrec index}: builds a vector index for a model and stores it in the model directory. */
@Command(name = "index", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Build a vector index over the vectors a model's queries are scored against (the item vectors by "
                + "cosine; a --scoring directed model's output vectors by inner product) and store it in DIR/index "
                + "(replacing any previous one); 'similar', 'recommend', 'neighbors' and 'serve' then use it. "
                + "Types: exact (brute force, SIMD), hnsw (Lucene HNSW graph), hnsw-sq8 / hnsw-sq4 (HNSW over 7-bit / "
                + "4-bit quantized vectors), ivf (k-means cells; cosine only). Measure them with 'embrec bench-index'.")
final class IndexCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "hnsw",
            description = "exact, hnsw, hnsw-sq8, hnsw-sq4 or ivf (default: ${DEFAULT-VALUE}).")
    String type;

    @Mixin
    IndexBuildOptions build;

    @Option(names = "--ef-search", paramLabel = "N", defaultValue = "" + org.embrec.index.HnswParams.DEFAULT_EF_SEARCH,
            description = "HNSW candidates per query: a search for k asks for max(k, N) (default: ${DEFAULT-VALUE}).")
    int efSearch;

    @Option(names = "--nprobe", paramLabel = "N", defaultValue = "" + org.embrec.index.IvfParams.DEFAULT_NPROBE,
            description = "IVF cells scanned per query (default: ${DEFAULT-VALUE}).")
    int nprobe;

    @Option(names = "--json", description = "Print a JSON summary on stdout.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        IndexType t = IndexType.parse(type, "--type");
        IndexSpec indexSpec = new IndexSpec(t, build.hnsw(efSearch), build.ivf(nprobe));
        ModelIndex.checkWritable(model.dir()); // before loading: never after a long build
        EmbeddingModel m = model.load();
        SearchSpace space = CandidateVectors.indexed(m); // what Recommender.open searches through it
        ModelIndex.checkSupported(t, space.similarity());
        ItemAttributes attrs = ItemAttributes.of(m.vectors().ids(), m.catalog());
        long bytes;
        try (VectorIndex index = ModelIndex.build(model.dir(), space, attrs, indexSpec, build.threads(),
                ConsoleProgress.stderr(quiet))) {
            bytes = index.searchBytesPerVector();
        }
        IndexManifest manifest = ModelIndex.readManifest(model.dir());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("type", t.cliName());
            summary.put("params", indexSpec.params());
            summary.put("vectors", manifest.count());
            summary.put("dim", manifest.dim());
            summary.put("source", manifest.source());
            summary.put("similarity", manifest.similarity().key());
            summary.put("build_seconds", Math.round(manifest.buildSeconds() * 1000) / 1000.0);
            summary.put("bytes_per_vector", bytes);
            summary.put("path", model.dir().resolve(ModelIndex.DIR).toString());
            out.println(Json.write(summary));
        } else {
            StringBuilder params = new StringBuilder();
            indexSpec.params().forEach((k, v) -> params.append(params.isEmpty() ? "" : " ").append(k).append('=').append(v));
            out.printf(Locale.ROOT, "Built %s index of %,d %s vectors x %d dims (%s) in %.2f s%s: %s (%d bytes per vector"
                    + " searched)%n", t.cliName(), manifest.count(), manifest.source(), manifest.dim(),
                    manifest.similarity().key(), manifest.buildSeconds(),
                    params.isEmpty() ? "" : " (" + params + ")", model.dir().resolve(ModelIndex.DIR), bytes);
        }
        out.flush();
        return 0;
    }
}
