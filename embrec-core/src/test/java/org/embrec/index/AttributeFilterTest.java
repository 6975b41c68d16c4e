package org.embrec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.embrec.EmbrecException;
import org.embrec.data.Catalog;
import org.embrec.data.IdMap;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Filters on arbitrary catalogue attributes are exact: random catalogues (a category, a list, a
 * number, a text; ids with spaces and non-ASCII letters), random filters, and no result of exact,
 * HNSW or IVF search ever fails a filter; exact search returns the brute-force top k of the
 * passing items, HNSW as many items as pass (up to k).
 */
class AttributeFilterTest {
    private static final int N = 1200;
    private static final int DIM = 16;
    private static final String[] COUNTRIES = {"DE", "fr", "Gb", "US", "jp", "Österreich"};
    private static final String[] TAGS = {"rock", "Pop", "jazz", "electronic", "hip hop", "folk", "metal"};
    private static final List<Catalog.Attribute> SCHEMA = List.of(
            new Catalog.Attribute("country", Catalog.Attribute.Kind.CATEGORY, null),
            new Catalog.Attribute("tags", Catalog.Attribute.Kind.LIST, "|"),
            new Catalog.Attribute("price", Catalog.Attribute.Kind.NUMBER, null),
            new Catalog.Attribute("description", Catalog.Attribute.Kind.TEXT, null));

    @TempDir
    Path tmp;

    @Test
    void randomFiltersNeverLetAFailingItemThroughExactHnswOrIvf() {
        SplittableRandom rnd = new SplittableRandom(22);
        String[] external = new String[N];
        for (int r = 0; r < N; r++) {
            external[r] = (r % 3 == 0 ? "artist " : r % 3 == 1 ? "künstler_" : "a") + r;
        }
        IdMap ids = IdMap.of(external);
        float[] v = TestVectors.clustered(N, DIM, 8, 0.6, rnd, TestVectors.centres(8, DIM, rnd));
        EmbeddingStore store = EmbeddingStore.of(ids, v, DIM);
        Map<String, Catalog.Item> items = new LinkedHashMap<>();
        for (int r = 0; r < N; r++) {
            Map<String, List<String>> values = new LinkedHashMap<>();
            if (rnd.nextInt(10) > 0) {
                values.put("country", List.of(COUNTRIES[rnd.nextInt(COUNTRIES.length)]));
            }
            List<String> tags = new ArrayList<>();
            for (String t : TAGS) {
                if (rnd.nextInt(4) == 0) {
                    tags.add(t);
                }
            }
            if (!tags.isEmpty()) {
                values.put("tags", tags);
            }
            if (rnd.nextInt(8) > 0) {
                values.put("price", List.of(String.valueOf(rnd.nextInt(4000) / 100.0)));
            }
            values.put("description", List.of("text " + r));
            items.put(external[r], new Catalog.Item(external[r], "name " + r, List.of(), 1950 + r % 60, values));
        }
        Catalog catalog = new Catalog(items, List.of(), SCHEMA);
        ItemAttributes attrs = ItemAttributes.of(ids, catalog);
        ExactIndex exact = ExactIndex.of(store, attrs);
        IvfIndex ivf = IvfIndex.build(store, attrs, new IvfParams(16, 16), 1, null);
        int checked = 0;
        try (LuceneHnswIndex hnsw = LuceneHnswIndex.build(store, attrs, IndexType.HNSW, HnswParams.DEFAULTS,
                tmp.resolve("hnsw"), 2, null);
                LuceneHnswIndex reopened = LuceneHnswIndex.open(tmp.resolve("hnsw"), IndexType.HNSW, HnswParams.DEFAULTS,
                        store, attrs)) {
            for (int trial = 0; trial < 60; trial++) {
                List<String> texts = randomFilters(rnd);
                ItemFilter.Builder b = ItemFilter.builder();
                for (String t : texts) {
                    b.where(ItemFilter.parseCondition(t, attrs));
                }
                ItemFilter filter = b.build();
                IntPredicate keep = r -> texts.stream().allMatch(t -> passes(items.get(external[r]), t));
                int passing = (int) IntStream.range(0, N).filter(keep).count();
                float[] query = Arrays.copyOfRange(v, (trial * 37 % N) * DIM, (trial * 37 % N + 1) * DIM);
                int k = 1 + rnd.nextInt(20);
                Hits e = exact.search(query, k, filter);
                assertThat(e.rows()).as("exact %s", texts).containsExactly(TestVectors.bruteForce(store, query, k, keep));
                for (VectorIndex index : List.of(hnsw, reopened, ivf)) {
                    Hits h = index.search(query, k, filter);
                    for (int i = 0; i < h.size(); i++) {
                        assertThat(keep.test(h.row(i))).as("%s returned %s for %s", index, external[h.row(i)], texts).isTrue();
                    }
                    if (index != ivf) {
                        assertThat(h.size()).as("%s", texts).isEqualTo(Math.min(k, passing));
                    }
                }
                checked += passing > 0 ? 1 : 0;
            }
        }
        assertThat(checked).as("trials where some item passes").isGreaterThan(20);
    }

    /** One to three random filters over the schema (and the built-in year). */
    private static List<String> randomFilters(SplittableRandom rnd) {
        List<String> out = new ArrayList<>();
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            switch (rnd.nextInt(5)) {
                case 0 -> out.add("country:" + COUNTRIES[rnd.nextInt(COUNTRIES.length)].toUpperCase(Locale.ROOT)
                        + (rnd.nextBoolean() ? "|" + COUNTRIES[rnd.nextInt(COUNTRIES.length)] : ""));
                case 1 -> out.add("tags:" + TAGS[rnd.nextInt(TAGS.length)]);
                case 2 -> out.add("price" + new String[] {"<", "<=", ">", ">="}[rnd.nextInt(4)] + rnd.nextInt(40));
                case 3 -> out.add("price:" + rnd.nextInt(20) + ".." + (20 + rnd.nextInt(20)));
                default -> out.add("year" + (rnd.nextBoolean() ? ">=" : "<") + (1950 + rnd.nextInt(60)));
            }
        }
        return out;
    }

    /** The reference rule, written from the catalogue directly. */
    private static boolean passes(Catalog.Item item, String filter) {
        if (filter.startsWith("country:") || filter.startsWith("tags:")) {
            String name = filter.substring(0, filter.indexOf(':'));
            List<String> wanted = Arrays.stream(filter.substring(name.length() + 1).split("\\|"))
                    .map(s -> s.toLowerCase(Locale.ROOT)).toList();
            return item.values(name).stream().anyMatch(x -> wanted.contains(x.toLowerCase(Locale.ROOT)));
        }
        String name = filter.startsWith("price") ? "price" : "year";
        double x = name.equals("year") ? item.year() : item.values("price").isEmpty() ? Double.NaN
                : Double.parseDouble(item.values("price").get(0));
        if (Double.isNaN(x)) {
            return false;
        }
        String rest = filter.substring(name.length());
        if (rest.startsWith(":")) {
            String[] lohi = rest.substring(1).split("\\.\\.");
            return x >= Double.parseDouble(lohi[0]) && x <= Double.parseDouble(lohi[1]);
        }
        if (rest.startsWith("<=")) {
            return x <= Double.parseDouble(rest.substring(2));
        }
        if (rest.startsWith(">=")) {
            return x >= Double.parseDouble(rest.substring(2));
        }
        if (rest.startsWith("<")) {
            return x < Double.parseDouble(rest.substring(1));
        }
        return x > Double.parseDouble(rest.substring(1));
    }

    @Test
    void badFiltersAreOneLineErrorsNamingTheFilter() {
        IdMap ids = TestVectors.ids(2);
        Map<String, Catalog.Item> items = new LinkedHashMap<>();
        items.put("i0", new Catalog.Item("i0", "a", List.of(), 0, Map.of("price", List.of("3"))));
        ItemAttributes attrs = ItemAttributes.of(ids, new Catalog(items, List.of(), SCHEMA));
        assertThatThrownBy(() -> ItemFilter.parseCondition("colour:red", attrs)).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("filter 'colour:red': unknown attribute 'colour' (filterable: genre, year, country,"
                        + " tags, price)");
        assertThatThrownBy(() -> ItemFilter.parseCondition("price<cheap", attrs))
                .hasMessage("filter 'price<cheap': 'cheap' is not a number");
        assertThatThrownBy(() -> ItemFilter.parseCondition("country<3", attrs))
                .hasMessageContaining("country is not a number");
        assertThatThrownBy(() -> ItemFilter.parseCondition("description:x", attrs))
                .hasMessageContaining("unknown attribute 'description'");
        assertThatThrownBy(() -> ItemFilter.parseCondition("price", attrs)).hasMessageContaining("expected NAME:VALUE");
        assertThat(ItemFilter.parseCondition("Genres:Drama|comedy", attrs))
                .isEqualTo(new ItemFilter.AnyOf("genre", java.util.Set.of("drama", "comedy")));
    }
}
