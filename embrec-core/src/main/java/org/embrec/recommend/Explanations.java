package org.embrec.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.embrec.model.UserVectors;
import org.embrec.vectors.EmbeddingStore;

/**
 * Why a user recommendation was made (docs/CONTROLS.md): every model's user query is a sum of
 * per-history-item terms, {@code q = Σ_j t_j}, so a candidate's score splits into the history
 * items' contributions {@code c_j = (t_j · v) / N}: {@code v} the candidate's vector (its output
 * vector without the bias for a directed model, whose bias {@code ln count} and any cold-start
 * offset are no history item's and are left out) and {@code N} the similarity's normaliser
 * ({@code |q| |v|} for cosine, 1 for the inner product), the same for every item of one candidate.
 * The terms: a {@link UserVectors} rule's weighted, normalised share of each item's vector (raw or
 * unit; repeats add up); a fold-in's {@code (1 + alpha) A⁻¹ y_j} ({@link org.embrec.als.FoldIn#terms}),
 * which also explains a stored user's factors as the fold-in of their history (Hu, Koren &amp;
 * Volinsky 2008, section 5). The {@link UserVectors#kernel kernel} rule's score is already a sum
 * of per-item terms, {@code w_j max(0, cos(j, c))^power}, ranked alike
 * ({@link #because(List, double[])}).
 *
 * <p>An item's share is its positive contribution over the sum of the positive contributions;
 * items whose contribution is zero or negative (they pull the candidate down) are never listed,
 * and a candidate with no positive contribution has no explanation. The first listed item is the
 * argmax contribution. Immutable and thread-safe.
 */
public final class Explanations {
    /** Most history items listed per recommendation. */
    public static final int TOP = 3;

    /** One history item behind a recommendation and its share of the positive contributions, in (0, 1]. */
    public record Because(String id, double share) {}

    private final List<String> ids;
    private final double[] terms;
    private final int dim;

    /**
     * @param ids the distinct history items, in the order ties are broken (first wins)
     * @param terms their terms {@code t_j}, row-major, {@code dim} each (retained)
     */
    public Explanations(List<String> ids, double[] terms, int dim) {
        this.ids = List.copyOf(ids);
        this.terms = Objects.requireNonNull(terms, "terms");
        this.dim = dim;
        if ((long) this.ids.size() * dim != terms.length) {
            throw new IllegalArgumentException("expected " + ids.size() + " x " + dim + " terms, got " + terms.length);
        }
    }

    /**
     * The terms of a {@link UserVectors} rule's user vector over the store rows
     * {@code rows[0..length)}, oldest first: item {@code j}'s summed weight over its occurrences,
     * divided by the total weight, times its raw vector (its unit vector for
     * {@link UserVectors#NORMALISED_MEAN}); they add up to {@link UserVectors#userVector}.
     * Distinct items newest first (ties go to the newer item).
     */
    public static Explanations ofRule(UserVectors rule, EmbeddingStore store, int[] rows, int length) {
        int dim = store.dim();
        java.util.LinkedHashMap<Integer, Double> weights = new java.util.LinkedHashMap<>();
        double total = 0;
        for (int i = length - 1; i >= 0; i--) {
            float w = rule.weight(i, length);
            weights.merge(rows[i], (double) w, Double::sum);
            total += w;
        }
        float[] m = rule.kind() == UserVectors.Kind.NORMALISED_MEAN ? store.unitMatrix() : store.matrix();
        List<String> ids = new ArrayList<>(weights.size());
        double[] terms = new double[weights.size() * dim];
        int j = 0;
        for (var e : weights.entrySet()) {
            ids.add(store.id(e.getKey()));
            double w = e.getValue() / total;
            for (int d = 0; d < dim; d++) {
                terms[j * dim + d] = w * m[e.getKey() * dim + d];
            }
            j++;
        }
        return new Explanations(ids, terms, dim);
    }

    /** The history items' contributions {@code t_j · v} to a candidate (its first {@code dim} components), unnormalised. */
    public double[] contributions(float[] candidate) {
        double[] c = new double[ids.size()];
        for (int j = 0; j < c.length; j++) {
            double dot = 0;
            for (int d = 0; d < dim; d++) {
                dot += terms[j * dim + d] * candidate[d];
            }
            c[j] = dot;
        }
        return c;
    }

    /** The up to {@link #TOP} items with the largest positive contributions to the candidate, largest first. */
    public List<Because> because(float[] candidate) {
        return because(ids, contributions(candidate));
    }

    /**
     * The up to {@link #TOP} of {@code ids} with the largest positive contributions {@code c}
     * (aligned with {@code ids}), largest first, with their shares of the positive sum; for a
     * score that is already a sum of per-item terms, such as the kernel rule's
     * ({@link org.embrec.model.KernelTerms#contributions}).
     */
    public static List<Because> because(List<String> ids, double[] c) {
        double positive = 0;
        for (double v : c) {
            positive += Math.max(0, v);
        }
        if (!(positive > 0)) {
            return List.of();
        }
        Integer[] order = new Integer[c.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(c[b], c[a])); // stable: ties keep the given order
        List<Because> out = new ArrayList<>(TOP);
        for (int i = 0; i < order.length && out.size() < TOP && c[order[i]] > 0; i++) {
            out.add(new Because(ids.get(order[i]), c[order[i]] / positive));
        }
        return out;
    }
}
