package org.embrec.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.embrec.EmbrecException;
import org.embrec.Parallel;
import org.embrec.Progress;
import org.embrec.data.ColumnSpec;
import org.embrec.data.DataFormat;
import org.embrec.data.DataLoader;
import org.embrec.data.DataSpec;
import org.embrec.data.Dataset;
import org.embrec.data.EventWeights;
import org.embrec.sequence.LikedFilter;
import org.embrec.sequence.SequenceBuilder;
import org.embrec.sequence.SessionGap;
import org.embrec.sequence.Sequences;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The data flags every command that reads interactions shares ({@code @Mixin DataOptions data}):
 * where the data is, how to read it, and which rows are liked. Parses flags into a
 * {@link DataSpec} and {@link LikedFilter}; loading is done by {@link DataLoader}. Warnings
 * about skipped rows go to the command's stderr.
 */
public final class DataOptions {
    /** The bundled dataset, relative to the repository root. */
    public static final String BUNDLED = "data/ml-latest-small";

    @Option(names = "--data", paramLabel = "DIR|FILE",
            description = "Dataset directory (MovieLens CSV, .dat or 100k layout) or an interaction file. "
                    + "Default: the bundled " + BUNDLED + ".")
    Path data;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Layout: movielens, movielens-dat, movielens-100k or delimited (default: detected).")
    String format;

    @Option(names = "--columns", paramLabel = "SPEC",
            description = "Interaction columns by header name or 1-based number: "
                    + "user=NAME|N (or session=),item=NAME|N[,rating=NAME|N][,time=NAME|N or time=Y+M+D[+h+m+s]]"
                    + "[,weight=NAME|N][,event=NAME|N][,header=auto|yes|no].")
    String columns;

    @Option(names = "--delimiter", paramLabel = "D",
            description = "Field separator: tab, comma, semicolon, pipe, space or the characters (e.g. ::). Default: detected.")
    String delimiter;

    @Option(names = "--encoding", paramLabel = "NAME",
            description = "Text encoding of every data file: utf-8 or iso-8859-1 (Latin-1). Default: iso-8859-1 for the "
                    + ".dat and 100k layouts, else utf-8.")
    String encoding;

    @Option(names = "--items", paramLabel = "FILE", description = "Item metadata file (needs --item-columns).")
    Path items;

    @Option(names = "--item-columns", paramLabel = "SPEC",
            description = "Columns of --items: id=NAME|N,title=NAME|N[,genres=NAME|N][,year=NAME|N] (genres separated"
                    + " by |), then any attributes NAME=COLUMN[:KIND], KIND category (default), list[SEP] (SEP default |),"
                    + " number or text, e.g. country=country,tags=tags:list;,price=price:number (docs/DATA.md).")
    String itemColumns;

    @Option(names = "--dedupe", paramLabel = "MODE", defaultValue = "first",
            description = "Repeated (user, item) rows: first (keep the first, default), none (keep all) or sum (keep the"
                    + " first with the rows' weights summed; without weights, their number).")
    String dedupe;

    @Option(names = "--liked-on", paramLabel = "rating|weight", defaultValue = "auto",
            description = "The column --liked reads (default: the rating when there is one, else the weight).")
    String likedOn;

    @Option(names = "--event-weights", paramLabel = "NAME=W,...",
            description = "With --columns ...,event=C: the weight of each event type, e.g. view=1,cart=3,purchase=10"
                    + " (a row weighs its event's weight, times its weight column if there is one).")
    String eventWeights;

    @Option(names = "--liked", paramLabel = "RULE", defaultValue = "mean",
            description = "Liked rows: mean (rating > global mean, default), user-mean, >=X, >X or all.")
    String liked;

    @Option(names = "--time-format", paramLabel = "PATTERN",
            description = "Pattern of the time column when it is neither an epoch nor ISO-8601, e.g. 'dd/MM/yyyy HH:mm'"
                    + " (java.time letters; UTC unless the pattern has a zone). For a time spread over columns use"
                    + " --columns ...,time=YEAR+MONTH+DAY[+HOUR[+MINUTE[+SECOND]]].")
    String timeFormat;

    @Option(names = "--quote", paramLabel = "auto|yes|no", defaultValue = "auto",
            description = "Whether \" quotes fields, in the interaction file and the --items file (default auto: in"
                    + " comma-separated files only, so tab-separated files may hold literal quotes).")
    String quote;

    @Option(names = "--session-gap", paramLabel = "DURATION", defaultValue = "off",
            description = "Split each user's items into sessions at gaps of inactivity longer than this (90s, 30m, 2h,"
                    + " 1d); sessions are the training sentences, the evaluation still holds out each user's last item"
                    + " (default off).")
    String sessionGap;

    @Option(names = "--skip-bad-rows", description = "Skip malformed rows (reporting how many and the first few) instead of stopping.")
    boolean skipBadRows;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** The flags as a validated spec (errors name the flag). */
    public DataSpec spec() {
        Path path = data != null ? data : defaultData();
        return new DataSpec(path,
                format == null ? null : DataFormat.parse(format),
                columns == null ? null : ColumnSpec.parseInteractions(columns),
                delimiter == null ? null : DataSpec.parseDelimiter(delimiter),
                encoding == null ? null : DataSpec.parseEncoding(encoding),
                items,
                itemColumns == null ? null : ColumnSpec.parseItems(itemColumns),
                DataSpec.Dedupe.parse(dedupe),
                skipBadRows,
                timeFormat,
                DataSpec.Quote.parse(quote),
                eventWeights == null ? null : EventWeights.parse(eventWeights));
    }

    /** The {@code --liked} rule. */
    public LikedFilter likedFilter() {
        return LikedFilter.parse(liked).on(LikedFilter.On.parse(likedOn));
    }

    /** Loads the dataset on all cores, reporting progress and skipped rows. */
    public Dataset load(Progress progress) {
        DataSpec spec = spec();
        likedFilter(); // fail on a bad --liked or --session-gap before reading gigabytes
        SessionGap.parseMillis(sessionGap);
        PrintWriter err = mixee == null ? new PrintWriter(System.err, true) : mixee.commandLine().getErr();
        return DataLoader.load(spec, progress, w -> err.println("embrec: warning: " + w), Parallel.defaultThreads());
    }

    /** The liked sequences of {@code dataset} under {@code --liked}. */
    public Sequences liked(Dataset dataset) {
        return SequenceBuilder.build(dataset.interactions(), likedFilter(), SessionGap.parseMillis(sessionGap));
    }

    /**
     * The bundled dataset: under the {@code embrec.home} system property (set by the launcher),
     * else under the current directory or one of its parents.
     */
    public static Path defaultData() {
        String home = System.getProperty("embrec.home");
        if (home != null && Files.isDirectory(Path.of(home, BUNDLED))) {
            return Path.of(home, BUNDLED);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(BUNDLED))) {
                return dir.resolve(BUNDLED);
            }
        }
        throw new EmbrecException("--data not given and the bundled " + BUNDLED + " was not found"
                + (home == null ? "" : " under " + home) + "; give --data DIR|FILE");
    }
}
