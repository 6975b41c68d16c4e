package org.embrec.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.embrec.data.synth.SynthConfig;
import org.embrec.data.synth.SynthGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code embrec synth}: writes a synthetic MovieLens-layout dataset with planted structure. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Write a synthetic dataset in the MovieLens CSV layout (ratings.csv, movies.csv) with planted "
                + "structure: items in clusters, users drifting between favourite clusters, Zipf popularity, "
                + "favourites rated 4-5. Same arguments, same bytes.")
final class SynthCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "New directory to write (must not exist, or be empty).")
    Path out;

    @Option(names = "--users", required = true, paramLabel = "N", description = "Number of users.")
    int users;

    @Option(names = "--items", required = true, paramLabel = "M", description = "Number of items (movies).")
    int items;

    @Option(names = "--rows", required = true, paramLabel = "R", description = "Number of ratings (distinct user-item pairs).")
    long rows;

    @Option(names = "--clusters", paramLabel = "C", description = "Item clusters (default: about sqrt(items)).")
    Integer clusters;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "2020", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--kind", paramLabel = "ratings|sessions|plays|events", defaultValue = "ratings",
            description = "ratings (default): MovieLens-like; sessions: bursts of items from one cluster, minutes apart,"
                    + " sessions days apart (for --session-gap); plays: play counts (plays.csv, a weight column);"
                    + " events: view/cart/purchase (events.csv, for --event-weights). README.txt says how to load it.")
    String kind;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SynthConfig config = new SynthConfig(users, items, rows,
                clusters == null ? SynthConfig.defaultClusters(items) : clusters, seed, SynthConfig.Kind.parse(kind));
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new org.embrec.EmbrecException("--threads must be >= 1, got " + t);
        }
        SynthGenerator.checkTarget(out);
        long started = System.nanoTime();
        Path written = SynthGenerator.write(config, out, t, ConsoleProgress.stderr(quiet));
        double seconds = (System.nanoTime() - started) / 1e9;
        spec.commandLine().getErr().println(String.format(Locale.ROOT,
                "synth: wrote %,d ratings of %,d users on %,d items (%d clusters) to %s in %.1f s",
                config.rows(), config.users(), config.items(), config.clusters(), written, seconds));
        return 0;
    }
}
