package org.embrec.index;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.IntPredicate;
import org.apache.lucene.document.IntField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.embrec.data.IdMap;

/**
 * Which items a search may return: an optional allow list and a deny list of external ids, a set
 * of genres (an item passes when it has any of them) and a release-year range (items of unknown
 * year fail a year condition). All conditions must hold. Unknown ids are ignored.
 *
 * <p>One filter serves every index type: {@link #toPredicate} compiles it to a predicate over
 * rows for exact search, {@link #toLuceneQuery} to a Lucene query over the fields
 * {@link LuceneHnswIndex} indexes. Immutable and thread-safe; build with {@link #builder()}.
 */
public final class ItemFilter {
    /** The filter that keeps everything. */
    public static final ItemFilter NONE = builder().build();

    private final Set<String> allow;
    private final Set<String> deny;
    private final Set<String> genres;
    private final int minYear;
    private final int maxYear;

    private ItemFilter(Builder b) {
        this.allow = b.allow == null ? null : Set.copyOf(b.allow);
        this.deny = Set.copyOf(b.deny);
        this.genres = b.genres == null ? null : Set.copyOf(b.genres);
        this.minYear = b.minYear;
        this.maxYear = b.maxYear;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when the filter keeps every item. */
    public boolean isNone() {
        return allow == null && deny.isEmpty() && genres == null && !hasYearRange();
    }

    private boolean hasYearRange() {
        return minYear != Integer.MIN_VALUE || maxYear != Integer.MAX_VALUE;
    }

    /** A copy of this filter that also denies {@code ids}. */
    public ItemFilter andDeny(Collection<String> ids) {
        Builder b = toBuilder();
        b.deny.addAll(ids);
        return b.build();
    }

    private Builder toBuilder() {
        Builder b = new Builder();
        b.allow = allow == null ? null : new LinkedHashSet<>(allow);
        b.deny.addAll(deny);
        b.genres = genres == null ? null : new LinkedHashSet<>(genres);
        b.minYear = minYear;
        b.maxYear = maxYear;
        return b;
    }

    /**
     * The filter as a test of rows of {@code ids}, reading genres and years from {@code attrs};
     * null when the filter keeps everything (callers skip the test).
     */
    public IntPredicate toPredicate(IdMap ids, ItemAttributes attrs) {
        if (isNone()) {
            return null;
        }
        boolean[] allowed = allow == null ? null : rowMask(ids, allow);
        boolean[] denied = deny.isEmpty() ? null : rowMask(ids, deny);
        boolean[] wanted = genres == null ? null : genreMask(attrs);
        boolean years = hasYearRange();
        int lo = minYear;
        int hi = maxYear;
        return row -> {
            if ((allowed != null && !allowed[row]) || (denied != null && denied[row])) {
                return false;
            }
            if (years) {
                int y = attrs.year(row);
                if (y == 0 || y < lo || y > hi) {
                    return false;
                }
            }
            return wanted == null || hasAny(attrs, row, wanted);
        };
    }

    private static boolean hasAny(ItemAttributes attrs, int row, boolean[] wanted) {
        int c = attrs.genreCount(row);
        for (int i = 0; i < c; i++) {
            if (wanted[attrs.genre(row, i)]) {
                return true;
            }
        }
        return false;
    }

    private static boolean[] rowMask(IdMap ids, Set<String> set) {
        boolean[] mask = new boolean[ids.size()];
        for (String id : set) {
            int r = ids.indexOf(id);
            if (r >= 0) {
                mask[r] = true;
            }
        }
        return mask;
    }

    private boolean[] genreMask(ItemAttributes attrs) {
        boolean[] mask = new boolean[attrs.genreCount()];
        for (String g : genres) {
            int id = attrs.genreId(g);
            if (id >= 0) {
                mask[id] = true;
            }
        }
        return mask;
    }

    /**
     * The filter as a Lucene query over the {@link LuceneHnswIndex} document fields; null when the
     * filter keeps everything.
     */
    public Query toLuceneQuery(IdMap ids) {
        if (isNone()) {
            return null;
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        q.add(new MatchAllDocsQuery(), Occur.FILTER); // a positive clause, so deny-only filters match
        if (allow != null) {
            int[] rows = rowsOf(ids, allow);
            if (rows.length == 0) {
                return new MatchNoDocsQuery("empty allow list");
            }
            q.add(IntField.newSetQuery(LuceneFields.ROW, rows), Occur.FILTER);
        }
        if (!deny.isEmpty()) {
            int[] rows = rowsOf(ids, deny);
            if (rows.length > 0) {
                q.add(IntField.newSetQuery(LuceneFields.ROW, rows), Occur.MUST_NOT);
            }
        }
        if (genres != null) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (String g : genres) {
                any.add(new TermQuery(new Term(LuceneFields.GENRE, ItemAttributes.normalise(g))), Occur.SHOULD);
            }
            any.setMinimumNumberShouldMatch(1);
            q.add(any.build(), Occur.FILTER);
        }
        if (hasYearRange()) {
            q.add(IntField.newRangeQuery(LuceneFields.YEAR, Math.max(1, minYear), maxYear), Occur.FILTER);
        }
        return q.build();
    }

    private static int[] rowsOf(IdMap ids, Set<String> set) {
        return set.stream().mapToInt(ids::indexOf).filter(r -> r >= 0).sorted().toArray();
    }

    @Override
    public String toString() {
        if (isNone()) {
            return "ItemFilter[none]";
        }
        return "ItemFilter[allow=" + (allow == null ? "all" : allow.size() + " ids") + ", deny=" + deny.size()
                + " ids, genres=" + (genres == null ? "any" : genres) + ", years="
                + (hasYearRange() ? minYear + ".." + maxYear : "any") + "]";
    }

    /** Collects the conditions of an {@link ItemFilter}. Not thread-safe. */
    public static final class Builder {
        private Set<String> allow;
        private final Set<String> deny = new LinkedHashSet<>();
        private Set<String> genres;
        private int minYear = Integer.MIN_VALUE;
        private int maxYear = Integer.MAX_VALUE;

        private Builder() {}

        /** Keeps only these ids (repeated calls intersect nothing: they add to one allow list). */
        public Builder allow(Collection<String> ids) {
            if (allow == null) {
                allow = new LinkedHashSet<>();
            }
            allow.addAll(ids);
            return this;
        }

        public Builder deny(Collection<String> ids) {
            deny.addAll(ids);
            return this;
        }

        public Builder deny(String... ids) {
            return deny(Arrays.asList(ids));
        }

        /** Keeps items having at least one of these genres (case-insensitive). */
        public Builder genres(Collection<String> names) {
            if (genres == null) {
                genres = new LinkedHashSet<>();
            }
            for (String g : names) {
                genres.add(ItemAttributes.normalise(g));
            }
            return this;
        }

        /** Keeps items released in {@code [min, max]} (inclusive); items of unknown year fail. */
        public Builder years(int min, int max) {
            if (min > max) {
                throw new IllegalArgumentException("year range " + min + ".." + max + " is empty");
            }
            minYear = min;
            maxYear = max;
            return this;
        }

        public ItemFilter build() {
            return new ItemFilter(this);
        }
    }
}
