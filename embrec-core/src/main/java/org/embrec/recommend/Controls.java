package org.embrec.recommend;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.embrec.EmbrecException;

/**
 * What a request asks of a recommendation list beyond k and the filter (docs/CONTROLS.md):
 * {@code explain} (each user recommendation carries the history items behind it,
 * {@link Explanations}), {@code mmr} (diversity re-ranking with weight {@code L} in [0, 1],
 * {@link Mmr}; 0 = off), {@code negative} (items the user dislikes: they push similar items down,
 * {@link Negatives}, and are never returned) and {@code exclude} (ids never to return, applied
 * inside the search). {@link #NONE} asks for none of them: the plain search. Immutable.
 *
 * @param explain attach explanations to user recommendations
 * @param mmr MMR weight L in [0, 1]; 0 leaves the ranking alone
 * @param negative ids of disliked items (unknown ids and ids without a vector are ignored)
 * @param exclude ids never to return
 */
public record Controls(boolean explain, double mmr, List<String> negative, Collection<String> exclude) {
    /** No control: the plain search. */
    public static final Controls NONE = new Controls(false, 0, List.of(), List.of());

    public Controls {
        if (!(mmr >= 0 && mmr <= 1)) {
            throw new EmbrecException("mmr must be a number in [0, 1] (0 = off), got " + mmr);
        }
        negative = List.copyOf(Objects.requireNonNull(negative, "negative"));
        exclude = List.copyOf(Objects.requireNonNull(exclude, "exclude"));
    }

    /** True when the list is re-ranked from a larger pool (MMR or negatives). */
    public boolean reranks() {
        return mmr > 0 || !negative.isEmpty();
    }

    /** True when nothing is asked: {@link #NONE} in effect. */
    public boolean isNone() {
        return !explain && !reranks() && exclude.isEmpty();
    }

    public Controls withExplain(boolean on) {
        return new Controls(on, mmr, negative, exclude);
    }

    public Controls withMmr(double lambda) {
        return new Controls(explain, lambda, negative, exclude);
    }

    public Controls withNegative(List<String> ids) {
        return new Controls(explain, mmr, ids, exclude);
    }

    public Controls withExclude(Collection<String> ids) {
        return new Controls(explain, mmr, negative, ids);
    }
}
