package org.embrec.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Helpers of the report tests: parse SVG, count marks, count non-white pixels. */
final class Charts {
    private Charts() {}

    /** Parses an SVG document (fails on malformed XML). */
    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** Elements {@code tag} with {@code class="mark"}. */
    static int marks(Document doc, String tag) {
        var nodes = doc.getElementsByTagNameNS("*", tag);
        int n = 0;
        for (int i = 0; i < nodes.getLength(); i++) {
            n += "mark".equals(((org.w3c.dom.Element) nodes.item(i)).getAttribute("class")) ? 1 : 0;
        }
        return n;
    }

    /** Pixels that are not (nearly) white. */
    static long inked(BufferedImage image) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xFF) < 240 || ((rgb >> 8) & 0xFF) < 240 || (rgb & 0xFF) < 240) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Pixels whose channels differ: coloured, not grey. */
    static long coloured(BufferedImage image) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                n += Math.abs(r - g) > 30 || Math.abs(g - b) > 30 ? 1 : 0;
            }
        }
        return n;
    }
}
