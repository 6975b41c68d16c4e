package org.embrec.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.embrec.data.IdMap;

/**
 * Filters over a store whose catalog is {@link TestVectors#catalog}, each with a reference
 * predicate written from the catalog's rule directly (not through {@link ItemFilter}).
 */
final class FilterCases {
    record Case(String name, ItemFilter filter, IntPredicate keep) {}

    private FilterCases() {}

    static String genre(int r, String g) {
        return TestVectors.GENRES[r % TestVectors.GENRES.length].equals(g) || (r % 7 == 0 && g.equals("Drama")) ? g : null;
    }

    static int year(int r) {
        return r % 11 == 0 ? 0 : 1950 + r % 60;
    }

    static List<Case> all(IdMap ids) {
        int n = ids.size();
        List<Case> out = new ArrayList<>();
        Set<String> allow = new HashSet<>();
        Set<String> deny = new HashSet<>();
        for (int r = 0; r < n; r++) {
            if (r % 3 == 0) {
                allow.add(ids.external(r));
            }
            if (r % 4 == 1) {
                deny.add(ids.external(r));
            }
        }
        allow.add("not-an-item");
        out.add(new Case("allow", ItemFilter.builder().allow(allow).build(), r -> r % 3 == 0));
        out.add(new Case("deny", ItemFilter.builder().deny(deny).build(), r -> r % 4 != 1));
        out.add(new Case("genre", ItemFilter.builder().genres(List.of("horror")).build(),
                r -> genre(r, "Horror") != null));
        out.add(new Case("genres-any", ItemFilter.builder().genres(List.of("DRAMA", "Romance", "Western")).build(),
                r -> genre(r, "Drama") != null || genre(r, "Romance") != null));
        out.add(new Case("years", ItemFilter.builder().years(1980, 1989).build(),
                r -> year(r) >= 1980 && year(r) <= 1989));
        out.add(new Case("combined", ItemFilter.builder().allow(allow).deny(deny).genres(List.of("Comedy", "Drama"))
                .years(1960, 2000).build(),
                r -> r % 3 == 0 && r % 4 != 1 && (genre(r, "Comedy") != null || genre(r, "Drama") != null)
                        && year(r) >= 1960 && year(r) <= 2000));
        out.add(new Case("rare", ItemFilter.builder().allow(List.of(ids.external(n / 2), ids.external(n - 1))).build(),
                r -> r == n / 2 || r == n - 1));
        out.add(new Case("nothing", ItemFilter.builder().genres(List.of("Western")).build(), r -> false));
        return out;
    }
}
