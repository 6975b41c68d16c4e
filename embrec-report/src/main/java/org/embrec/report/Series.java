package org.embrec.report;

import java.util.Objects;

/**
 * One data series of a {@link Plot}: points {@code (x[i], y[i])}, optionally with an interval
 * {@code [low[i], high[i]]} drawn as an error bar and a hover text per point. Points whose y is
 * not finite are skipped (a line breaks there).
 *
 * <p>Immutable by convention: the arrays are owned by the series and must not be changed after
 * it is made.
 *
 * @param name legend label
 * @param rgb colour {@code 0xRRGGBB}
 * @param style how points are joined
 * @param x x values (category indices on a {@link Plot.Scale#CATEGORY} axis)
 * @param y y values
 * @param low lower ends of the error bars, or null
 * @param high upper ends of the error bars, or null
 * @param tips hover text per point, or null
 * @param hollow markers drawn as rings instead of discs
 * @param radius marker radius in chart units; 0 draws no markers
 */
public record Series(String name, int rgb, Style style, double[] x, double[] y, double[] low, double[] high,
        String[] tips, boolean hollow, double radius) {
    /** How the points of a series are drawn. */
    public enum Style {
        /** Markers only (with error bars when given). */
        POINTS,
        /** A line through the points in order (and markers when the radius is positive). */
        LINE,
        /** A staircase: horizontal to the next x, then vertical (a running best). */
        STEP
    }

    public Series {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(style, "style");
        if (x.length != y.length || (low != null && low.length != x.length)
                || (high != null && high.length != x.length) || (tips != null && tips.length != x.length)) {
            throw new IllegalArgumentException("series '" + name + "': arrays differ in length");
        }
    }

    /** Markers without error bars. */
    public static Series points(String name, int rgb, double[] x, double[] y, String[] tips, double radius) {
        return new Series(name, rgb, Style.POINTS, x, y, null, null, tips, false, radius);
    }

    /** A line without markers. */
    public static Series line(String name, int rgb, double[] x, double[] y) {
        return new Series(name, rgb, Style.LINE, x, y, null, null, null, false, 0);
    }

    public int size() {
        return x.length;
    }
}
