package org.embrec.report;

import java.util.List;
import java.util.Objects;

/**
 * A chart as data: axes, labels and series, drawn by {@link PlotRenderer} onto any
 * {@link Canvas}. Kept apart from drawing so that tests can check what a chart shows without
 * rendering it.
 *
 * <p>Immutable.
 *
 * @param id a short name, used for file names and HTML ids ({@code hr10}, {@code map}, ...)
 * @param title shown above the chart
 * @param xLabel x axis title
 * @param yLabel y axis title
 * @param xScale how x values map to the axis
 * @param categories labels of x = 0, 1, ... on a {@link Scale#CATEGORY} axis (else empty)
 * @param yFromZero the y axis always includes 0
 * @param series the data, drawn in order (later on top)
 * @param caption a sentence under the chart saying what it shows
 */
public record Plot(String id, String title, String xLabel, String yLabel, Scale xScale, List<String> categories,
        boolean yFromZero, List<Series> series, String caption) {
    /** How x values map to the horizontal axis. */
    public enum Scale {
        LINEAR,
        /** log10; only positive x values are drawn. */
        LOG,
        /** x = 0, 1, ... are the categories, evenly spaced; fractions dodge series apart. */
        CATEGORY
    }

    public Plot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(xScale, "xScale");
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        if (xScale == Scale.CATEGORY && categories.isEmpty()) {
            throw new IllegalArgumentException("plot '" + id + "': a category axis needs categories");
        }
    }

    /** Number of points with a finite y over all series. */
    public int pointCount() {
        int n = 0;
        for (Series s : series) {
            for (double y : s.y()) {
                n += Double.isFinite(y) ? 1 : 0;
            }
        }
        return n;
    }
}
