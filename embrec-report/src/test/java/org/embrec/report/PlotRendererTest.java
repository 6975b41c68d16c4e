package org.embrec.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class PlotRendererTest {
    private static Plot sample() {
        Series withBars = new Series("i2i", 0x4E79A7, Series.Style.POINTS, new double[] {0, 1, 2},
                new double[] {0.05, Double.NaN, 0.03}, new double[] {0.04, 0, 0.02}, new double[] {0.06, 0, 0.04},
                new String[] {"a <1>", "b", "c & d"}, false, 5);
        Series line = new Series("curve", 0xF28E2B, Series.Style.LINE, new double[] {0, 1, 2},
                new double[] {0.01, 0.02, 0.04}, null, null, null, false, 0);
        return new Plot("t", "A \"title\"", "model", "HR@10", Plot.Scale.CATEGORY, List.of("x", "y", "z"), true,
                List.of(withBars, line), "caption");
    }

    @Test
    void svgIsWellFormedWithOneMarkPerFinitePointAndEscapedText() throws Exception {
        String svg = PlotRenderer.svg(sample(), 600, 400);
        Document doc = Charts.parse(svg);
        assertThat(Charts.marks(doc, "circle")).isEqualTo(2); // the NaN point is skipped
        assertThat(Charts.marks(doc, "polyline")).isEqualTo(1);
        assertThat(svg).contains("a &lt;1&gt;", "c &amp; d", "A &quot;title&quot;");
        assertThat(doc.getDocumentElement().getAttribute("id")).isEqualTo("chart-t");
        // Two error bars of three lines each.
        assertThat(svg.split("stroke=\"#4e79a7\" stroke-width=\"1.5\"", -1)).hasSize(7);
    }

    @Test
    void thePngHasTheSameChartInInk() {
        ImageCanvas image = PlotRenderer.image(sample(), 600, 400, 2);
        assertThat(image.image().getWidth()).isEqualTo(1200);
        assertThat(Charts.coloured(image.image())).isGreaterThan(500);
        assertThat(Charts.inked(image.image())).isLessThan(1200L * 800 / 2);
    }

    @Test
    void aStepSeriesHasACornerBeforeEveryPointButTheFirstAndGapsBreakLines() throws Exception {
        Series step = new Series("best", 0x333333, Series.Style.STEP, new double[] {1, 2, 3, 4, 5},
                new double[] {1, 2, Double.NaN, 3, 4}, null, null, null, false, 0);
        String svg = PlotRenderer.svg(new Plot("s", "s", "x", "y", Plot.Scale.LINEAR, List.of(), false,
                List.of(step), ""), 400, 300);
        Document doc = Charts.parse(svg);
        assertThat(Charts.marks(doc, "polyline")).isEqualTo(2);
        var lines = doc.getElementsByTagNameNS("*", "polyline");
        assertThat(lines.item(0).getAttributes().getNamedItem("points").getNodeValue().split(" ")).hasSize(3);
        assertThat(lines.item(1).getAttributes().getNamedItem("points").getNodeValue().split(" ")).hasSize(3);
    }

    @Test
    void aLogAxisDropsNonPositiveXAndEmptyPlotsStillRender() throws Exception {
        Series s = Series.points("p", 0x59A14F, new double[] {0, 1e-4, 1e-3, 1e-2}, new double[] {1, 2, 3, 4}, null, 3);
        Document doc = Charts.parse(PlotRenderer.svg(new Plot("l", "l", "x", "y", Plot.Scale.LOG, List.of(), false,
                List.of(s), ""), 400, 300));
        assertThat(Charts.marks(doc, "circle")).isEqualTo(3);
        Document empty = Charts.parse(PlotRenderer.svg(new Plot("e", "e", "x", "y", Plot.Scale.LINEAR, List.of(),
                false, List.of(), ""), 400, 300));
        assertThat(Charts.marks(empty, "circle")).isZero();
    }
}
