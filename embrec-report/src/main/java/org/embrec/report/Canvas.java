package org.embrec.report;

/**
 * What a chart is drawn on: a handful of primitives in pixel coordinates (origin top left, y
 * down), so that one {@link PlotRenderer} draws the same chart as SVG for the HTML page
 * ({@link SvgCanvas}) and as a PNG ({@link ImageCanvas}). Colours are {@code 0xRRGGBB};
 * {@link #NONE} means no fill or no stroke.
 *
 * <p>Implementations are not thread-safe: one canvas per chart being drawn.
 */
public interface Canvas {
    /** No colour: the shape is not filled, or not outlined. */
    int NONE = -1;

    /** Horizontal alignment of text relative to its anchor point. */
    enum Anchor { START, MIDDLE, END }

    /**
     * Opens a group of shapes playing one role in the chart ({@code series}, {@code axis}, ...);
     * {@code name} (may be null) names it, e.g. the series. Groups nest; close with {@link #end()}.
     */
    void begin(String role, String name);

    /** Closes the innermost open group. */
    void end();

    void line(double x1, double y1, double x2, double y2, int rgb, double width, boolean dashed);

    /** An open polyline through the first {@code n} points; a data mark. */
    void polyline(double[] xs, double[] ys, int n, int rgb, double width);

    void rect(double x, double y, double w, double h, int fill, int stroke);

    /** A data point; {@code tip} (may be null) is shown on hover where the medium allows. */
    void circle(double cx, double cy, double r, int fill, int stroke, String tip);

    /**
     * Text with its baseline at y; {@code angle} in degrees, counter-clockwise (e.g. 90 for a
     * vertical axis title reading upwards).
     */
    void text(double x, double y, String text, double size, Anchor anchor, double angle, int rgb, boolean bold);
}
