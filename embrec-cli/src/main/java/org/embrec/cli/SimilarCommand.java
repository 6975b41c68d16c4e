package org.embrec.cli;

import org.embrec.model.UserVectors;
import org.embrec.recommend.Recommender;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.embrec.EmbrecException;
import org.embrec.data.Catalog;
import org.embrec.data.TitleMatcher;
import org.embrec.model.EmbeddingModel;
import org.embrec.vectors.Neighbor;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code embrec similar}: the items whose vectors are most cosine-similar to one item's, never
 * the item itself. The item is given by id or by a forgiving title lookup.
 */
@Command(name = "similar", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the items most similar to one item (cosine of the model's item vectors).")
final class SimilarCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Query query;

    /** Exactly one way to name the query item. */
    static final class Query {
        @Option(names = "--item", paramLabel = "ID", description = "Item id, e.g. 4018.")
        String item;

        @Option(names = "--title", paramLabel = "TEXT",
                description = "Title, case-insensitive and forgiving: \"what women want\", \"the matrix\".")
        String title;
    }

    @Option(names = "--k", paramLabel = "K", defaultValue = "10", description = "Number of items to list (default: ${DEFAULT-VALUE}).")
    int k;

    @Mixin
    FilterOption filter = new FilterOption();

    @Mixin
    ControlsOption controls = new ControlsOption();

    @Option(names = "--json", description = "Print JSON on stdout: {\"query\": {...}, \"results\": [...]}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (k < 1) {
            throw new EmbrecException("--k must be >= 1, got " + k);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EmbeddingModel m = model.load();
        org.embrec.recommend.Controls c = controls.controls(m::knows);
        String id = query.item != null ? query.item : resolveTitle(m, query.title, err);
        if (id == null) {
            return EmbrecException.EXIT_CODE;
        }
        List<Neighbor> results;
        try (Recommender recommender = Recommender.open(m, model.dir(), UserVectors.MODEL)) {
            results = recommender.similar(id, k, filter.filter(recommender.attributes()), c); // through the model's index when it has one
        }
        if (json) {
            out.println(ItemListPrinter.json(id, m.catalog(), results, m::isCold));
            out.flush();
        } else {
            String header = String.format(Locale.ROOT, "Items similar to %s  (%s model, %,d items with vectors)",
                    ItemListPrinter.describe(id, m.catalog()), m.manifest().algo(), m.vectors().size());
            if (m.isCold(id)) {
                header += System.lineSeparator() + "(cold: too few interactions; this item's vector comes from its content)";
            }
            ItemListPrinter.table(out, header, m.scoring().itemScoreName(), results, m.catalog(), m::isCold,
                    m.coldPenalty());
        }
        return 0;
    }

    /** The id the title names, or null after listing candidates on stderr. */
    private static String resolveTitle(EmbeddingModel m, String title, PrintWriter err) {
        Catalog catalog = m.catalog();
        TitleMatcher.Resolution r = TitleMatcher.of(catalog, m.vectors()::contains).resolve(title);
        return switch (r) {
            case TitleMatcher.Exact e -> e.item().id();
            case TitleMatcher.BestGuess g -> {
                err.println("embrec: --title \"" + title + "\": using " + g.item().id() + " " + g.item().title());
                err.flush();
                yield g.item().id();
            }
            case TitleMatcher.Ambiguous a -> {
                err.println("embrec: error: --title \"" + title + "\" matches " + a.total() + " titles; use --item ID"
                        + (a.total() > a.candidates().size() ? " or more words; the best " + a.candidates().size() + ":" : " with one of:"));
                for (Catalog.Item item : a.candidates()) {
                    err.printf(Locale.ROOT, "  %-8s %s%s%n", item.id(), item.title(),
                            m.vectors().contains(item.id()) ? "" : "  (no vector)");
                }
                err.flush();
                yield null;
            }
            case TitleMatcher.NotFound n -> throw new EmbrecException("--title \"" + title
                    + "\": no item title matches (try fewer words, or --item ID)");
        };
    }
}
