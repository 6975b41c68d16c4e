package org.embrec.report;

import java.util.List;

/**
 * Draws a {@link Plot} onto a {@link Canvas}: title, grid, ticks and axis titles, the series
 * (markers, error bars, lines, staircases) and a legend on the right when there is more than one
 * series. Text widths are estimated from the character count, identically for every canvas, so
 * the SVG and the PNG of a chart have the same layout.
 *
 * <p>Stateless and thread-safe.
 */
public final class PlotRenderer {
    private static final int TEXT = 0x222222;
    private static final int MUTED = 0x666666;
    private static final int GRID = 0xE3E3E3;
    private static final int AXIS = 0x888888;
    private static final double TICK_FONT = 11;
    private static final double CHAR = 0.6; // average glyph width / font size, for layout
    private static final double DODGE = 0.18;

    private PlotRenderer() {}

    /** Renders to an SVG document of the given size. */
    public static String svg(Plot plot, int width, int height) {
        SvgCanvas canvas = new SvgCanvas(width, height, "chart-" + plot.id());
        draw(plot, canvas, width, height);
        return canvas.svg();
    }

    /** Renders to an image of the given size at {@code scale} pixels per unit. */
    public static ImageCanvas image(Plot plot, int width, int height, double scale) {
        ImageCanvas canvas = new ImageCanvas(width, height, scale);
        draw(plot, canvas, width, height);
        return canvas;
    }

    /** Draws the plot over the whole {@code width x height} area of the canvas. */
    public static void draw(Plot plot, Canvas c, int width, int height) {
        Frame f = Frame.of(plot, width, height);
        c.text(f.left, 22, plot.title(), 15, Canvas.Anchor.START, 0, TEXT, true);
        drawAxes(plot, c, f);
        c.begin("plot-area", plot.id());
        for (Series s : plot.series()) {
            drawSeries(plot, s, c, f);
        }
        c.end();
        if (f.legend) {
            drawLegend(plot.series(), c, f);
        }
    }

    private static void drawAxes(Plot plot, Canvas c, Frame f) {
        c.begin("axis", null);
        double[] yt = Ticks.linear(f.yLo, f.yHi, Math.max(3, (int) ((f.bottom - f.top) / 45)));
        double yStep = yt.length > 1 ? yt[1] - yt[0] : 1;
        for (double t : yt) {
            double y = f.py(t);
            c.line(f.left, y, f.right, y, GRID, 1, false);
            c.text(f.left - 6, y + 4, Ticks.label(t, yStep), TICK_FONT, Canvas.Anchor.END, 0, MUTED, false);
        }
        if (plot.xScale() == Plot.Scale.CATEGORY) {
            List<String> cats = plot.categories();
            for (int i = 0; i < cats.size(); i++) {
                double x = f.px(i);
                c.line(x, f.top, x, f.bottom, GRID, 1, false);
                if (f.rotate) {
                    c.text(x + 3, f.bottom + 12, cats.get(i), TICK_FONT, Canvas.Anchor.END, 35, TEXT, false);
                } else {
                    c.text(x, f.bottom + 16, cats.get(i), TICK_FONT, Canvas.Anchor.MIDDLE, 0, TEXT, false);
                }
            }
        } else {
            double[] xt = plot.xScale() == Plot.Scale.LOG ? Ticks.log(f.xLo, f.xHi)
                    : Ticks.linear(f.xLo, f.xHi, Math.max(3, (int) ((f.right - f.left) / 80)));
            double xStep = xt.length > 1 ? xt[1] - xt[0] : 1;
            for (double t : xt) {
                double x = f.left + (t - f.xLo) / (f.xHi - f.xLo) * (f.right - f.left);
                c.line(x, f.top, x, f.bottom, GRID, 1, false);
                String label = plot.xScale() == Plot.Scale.LOG ? Ticks.compact(Math.pow(10, t)) : Ticks.label(t, xStep);
                c.text(x, f.bottom + 16, label, TICK_FONT, Canvas.Anchor.MIDDLE, 0, MUTED, false);
            }
        }
        c.line(f.left, f.bottom, f.right, f.bottom, AXIS, 1, false);
        c.line(f.left, f.top, f.left, f.bottom, AXIS, 1, false);
        c.text((f.left + f.right) / 2, f.height - 8, plot.xLabel(), 12, Canvas.Anchor.MIDDLE, 0, TEXT, false);
        c.text(16, (f.top + f.bottom) / 2, plot.yLabel(), 12, Canvas.Anchor.MIDDLE, 90, TEXT, false);
        c.end();
    }

    private static void drawSeries(Plot plot, Series s, Canvas c, Frame f) {
        c.begin("series", s.name());
        double offset = plot.xScale() == Plot.Scale.CATEGORY ? dodge(plot, s) : 0;
        int n = s.size();
        if (s.style() != Series.Style.POINTS) {
            // A staircase needs a corner point before each point after the first.
            double[] xs = new double[2 * n];
            double[] ys = new double[2 * n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (!f.drawable(s.x()[i] + offset, s.y()[i])) {
                    if (m > 0) {
                        c.polyline(xs, ys, m, s.rgb(), 2);
                    }
                    m = 0; // a gap in the data breaks the line
                    continue;
                }
                double x = f.px(s.x()[i] + offset);
                double y = f.py(s.y()[i]);
                if (s.style() == Series.Style.STEP && m > 0) {
                    xs[m] = x;
                    ys[m] = ys[m - 1];
                    m++;
                }
                xs[m] = x;
                ys[m] = y;
                m++;
            }
            if (m > 0) {
                c.polyline(xs, ys, m, s.rgb(), 2);
            }
        }
        for (int i = 0; i < n; i++) {
            double xv = s.x()[i] + offset;
            if (!f.drawable(xv, s.y()[i])) {
                continue;
            }
            double x = f.px(xv);
            if (s.low() != null && Double.isFinite(s.low()[i]) && Double.isFinite(s.high()[i])) {
                double lo = f.py(s.low()[i]);
                double hi = f.py(s.high()[i]);
                c.line(x, lo, x, hi, s.rgb(), 1.5, false);
                c.line(x - 4, lo, x + 4, lo, s.rgb(), 1.5, false);
                c.line(x - 4, hi, x + 4, hi, s.rgb(), 1.5, false);
            }
            if (s.radius() > 0) {
                c.circle(x, f.py(s.y()[i]), s.radius(), s.hollow() ? 0xFFFFFF : s.rgb(), s.hollow() ? s.rgb()
                        : Canvas.NONE, s.tips() == null ? null : s.tips()[i]);
            }
        }
        c.end();
    }

    /** Series on a category axis sit side by side around each category. */
    private static double dodge(Plot plot, Series s) {
        int n = plot.series().size();
        if (n < 2) {
            return 0;
        }
        int i = plot.series().indexOf(s);
        double width = Math.min(0.6, DODGE * n);
        return -width / 2 + width * i / (n - 1);
    }

    private static void drawLegend(List<Series> series, Canvas c, Frame f) {
        c.begin("legend", null);
        double x = f.right + 18;
        double y = f.top + 8;
        for (Series s : series) {
            if (s.style() == Series.Style.POINTS) {
                // A swatch, not a circle: circles are the data marks.
                c.rect(x + 2, y - 8.5, 9, 9, s.hollow() ? 0xFFFFFF : s.rgb(), s.hollow() ? s.rgb() : Canvas.NONE);
            } else {
                c.line(x, y - 4, x + 12, y - 4, s.rgb(), 2.5, false);
            }
            c.text(x + 18, y, s.name(), TICK_FONT, Canvas.Anchor.START, 0, TEXT, false);
            y += 17;
        }
        c.end();
    }

    /** The plot area and the data ranges it shows. */
    private static final class Frame {
        int width;
        int height;
        double left;
        double right;
        double top;
        double bottom;
        double xLo;
        double xHi;
        double yLo;
        double yHi;
        boolean legend;
        boolean rotate;
        Plot.Scale scale;

        static Frame of(Plot plot, int width, int height) {
            Frame f = new Frame();
            f.width = width;
            f.height = height;
            f.scale = plot.xScale();
            f.legend = plot.series().size() > 1;
            int legendChars = 0;
            for (Series s : plot.series()) {
                legendChars = Math.max(legendChars, s.name().length());
            }
            f.yRange(plot);
            f.xRange(plot);
            double[] yt = Ticks.linear(f.yLo, f.yHi, 5);
            int tickChars = 1;
            for (double t : yt) {
                tickChars = Math.max(tickChars, Ticks.label(t, yt.length > 1 ? yt[1] - yt[0] : 1).length());
            }
            f.left = 30 + tickChars * TICK_FONT * CHAR + 8;
            f.right = width - (f.legend ? 36 + legendChars * TICK_FONT * 0.65 : 20);
            f.top = 38;
            double bottomMargin = 44;
            if (f.scale == Plot.Scale.CATEGORY) {
                int catChars = 0;
                for (String cat : plot.categories()) {
                    catChars = Math.max(catChars, cat.length());
                }
                double slot = (f.right - f.left) / plot.categories().size();
                f.rotate = catChars * TICK_FONT * CHAR > slot - 6;
                if (f.rotate) {
                    bottomMargin = 34 + catChars * TICK_FONT * CHAR * Math.sin(Math.toRadians(35));
                }
            }
            f.bottom = height - bottomMargin;
            return f;
        }

        private void yRange(Plot plot) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Series s : plot.series()) {
                for (int i = 0; i < s.size(); i++) {
                    if (!Double.isFinite(s.y()[i])) {
                        continue;
                    }
                    lo = Math.min(lo, s.low() != null && Double.isFinite(s.low()[i]) ? s.low()[i] : s.y()[i]);
                    hi = Math.max(hi, s.high() != null && Double.isFinite(s.high()[i]) ? s.high()[i] : s.y()[i]);
                    lo = Math.min(lo, s.y()[i]);
                    hi = Math.max(hi, s.y()[i]);
                }
            }
            if (plot.yFromZero()) {
                lo = Math.min(lo, 0);
                hi = Math.max(hi, 0);
            }
            double[] r = padded(lo, hi);
            yLo = plot.yFromZero() && lo >= 0 ? 0 : r[0];
            yHi = r[1];
        }

        private void xRange(Plot plot) {
            if (scale == Plot.Scale.CATEGORY) {
                xLo = -0.5;
                xHi = plot.categories().size() - 0.5;
                return;
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Series s : plot.series()) {
                for (int i = 0; i < s.size(); i++) {
                    double x = scale == Plot.Scale.LOG ? Math.log10(s.x()[i]) : s.x()[i];
                    if (Double.isFinite(x) && Double.isFinite(s.y()[i])) {
                        lo = Math.min(lo, x);
                        hi = Math.max(hi, x);
                    }
                }
            }
            double[] r = padded(lo, hi);
            xLo = r[0];
            xHi = r[1];
        }

        /** [lo, hi] widened by 4% on each side (or to a unit range around a single value). */
        private static double[] padded(double lo, double hi) {
            if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
                return new double[] {0, 1};
            }
            if (hi - lo < 1e-12) {
                double d = Math.abs(lo) > 0 ? Math.abs(lo) * 0.5 : 0.5;
                return new double[] {lo - d, hi + d};
            }
            double pad = (hi - lo) * 0.04;
            return new double[] {lo - pad, hi + pad};
        }

        boolean drawable(double x, double y) {
            return Double.isFinite(y) && Double.isFinite(x) && (scale != Plot.Scale.LOG || x > 0);
        }

        double px(double x) {
            double v = scale == Plot.Scale.LOG ? Math.log10(x) : x;
            return left + (v - xLo) / (xHi - xLo) * (right - left);
        }

        double py(double y) {
            return bottom - (y - yLo) / (yHi - yLo) * (bottom - top);
        }
    }
}
