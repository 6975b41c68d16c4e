package org.embrec.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.embrec.eval.ReportFormat;
import org.embrec.eval.ReportReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir
    Path tmp;

    @Test
    void writesASelfContainedPageTheEvaluationAndEveryChartAsPngAndSvg() throws Exception {
        Path out = tmp.resolve("report");
        ReportWriter.Content content = new ReportWriter.Content(ReportChartsTest.report(),
                TuningLog.read(TuningLogTest.fixture()), null, "embrec test");
        ReportWriter.write(out, content);
        Files.writeString(out.resolve("charts/stale.png"), "an older chart");
        ReportWriter.Written w = ReportWriter.write(out, content);
        assertThat(Files.exists(out.resolve("charts/stale.png"))).as("an earlier report is replaced").isFalse();
        Path site = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "my page");
        assertThatThrownBy(() -> ReportWriter.write(site, content)).isInstanceOf(org.embrec.EmbrecException.class)
                .hasMessageContaining("refusing to replace it");
        assertThat(Files.readString(site.resolve("index.html"))).isEqualTo("my page");
        // hr10, ndcg10, two HR@K curves, the trajectory and 8 parameters.
        assertThat(w.charts()).isEqualTo(13);
        assertThat(w.files()).startsWith("index.html", "evaluation.json").hasSize(2 + 2 * 13);
        for (String f : w.files()) {
            assertThat(out.resolve(f)).isRegularFile();
        }
        for (String f : w.files()) {
            if (f.endsWith(".png")) {
                BufferedImage image = ImageIO.read(out.resolve(f).toFile());
                assertThat(image).as(f).isNotNull();
                assertThat(Charts.coloured(image)).as(f + " has coloured marks").isGreaterThan(200);
            } else if (f.endsWith(".svg")) {
                assertThat(Charts.marks(Charts.parse(Files.readString(out.resolve(f))), "circle")
                        + Charts.marks(Charts.parse(Files.readString(out.resolve(f))), "polyline")).as(f).isPositive();
            }
        }
        assertThat(ReportFormat.json(ReportReader.read(out.resolve("evaluation.json"))))
                .isEqualTo(ReportFormat.json(content.evaluation()));

        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<table id=\"results\">", "Best configuration",
                "How to read this page");
        // Nothing is fetched: no scripts, stylesheets or images from elsewhere; the only URL is SVG's namespace.
        assertThat(html).doesNotContain("<script", "<link", "<img", "@import", "url(");
        Matcher urls = Pattern.compile("https?://[^\"'\\s<]+").matcher(html);
        while (urls.find()) {
            assertThat(urls.group()).isEqualTo("http://www.w3.org/2000/svg");
        }
        assertThat(count(html, "<svg ")).isEqualTo(13);
        assertThat(count(html, "<tr><td class=\"l\">")).isEqualTo(4); // rows over all cases
        assertThat(count(html, "<tr class=\"slice\">")).isEqualTo(1);
        assertThat(html).contains("href=\"charts/hr10.png\"", "data-chart=\"tuning-trajectory\"");
    }

    @Test
    void withoutTuningOrMapOnlyTheEvaluationChartsAreDrawn() {
        ReportWriter.Content content = new ReportWriter.Content(ReportChartsTest.report(), null, null, "t");
        assertThat(ReportWriter.charts(content)).extracting(s -> s.plot().id()).containsExactly("hr10", "ndcg10",
                "hr-at-k-i2i", "hr-at-k-u2i");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

}
