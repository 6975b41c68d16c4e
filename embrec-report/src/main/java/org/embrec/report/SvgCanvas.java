package org.embrec.report;

import java.util.Locale;

/**
 * A {@link Canvas} that writes an SVG document (no external references, so it can be inlined
 * in an HTML page or saved as a file). Data marks carry {@code class="mark"} and series groups
 * {@code class="series" data-series="NAME"}, so tests and scripts can find them.
 *
 * <p>Not thread-safe.
 */
public final class SvgCanvas implements Canvas {
    private final StringBuilder sb = new StringBuilder(1 << 14);
    private final int width;
    private final int height;

    /**
     * @param id the {@code id} attribute of the {@code <svg>} element (may be null)
     */
    public SvgCanvas(int width, int height, String id) {
        this.width = width;
        this.height = height;
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        if (id != null) {
            sb.append(" id=\"").append(escape(id)).append('"');
        }
        sb.append(" class=\"chart\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n");
        rect(0, 0, width, height, 0xFFFFFF, NONE);
    }

    @Override
    public void begin(String role, String name) {
        sb.append("<g class=\"").append(escape(role)).append('"');
        if (name != null) {
            sb.append(" data-").append(escape(role)).append("=\"").append(escape(name)).append('"');
        }
        sb.append(">\n");
    }

    @Override
    public void end() {
        sb.append("</g>\n");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int rgb, double width, boolean dashed) {
        sb.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(color(rgb))
                .append("\" stroke-width=\"").append(n(width)).append('"');
        if (dashed) {
            sb.append(" stroke-dasharray=\"4 3\"");
        }
        sb.append("/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n, int rgb, double width) {
        sb.append("<polyline class=\"mark\" fill=\"none\" stroke=\"").append(color(rgb)).append("\" stroke-width=\"")
                .append(n(width)).append("\" points=\"");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        sb.append("\"/>\n");
    }

    @Override
    public void rect(double x, double y, double w, double h, int fill, int stroke) {
        sb.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"").append(color(fill)).append('"');
        if (stroke != NONE) {
            sb.append(" stroke=\"").append(color(stroke)).append('"');
        }
        sb.append("/>\n");
    }

    @Override
    public void circle(double cx, double cy, double r, int fill, int stroke, String tip) {
        sb.append("<circle class=\"mark\" cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"")
                .append(n(r)).append("\" fill=\"").append(color(fill)).append('"');
        if (stroke != NONE) {
            sb.append(" stroke=\"").append(color(stroke)).append("\" stroke-width=\"1.2\"");
        }
        if (tip == null) {
            sb.append("/>\n");
        } else {
            sb.append("><title>").append(escape(tip)).append("</title></circle>\n");
        }
    }

    @Override
    public void text(double x, double y, String text, double size, Anchor anchor, double angle, int rgb, boolean bold) {
        sb.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size))
                .append("\" fill=\"").append(color(rgb)).append('"');
        if (anchor != Anchor.START) {
            sb.append(" text-anchor=\"").append(anchor == Anchor.MIDDLE ? "middle" : "end").append('"');
        }
        if (bold) {
            sb.append(" font-weight=\"bold\"");
        }
        if (angle != 0) {
            sb.append(" transform=\"rotate(").append(n(-angle)).append(' ').append(n(x)).append(' ').append(n(y))
                    .append(")\"");
        }
        sb.append('>').append(escape(text)).append("</text>\n");
    }

    /** The finished SVG document. */
    public String svg() {
        return sb + "</svg>\n";
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    private static String n(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String color(int rgb) {
        return rgb == NONE ? "none" : String.format(Locale.ROOT, "#%06x", rgb & 0xFFFFFF);
    }

    /** Escapes text for XML content and attribute values. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\t' && c != '\n' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
