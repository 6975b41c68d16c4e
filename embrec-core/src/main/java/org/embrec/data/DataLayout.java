package org.embrec.data;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.embrec.EmbrecException;
import org.embrec.Printable;

/**
 * Resolves a {@link DataSpec} against the files present: the layout (detected unless
 * {@code --format} says), the interaction file with its delimiter, header and columns
 * ({@code --columns} always wins), the time format, and the catalog files. Every failure is an
 * {@link EmbrecException} with a one-line message. Immutable result.
 *
 * @param name a short dataset name for reports (directory or file name)
 * @param files the source files, for the fingerprint
 */
record DataLayout(String name, DataFormat format, InteractionSource interactions, CatalogPlan catalog, List<Path> files) {

    static DataLayout resolve(DataSpec spec) throws IOException {
        Path path = spec.path();
        if (!Files.exists(path)) {
            throw new EmbrecException("--data " + path + ": no such file or directory");
        }
        if (!Files.isDirectory(path) && !Files.isRegularFile(path)) {
            throw new EmbrecException("--data " + path + ": not a regular file or directory (" + InputFiles.kind(path) + ")");
        }
        DataFormat format = spec.format();
        Path ratings;
        Path dir;
        String name;
        if (Files.isDirectory(path)) {
            if (format == null) {
                format = detectDirectory(path);
            }
            ratings = path.resolve(switch (format) {
                case MOVIELENS -> "ratings.csv";
                case MOVIELENS_DAT -> "ratings.dat";
                case MOVIELENS_100K -> "u.data";
                case DELIMITED -> throw new EmbrecException("--format delimited reads one file: give --data FILE, not the directory "
                        + path);
            });
            if (!Files.exists(ratings)) {
                throw new EmbrecException("--data " + path + ": no " + ratings.getFileName() + " (expected by --format "
                        + format + ")");
            }
            InputFiles.requireRegularFile(ratings, "");
            dir = path;
            name = fileName(path);
        } else {
            ratings = path;
            dir = path.toAbsolutePath().getParent();
            if (format == null) {
                format = detectFile(path);
            }
            name = format == DataFormat.DELIMITED || dir == null ? stripExtension(fileName(path)) : fileName(dir);
        }
        Charset encoding = spec.encoding() != null ? spec.encoding() : defaultEncoding(format);
        String label = ratings.toString();
        Sniff sniff = Sniff.of(ratings, encoding);
        if (sniff.blank()) {
            throw new EmbrecException(label + ": " + sniff.blankReason());
        }
        InteractionSource source = interactionSource(spec, format, ratings, label, encoding, sniff);
        CatalogPlan catalog = catalogPlan(spec, format, dir, encoding);
        List<Path> files = new ArrayList<>();
        files.add(ratings);
        for (Path p : new Path[] {catalog.items(), catalog.tags(), catalog.genres()}) {
            if (p != null) {
                files.add(p);
            }
        }
        return new DataLayout(name, format, source, catalog, List.copyOf(files));
    }

    /** The text encoding of a layout's files when {@code --encoding} is not given. */
    static Charset defaultEncoding(DataFormat format) {
        return format == DataFormat.MOVIELENS_DAT || format == DataFormat.MOVIELENS_100K
                ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
    }

    private static DataFormat detectDirectory(Path dir) {
        if (Files.exists(dir.resolve("ratings.csv"))) {
            return DataFormat.MOVIELENS;
        }
        if (Files.exists(dir.resolve("ratings.dat"))) {
            return DataFormat.MOVIELENS_DAT;
        }
        if (Files.exists(dir.resolve("u.data"))) {
            return DataFormat.MOVIELENS_100K;
        }
        throw new EmbrecException("--data " + dir + ": unrecognised directory (no ratings.csv, ratings.dat or u.data);"
                + " for another file give --data FILE --columns user=...,item=...");
    }

    private static DataFormat detectFile(Path file) throws IOException {
        String n = fileName(file).toLowerCase(Locale.ROOT);
        if (n.equals("u.data")) {
            return DataFormat.MOVIELENS_100K;
        }
        if (n.endsWith(".dat")) {
            Sniff s = Sniff.of(file, StandardCharsets.ISO_8859_1);
            if (!s.lines().isEmpty() && s.lines().get(0).contains("::")) {
                return DataFormat.MOVIELENS_DAT;
            }
        }
        return n.equals("ratings.csv") ? DataFormat.MOVIELENS : DataFormat.DELIMITED;
    }

    private static InteractionSource interactionSource(DataSpec spec, DataFormat format, Path file, String label,
            Charset encoding, Sniff sniff) {
        String delimiter = spec.delimiter();
        if (delimiter == null) {
            delimiter = switch (format) {
                case MOVIELENS -> ",";
                case MOVIELENS_DAT -> "::";
                case MOVIELENS_100K -> "\t";
                case DELIMITED -> Sniff.detectDelimiter(sniff.lines().get(0));
            };
            if (delimiter == null) {
                throw new EmbrecException(label + ":" + sniff.firstLine() + ": cannot detect the delimiter (none of tab , ; | ::"
                        + " on line " + sniff.firstLine() + "); give --delimiter");
            }
        }
        byte[] delimiterBytes = delimiter.getBytes(encoding);
        if (delimiterBytes.length > 2) {
            throw new EmbrecException("--delimiter must be one or two characters, got '" + delimiter + "'");
        }
        long headerLine = sniff.firstLine();
        boolean quotes = spec.quote().quotes(delimiter);
        List<String> line1 = Sniff.split(sniff.lines().get(0), delimiter, quotes);
        ColumnSpec columns = spec.columns();
        boolean required4 = false;
        if (columns == null) {
            columns = switch (format) {
                case MOVIELENS -> ColumnSpec.movieLensRatings();
                case MOVIELENS_DAT, MOVIELENS_100K -> ColumnSpec.positional();
                case DELIMITED -> movieLensHeaderColumns(line1, label);
            };
            required4 = format != DataFormat.DELIMITED;
        }
        boolean header = switch (columns.header()) {
            case YES -> true;
            case NO -> false;
            case AUTO -> columns.anyByName() || format == DataFormat.MOVIELENS
                    || (format == DataFormat.DELIMITED && Header.looksLikeHeader(sniff, delimiter, quotes, columns));
        };
        if (header && Decoding.malformed(sniff.lines().get(0))) {
            throw new EmbrecException(label + ":" + headerLine + ": " + Decoding.invalid(encoding, "the header"));
        }
        List<String> roles = ColumnSpec.INTERACTION_ROLES;
        int[] cols = new int[roles.size()];
        java.util.Map<Integer, String> taken = new java.util.HashMap<>();
        for (int k = 0; k < cols.length; k++) {
            ColumnRef ref = columns.get(roles.get(k));
            if (ref == null) {
                cols[k] = -1;
                continue;
            }
            String role = roles.get(k).equals("time") && !columns.timeParts().isEmpty() ? "time year" : roles.get(k);
            cols[k] = column(ref, role, header, line1, label, headerLine, required4, taken);
        }
        int[] timeParts = null;
        if (!columns.timeParts().isEmpty()) {
            timeParts = new int[columns.timeParts().size()];
            timeParts[0] = cols[3];
            for (int p = 1; p < timeParts.length; p++) {
                timeParts[p] = column(columns.timeParts().get(p), "time " + ColumnSpec.TIME_PARTS.get(p), header, line1,
                        label, headerLine, required4, taken);
            }
        }
        InteractionSource.TimeKind timeKind = cols[3] < 0 ? null : timeParts != null ? InteractionSource.TimeKind.PARTS
                : spec.timeFormat() != null ? InteractionSource.TimeKind.PATTERN
                : Header.timeKind(sniff, delimiter, quotes, cols[3], header);
        if (spec.timeFormat() != null && cols[3] < 0) {
            throw new EmbrecException("--time-format needs a time column (--columns ...,time=NAME|NUMBER)");
        }
        return new InteractionSource(file, label, encoding, delimiterBytes, sniff.dataStart(), sniff.firstLine(), header,
                cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], eventWeights(spec, cols[5]), timeKind, timeParts,
                quotes,
                spec.timeFormat() == null ? null : TimeFormat.compile(spec.timeFormat()));
    }

    /**
     * The 0-based index of one column of {@code --columns}, checked against the header and the
     * columns taken before ({@code taken}: index to role, updated).
     */
    private static int column(ColumnRef ref, String role, boolean header, List<String> line1, String label,
            long headerLine, boolean required4, java.util.Map<Integer, String> taken) {
        if (ref.byName() && !header) {
            throw new EmbrecException("--columns " + role + "=" + ref + ": " + label
                    + " has no header to name columns by; use column numbers (1 = first)");
        }
        int col = ref.indexIn(line1);
        if (col < 0) {
            throw new EmbrecException(label + ":" + headerLine + ": no column '" + Printable.of(ref.name()) + "' for "
                    + role + " in the header (" + Printable.list(line1) + ")" + (required4 ? "" : "; check --columns"));
        }
        if (header && col >= line1.size()) {
            throw new EmbrecException(label + ":" + headerLine + ": column " + ref.position() + " for " + role
                    + " is past the " + line1.size() + " columns of the header");
        }
        String other = taken.putIfAbsent(col, role);
        if (other != null) {
            throw new EmbrecException("--columns: " + other + " and " + role + " are the same column (" + (col + 1) + ")");
        }
        return col;
    }

    /** The event names and weights of {@code --event-weights}, checked against the event column. */
    private static EventWeights eventWeights(DataSpec spec, int eventCol) {
        if (eventCol >= 0 && spec.eventWeights() == null) {
            throw new EmbrecException("--columns event=...: give the weight of each event type with --event-weights"
                    + " (e.g. view=1,cart=3,purchase=10)");
        }
        if (eventCol < 0 && spec.eventWeights() != null) {
            throw new EmbrecException("--event-weights needs an event column (--columns ...,event=COLUMN)");
        }
        return spec.eventWeights();
    }

    /** Columns of a file whose header is the MovieLens ratings header (user and item at least). */
    private static ColumnSpec movieLensHeaderColumns(List<String> header, String label) {
        ColumnSpec ml = ColumnSpec.movieLensRatings();
        java.util.Map<String, ColumnRef> found = new java.util.LinkedHashMap<>();
        for (String role : ColumnSpec.INTERACTION_ROLES) {
            if (ml.get(role) != null && ml.get(role).indexIn(header) >= 0) {
                found.put(role, ml.get(role));
            }
        }
        if (!found.containsKey("user") || !found.containsKey("item")) {
            throw new EmbrecException(label + ": cannot tell which columns hold users and items (header: "
                    + Printable.list(header) + "); give --columns user=NAME|NUMBER,item=NAME|NUMBER[,rating=...][,time=...]");
        }
        return new ColumnSpec(found, ColumnSpec.Header.YES);
    }

    private static CatalogPlan catalogPlan(DataSpec spec, DataFormat format, Path dir, Charset encoding) {
        Path tags = null;
        if (dir != null && format == DataFormat.MOVIELENS) {
            tags = InputFiles.optional(dir.resolve("tags.csv"));
        } else if (dir != null && format == DataFormat.MOVIELENS_DAT) {
            tags = InputFiles.optional(dir.resolve("tags.dat"));
        }
        if (spec.itemsFile() != null) {
            InputFiles.requireRegularFile(spec.itemsFile(), "--items ");
            return new CatalogPlan(CatalogPlan.Kind.ITEMS_FILE, spec.itemsFile(), tags, null, spec.itemColumns(), encoding, spec.quote());
        }
        if (dir == null) {
            return CatalogPlan.none();
        }
        return switch (format) {
            case MOVIELENS -> new CatalogPlan(CatalogPlan.Kind.MOVIELENS_CSV, InputFiles.optional(dir.resolve("movies.csv")),
                    tags, null, null, encoding, DataSpec.Quote.AUTO);
            case MOVIELENS_DAT -> new CatalogPlan(CatalogPlan.Kind.MOVIELENS_DAT,
                    InputFiles.optional(dir.resolve("movies.dat")), tags, null, null, encoding, DataSpec.Quote.AUTO);
            case MOVIELENS_100K -> new CatalogPlan(CatalogPlan.Kind.MOVIELENS_100K, InputFiles.optional(dir.resolve("u.item")),
                    null, InputFiles.optional(dir.resolve("u.genre")), null, encoding, DataSpec.Quote.AUTO);
            case DELIMITED -> CatalogPlan.none();
        };
    }

    private static String fileName(Path p) {
        Path f = p.toAbsolutePath().normalize().getFileName();
        return f == null ? p.toString() : f.toString();
    }

    private static String stripExtension(String n) {
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
