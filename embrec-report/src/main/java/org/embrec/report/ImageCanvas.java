package org.embrec.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;

/**
 * A {@link Canvas} that draws with Java2D (headless: no display is needed) onto an RGB image,
 * at {@code scale} pixels per chart unit so that the PNG stays sharp in print. Groups and tips
 * have no meaning in a bitmap and are ignored.
 *
 * <p>Not thread-safe.
 */
public final class ImageCanvas implements Canvas {
    private final BufferedImage image;
    private final Graphics2D g;

    /**
     * @param width chart width in units
     * @param height chart height in units
     * @param scale pixels per unit (2 gives a print-quality PNG)
     */
    public ImageCanvas(int width, int height, double scale) {
        image = new BufferedImage((int) Math.ceil(width * scale), (int) Math.ceil(height * scale),
                BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(scale, scale);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
    }

    @Override
    public void begin(String role, String name) {
        // Bitmaps have no groups.
    }

    @Override
    public void end() {
        // Bitmaps have no groups.
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int rgb, double width, boolean dashed) {
        g.setColor(new Color(rgb));
        g.setStroke(dashed ? new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4f, 3f}, 0f) : new BasicStroke((float) width));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n, int rgb, double width) {
        if (n < 1) {
            return;
        }
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < n; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        g.setColor(new Color(rgb));
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
    }

    @Override
    public void rect(double x, double y, double w, double h, int fill, int stroke) {
        Rectangle2D.Double r = new Rectangle2D.Double(x, y, w, h);
        if (fill != NONE) {
            g.setColor(new Color(fill));
            g.fill(r);
        }
        if (stroke != NONE) {
            g.setColor(new Color(stroke));
            g.setStroke(new BasicStroke(1f));
            g.draw(r);
        }
    }

    @Override
    public void circle(double cx, double cy, double r, int fill, int stroke, String tip) {
        Ellipse2D.Double e = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
        if (fill != NONE) {
            g.setColor(new Color(fill));
            g.fill(e);
        }
        if (stroke != NONE) {
            g.setColor(new Color(stroke));
            g.setStroke(new BasicStroke(1.2f));
            g.draw(e);
        }
    }

    @Override
    public void text(double x, double y, String text, double size, Anchor anchor, double angle, int rgb, boolean bold) {
        Font font = new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
        g.setFont(font);
        g.setColor(new Color(rgb));
        double w = g.getFontMetrics().getStringBounds(text, g).getWidth();
        double dx = anchor == Anchor.START ? 0 : anchor == Anchor.MIDDLE ? -w / 2 : -w;
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        if (angle != 0) {
            g.rotate(-Math.toRadians(angle));
        }
        g.drawString(text, (float) dx, 0f);
        g.setTransform(saved);
    }

    /** The drawing so far. */
    public BufferedImage image() {
        return image;
    }

    /** Writes the image as PNG (the stream is not closed). */
    public void writePng(OutputStream out) throws IOException {
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer in this JDK");
        }
    }
}
