package org.embrec.cli;

import java.util.ArrayList;
import java.util.List;
import org.embrec.index.ItemAttributes;
import org.embrec.index.ItemFilter;
import picocli.CommandLine.Option;

/**
 * {@code --filter EXPR} (repeatable; all must hold): a condition on a catalogue attribute as
 * {@link ItemFilter#parseCondition} reads it ({@code country:de}, {@code tags:rock|pop},
 * {@code listeners>=100000}, {@code year:1990..1999}, {@code genre:Drama}). Picocli mixin.
 */
final class FilterOption {
    @Option(names = "--filter", paramLabel = "EXPR",
            description = "Only items passing EXPR (repeatable; all must hold): NAME:VALUE[|VALUE...] for a category or"
                    + " list (case-insensitive), NAME<X, NAME<=X, NAME>X, NAME>=X or NAME:LO..HI for a number;"
                    + " NAME is a catalogue attribute, genre or year. E.g. --filter country:de --filter 'price<20'.")
    List<String> filters = new ArrayList<>();

    /** The filter the options describe over {@code attrs} ({@link ItemFilter#NONE} when none is given). */
    ItemFilter filter(ItemAttributes attrs) {
        if (filters.isEmpty()) {
            return ItemFilter.NONE;
        }
        ItemFilter.Builder b = ItemFilter.builder();
        for (String f : filters) {
            b.where(ItemFilter.parseCondition(f, attrs));
        }
        return b.build();
    }
}
