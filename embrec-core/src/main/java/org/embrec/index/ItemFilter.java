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
import org.embrec.data.Catalog;
import org.embrec.data.IdMap;

/**
 * Which items a search may return: an optional allow list and a deny list of external ids, a set
 * of genres (an item passes when it has any of them), a release-year range (items of unknown
 * year fail a year condition) and any number of {@link Condition}s on catalogue attributes
 * ({@code country:de}, {@code tags:rock|pop}, {@code price<20}; {@link #parseCondition}). All
 * conditions must hold. Unknown ids are ignored.
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
    private final java.util.List<Condition> conditions;

    /**
     * A condition on one attribute: {@link AnyOf} a set of values of a category or list
     * ({@code genre} for the genres), or a {@link Range} of a number ({@code year} for the year).
     */
    public sealed interface Condition permits AnyOf, Range {
        /** The attribute's name ({@code genre} and {@code year}: the built-in genres and year). */
        String attribute();
    }

    /** An item passes when it has any of {@code values} (lower case) for the attribute. */
    public record AnyOf(String attribute, Set<String> values) implements Condition {
        public AnyOf {
            values = Set.copyOf(values);
        }
    }

    /** An item passes when its number is known and within the bounds. */
    public record Range(String attribute, double min, boolean minInclusive, double max, boolean maxInclusive)
            implements Condition {
        boolean test(double v) {
            return !Double.isNaN(v) && (minInclusive ? v >= min : v > min) && (maxInclusive ? v <= max : v < max);
        }
    }

    /**
     * Parses one filter {@code NAME:VALUE[|VALUE...]} (any of the values; {@code =} reads like
     * {@code :}), {@code NAME<X}, {@code NAME<=X}, {@code NAME>X}, {@code NAME>=X} or
     * {@code NAME:LO..HI} (inclusive) against {@code attrs}: {@code NAME} is a filterable attribute
     * of the catalogue, {@code genre} or {@code year}. Values of categories and lists compare
     * case-insensitively.
     *
     * @throws org.embrec.EmbrecException naming the filter on an unknown attribute, a value that is
     *     not a number where one is needed, or a malformed filter
     */
    public static Condition parseCondition(String text, ItemAttributes attrs) {
        String t = text.trim();
        int op = -1;
        for (int i = 0; i < t.length() && op < 0; i++) {
            char c = t.charAt(i);
            if (c == ':' || c == '=' || c == '<' || c == '>') {
                op = i;
            }
        }
        if (op <= 0) {
            throw new org.embrec.EmbrecException("filter '" + org.embrec.Printable.of(t) + "': expected NAME:VALUE, NAME<X,"
                    + " NAME<=X, NAME>X, NAME>=X or NAME:LO..HI");
        }
        String name = t.substring(0, op).trim().toLowerCase(java.util.Locale.ROOT);
        if (name.equals("genres")) {
            name = "genre";
        }
        String operator = t.substring(op, op + 1);
        int valueAt = op + 1;
        if ((operator.equals("<") || operator.equals(">")) && valueAt < t.length() && t.charAt(valueAt) == '=') {
            operator += "=";
            valueAt++;
        }
        String value = t.substring(valueAt).trim();
        boolean number = name.equals("year");
        if (!name.equals("genre") && !number) {
            Catalog.Attribute a = attrs.attribute(name);
            if (a == null) {
                java.util.List<String> known = new java.util.ArrayList<>(java.util.List.of("genre", "year"));
                attrs.attributes().forEach(x -> known.add(x.name()));
                throw new org.embrec.EmbrecException("filter '" + org.embrec.Printable.of(t) + "': unknown attribute '"
                        + org.embrec.Printable.of(name) + "' (filterable: " + String.join(", ", known) + ")");
            }
            number = a.kind() == Catalog.Attribute.Kind.NUMBER;
        }
        if (value.isEmpty()) {
            throw new org.embrec.EmbrecException("filter '" + org.embrec.Printable.of(t) + "': no value after '" + operator + "'");
        }
        if (!number) {
            if (!operator.equals(":") && !operator.equals("=")) {
                throw new org.embrec.EmbrecException("filter '" + org.embrec.Printable.of(t) + "': " + name
                        + " is not a number; use " + name + ":VALUE[|VALUE...]");
            }
            Set<String> values = new LinkedHashSet<>();
            for (String v : value.split("\\|")) {
                if (!v.isBlank()) {
                    values.add(ItemAttributes.normalise(v));
                }
            }
            return new AnyOf(name, values);
        }
        return switch (operator) {
            case "<" -> new Range(name, Double.NEGATIVE_INFINITY, true, number(t, value), false);
            case "<=" -> new Range(name, Double.NEGATIVE_INFINITY, true, number(t, value), true);
            case ">" -> new Range(name, number(t, value), false, Double.POSITIVE_INFINITY, true);
            case ">=" -> new Range(name, number(t, value), true, Double.POSITIVE_INFINITY, true);
            default -> {
                int dots = value.indexOf("..");
                double lo = number(t, dots < 0 ? value : value.substring(0, dots));
                double hi = dots < 0 ? lo : number(t, value.substring(dots + 2));
                yield new Range(name, lo, true, hi, true);
            }
        };
    }

    private static double number(String filter, String text) {
        String v = text.trim();
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d) && !v.isEmpty() && Character.isDigit(v.charAt(v.length() - 1))) {
                return d;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new org.embrec.EmbrecException("filter '" + org.embrec.Printable.of(filter) + "': '" + org.embrec.Printable.of(v)
                + "' is not a number");
    }

    private ItemFilter(Builder b) {
        this.allow = b.allow == null ? null : Set.copyOf(b.allow);
        this.deny = Set.copyOf(b.deny);
        this.genres = b.genres == null ? null : Set.copyOf(b.genres);
        this.minYear = b.minYear;
        this.maxYear = b.maxYear;
        this.conditions = java.util.List.copyOf(b.conditions);
    }

    /** The attribute conditions (besides allow, deny, genres and years). */
    public java.util.List<Condition> conditions() {
        return conditions;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when the filter keeps every item. */
    public boolean isNone() {
        return allow == null && deny.isEmpty() && genres == null && !hasYearRange() && conditions.isEmpty();
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
        b.conditions.addAll(conditions);
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
        IntPredicate attributes = attributePredicate(attrs);
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
            return (wanted == null || hasAny(attrs, row, wanted)) && (attributes == null || attributes.test(row));
        };
    }

    /** The attribute conditions as one test of rows, or null when there are none. */
    private IntPredicate attributePredicate(ItemAttributes attrs) {
        IntPredicate all = null;
        for (Condition c : conditions) {
            IntPredicate p = predicate(c, attrs);
            all = all == null ? p : all.and(p);
        }
        return all;
    }

    private static IntPredicate predicate(Condition c, ItemAttributes attrs) {
        String name = c.attribute();
        if (c instanceof Range r) {
            if (name.equals("year")) {
                return row -> attrs.year(row) != 0 && r.test(attrs.year(row));
            }
            double[] values = attrs.numbers(name);
            return row -> r.test(values[row]);
        }
        AnyOf any = (AnyOf) c;
        if (name.equals("genre")) {
            boolean[] mask = new boolean[attrs.genreCount()];
            for (String g : any.values()) {
                int id = attrs.genreId(g);
                if (id >= 0) {
                    mask[id] = true;
                }
            }
            return row -> hasAny(attrs, row, mask);
        }
        boolean[] mask = new boolean[attrs.valueCount(name)];
        for (String v : any.values()) {
            int id = attrs.valueId(name, v);
            if (id >= 0) {
                mask[id] = true;
            }
        }
        return row -> {
            int n = attrs.valueCount(name, row);
            for (int i = 0; i < n; i++) {
                if (mask[attrs.value(name, row, i)]) {
                    return true;
                }
            }
            return false;
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
        return toLuceneQuery(ids, null);
    }

    /**
     * The filter as a Lucene query over the {@link LuceneHnswIndex} document fields; conditions on
     * catalogue attributes (not indexed as fields) become the set of rows {@code attrs} says pass,
     * so they stay exact. Null when the filter keeps everything.
     */
    public Query toLuceneQuery(IdMap ids, ItemAttributes attrs) {
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
        if (!conditions.isEmpty()) {
            if (attrs == null) {
                throw new IllegalArgumentException("attribute conditions need the index's attributes: " + conditions);
            }
            IntPredicate p = attributePredicate(attrs);
            int[] rows = java.util.stream.IntStream.range(0, attrs.rows()).filter(p).toArray();
            if (rows.length == 0) {
                return new MatchNoDocsQuery("no item passes the attribute conditions");
            }
            if (rows.length < attrs.rows()) {
                q.add(IntField.newSetQuery(LuceneFields.ROW, rows), Occur.FILTER);
            }
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
                + (hasYearRange() ? minYear + ".." + maxYear : "any") + (conditions.isEmpty() ? "" : ", " + conditions)
                + "]";
    }

    /** Collects the conditions of an {@link ItemFilter}. Not thread-safe. */
    public static final class Builder {
        private Set<String> allow;
        private final Set<String> deny = new LinkedHashSet<>();
        private Set<String> genres;
        private int minYear = Integer.MIN_VALUE;
        private int maxYear = Integer.MAX_VALUE;
        private final java.util.List<Condition> conditions = new java.util.ArrayList<>();

        private Builder() {}

        /** Adds a condition on an attribute (all conditions must hold). */
        public Builder where(Condition condition) {
            conditions.add(java.util.Objects.requireNonNull(condition, "condition"));
            return this;
        }

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
