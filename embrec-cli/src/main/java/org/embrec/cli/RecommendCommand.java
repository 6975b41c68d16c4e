package org.embrec.cli;

import org.embrec.index.ItemFilter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.embrec.EmbrecException;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.Scoring;
import org.embrec.model.UserVectors;
import org.embrec.recommend.Recommendations;
import org.embrec.recommend.Recommender;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code embrec recommend}: items for a user of the model (their liked sequence, stored in the
 * model directory) or for an ad-hoc list of items (a user without an account), never an item of
 * the history. A history without any item that has a vector gets the most popular items,
 * marked as such.
 */
@Command(name = "recommend", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Recommend items for a user (--user) or for a list of items (--items), from the mean of their"
                + " item vectors (or as the model declares: an als model uses the user's factors, and a fold-in"
                + " solve for --items).")
final class RecommendCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Query query;

    /** Exactly one way to give the history. */
    static final class Query {
        @Option(names = "--user", paramLabel = "ID", description = "A user of the training data, e.g. 42.")
        String user;

        @Option(names = "--items", paramLabel = "ID,ID,...", split = ",",
                description = "Item ids the user liked, oldest first (a user without an account), e.g. 1,2,3.")
        List<String> items;
    }

    @Option(names = "--k", paramLabel = "K", defaultValue = "10", description = "Number of items (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = {"--user-vector", "--user-vectors"}, paramLabel = "RULE",
            description = "User rule: model (default: the model's own rule, the one an item2vec model chose when"
                    + " trained with --scoring auto, else recency with half-life 1), recency (newest items weigh more,"
                    + " see --half-life), kernel (each candidate scores its recency-weighted squared cosines with the"
                    + " newest items; cosine models only), mean-raw (mean of the raw item vectors, PROTOCOL.md's), or"
                    + " mean-unit (mean of the unit vectors). As in evaluate; --user-vectors is an older spelling.")
    String userVectors;

    @Option(names = "--half-life", paramLabel = "N",
            description = "Recency and kernel rules: an item N places before the newest weighs half (default 1;"
                    + " alone, it means --user-vector recency).")
    Double halfLife;

    @Mixin
    FilterOption filter = new FilterOption();

    @Mixin
    ControlsOption controls = new ControlsOption();

    @Option(names = "--explain", description = "With each item, the history items that contribute most to its score"
            + " and their share (\"because you liked\"; docs/CONTROLS.md).")
    boolean explain;

    @Option(names = "--negative-items", paramLabel = "ID,ID,...", split = ",",
            description = "Items the user dislikes: items like them move down (docs/CONTROLS.md), and they are never"
                    + " returned.")
    List<String> negativeItems = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON on stdout: {\"query\": {...}, \"results\": [...]}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (k < 1) {
            throw new EmbrecException("--k must be >= 1, got " + k);
        }
        UserVectors rule = EvaluateCommand.parseUserVector(userVectors, halfLife);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EmbeddingModel m = model.load();
        try (Recommender recommender = Recommender.open(m, model.dir(), rule)) { // through the model's index when it has one
            return answer(m, recommender, recommender.rule(), out, err);
        }
    }

    private int answer(EmbeddingModel m, Recommender recommender, UserVectors rule, PrintWriter out, PrintWriter err) {
        List<String> history;
        List<String> unknown = new ArrayList<>();
        if (query.user != null) {
            history = historyOf(m, recommender, query.user);
        } else {
            history = new ArrayList<>();
            for (String raw : query.items) {
                String id = raw.trim();
                if (id.isEmpty()) {
                    continue;
                }
                (m.knows(id) ? history : unknown).add(id);
            }
            if (history.isEmpty()) {
                throw new EmbrecException("--items: " + (unknown.isEmpty() ? "no item ids given"
                        : "no id is known to the model: " + String.join(", ", unknown)));
            }
            if (!unknown.isEmpty()) {
                err.println("embrec: warning: --items: unknown item id" + (unknown.size() > 1 ? "s" : "") + " "
                        + String.join(", ", unknown) + " (not in the model's catalog or vectors); ignored");
                err.flush();
            }
        }
        // a stored user is asked as such: the model's scoring may query by their stored factors
        ItemFilter only = filter.filter(recommender.attributes());
        List<String> negative = new ArrayList<>();
        for (String id : negativeItems) {
            if (!id.isBlank()) {
                negative.add(id.trim());
            }
        }
        List<String> unknownNegative = negative.stream().filter(id -> !m.knows(id)).toList();
        if (!unknownNegative.isEmpty()) {
            err.println("embrec: warning: --negative-items: unknown item id" + (unknownNegative.size() > 1 ? "s" : "")
                    + " " + String.join(", ", unknownNegative) + " (not in the model's catalog or vectors); ignored");
            err.flush();
        }
        org.embrec.recommend.Controls c = controls.controls(m::knows).withExplain(explain).withNegative(negative);
        Recommendations r = query.user != null ? recommender.forStoredUser(query.user, k, only, c)
                : recommender.forUser(history, k, only, c);
        if (r.popularityFallback() && !recommender.popularity().available()) {
            throw new EmbrecException("no item of the history has a vector, and the model has no user histories ("
                    + "users.bin) to fall back on popularity");
        }
        if (json) {
            out.println(json(m, rule, history, unknown, r));
        } else {
            table(out, m, recommender, history, r);
        }
        out.flush();
        return 0;
    }

    /** The liked sequence of a user of the model, oldest first. */
    private List<String> historyOf(EmbeddingModel m, Recommender recommender, String user) {
        if (!recommender.hasUsers()) {
            throw new EmbrecException("--user: the model " + model.dir() + " keeps no user histories (no users.bin;"
                    + " train it again with this embrec), use --items instead");
        }
        List<String> items = recommender.history(user);
        if (items == null) {
            throw new EmbrecException("--user: unknown user id '" + user + "' (the model knows "
                    + m.histories().userIds().size() + " users with liked items)");
        }
        return items;
    }

    private String json(EmbeddingModel m, UserVectors rule, List<String> history, List<String> unknown,
            Recommendations r) {
        ObjectNode root = ItemListPrinter.object();
        ObjectNode q = root.putObject("query");
        if (query.user != null) {
            q.put("user", query.user);
        } else {
            ArrayNode items = q.putArray("items");
            history.forEach(items::add);
        }
        q.put("history", history.size());
        q.put("with_vectors", r.used().size());
        q.put("user_vectors", r.popularityFallback() ? rule.toString() : r.query());
        if (!unknown.isEmpty()) {
            ArrayNode a = q.putArray("unknown");
            unknown.forEach(a::add);
        }
        if (!r.withoutVector().isEmpty()) {
            ArrayNode a = q.putArray("without_vector");
            r.withoutVector().forEach(a::add);
        }
        root.put("source", r.popularityFallback() ? "popularity" : "vectors");
        ItemListPrinter.addResults(root, m.catalog(), r.items(), m::isCold);
        if (!r.because().isEmpty()) {
            com.fasterxml.jackson.databind.JsonNode rows = root.get("results");
            for (int i = 0; i < r.items().size(); i++) {
                ArrayNode because = ((ObjectNode) rows.get(i)).putArray("because");
                for (org.embrec.recommend.Explanations.Because b : r.because().get(i)) {
                    because.addObject().put("id", b.id()).put("title", m.catalog().titleOf(b.id()))
                            .put("share", Math.round(b.share() * 1e4) / 1e4);
                }
            }
        }
        return root.toString();
    }

    private void table(PrintWriter out, EmbeddingModel m, Recommender recommender, List<String> history,
            Recommendations r) {
        String who = query.user != null ? "user " + query.user : history.size() == 1
                ? "item " + ItemListPrinter.describe(history.get(0), m.catalog()) : history.size() + " items";
        String header;
        if (r.popularityFallback()) {
            header = String.format(Locale.ROOT, "Recommendations for %s: no item of the history (%d) has a vector in the"
                    + " %s model; the most popular items instead (popularity fallback)", who, history.size(),
                    m.manifest().algo());
        } else {
            String how = r.query().equals(Scoring.UserQuery.USER_FACTORS.key())
                    ? String.format(Locale.ROOT, "the user's stored factors; %d history items", history.size())
                    : String.format(Locale.ROOT, "%s of %d history item vectors", r.query(), r.used().size());
            header = String.format(Locale.ROOT, "Recommendations for %s  (%s, %s model)", who, how,
                    m.manifest().algo());
            if (!r.withoutVector().isEmpty()) {
                header += String.format(Locale.ROOT, "%n%d history item%s without a vector: %s", r.withoutVector().size(),
                        r.withoutVector().size() > 1 ? "s" : "", abbreviate(r.withoutVector()));
            }
        }
        ItemListPrinter.table(out, header, r.popularityFallback() ? "users" : recommender.userScoreName(),
                r.items(), m.catalog(),
                m::isCold, m.coldPenalty());
        if (!r.because().isEmpty()) {
            out.println("Because you liked (share of the item's score from the history; docs/CONTROLS.md):");
            for (int i = 0; i < r.items().size(); i++) {
                List<String> parts = new ArrayList<>();
                for (org.embrec.recommend.Explanations.Because b : r.because().get(i)) {
                    parts.add(String.format(Locale.ROOT, "%s (%.0f%%)", ItemListPrinter.describe(b.id(), m.catalog()),
                            100 * b.share()));
                }
                out.printf(Locale.ROOT, "%4d  %s%n", i + 1, parts.isEmpty() ? "-" : String.join(", ", parts));
            }
        }
    }

    private static String abbreviate(List<String> ids) {
        return ids.size() <= 10 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 10)) + ", ...";
    }
}
