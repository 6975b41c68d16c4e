package org.embrec.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.embrec.AtomicFiles;
import org.embrec.EmbrecException;
import org.embrec.OutputDirectory;
import org.embrec.eval.EvaluationReport;
import org.embrec.eval.ReportFormat;
import org.embrec.eval.Task;

/**
 * Writes a report directory: {@code index.html} (self-contained: inline SVG charts, no network),
 * {@code evaluation.json} (the evaluation, as {@code evaluate --json} prints it, so the page can
 * be rebuilt with {@code report --evaluation}), and {@code charts/ID.png} and
 * {@code charts/ID.svg} for every chart. The directory is filled under a temporary name and
 * renamed into place, so it is never seen half written.
 *
 * <p>Stateless and thread-safe.
 */
public final class ReportWriter {
    /** Pixels per chart unit in the PNGs: sharp enough for print. */
    static final double PNG_SCALE = 2;

    /**
     * What goes into a report.
     *
     * @param evaluation the evaluation (required)
     * @param tuning a tune directory's trials, or null
     * @param map the embedding map, or null
     * @param generator who made it, e.g. {@code embrec 0.1.0}
     */
    public record Content(EvaluationReport evaluation, TuningLog tuning, EmbeddingMap map, String generator) {
        public Content {
            Objects.requireNonNull(evaluation, "evaluation");
            Objects.requireNonNull(generator, "generator");
        }
    }

    /**
     * @param dir the directory written
     * @param files paths of the files written, relative to it
     * @param charts number of charts
     */
    public record Written(Path dir, List<String> files, int charts) {}

    private ReportWriter() {}

    /** The charts of a report in page order, each with the size it is drawn at. */
    public static List<Sized> charts(Content c) {
        List<Sized> out = new ArrayList<>();
        out.add(new Sized(ReportCharts.accuracy(c.evaluation(), false), 760, 420, false));
        out.add(new Sized(ReportCharts.accuracy(c.evaluation(), true), 760, 420, false));
        for (Task task : Task.values()) {
            Plot curve = ReportCharts.hitRateCurve(c.evaluation(), task);
            if (curve != null) {
                out.add(new Sized(curve, 760, 420, false));
            }
        }
        Plot mmr = ReportCharts.mmrTradeOff(c.evaluation());
        if (mmr != null) {
            out.add(new Sized(mmr, 760, 420, false));
        }
        if (c.tuning() != null) {
            out.add(new Sized(ReportCharts.tuningTrajectory(c.tuning()), 760, 380, false));
            for (Plot p : ReportCharts.tuningParameters(c.tuning())) {
                out.add(new Sized(p, 380, 290, true));
            }
        }
        if (c.map() != null) {
            out.add(new Sized(ReportCharts.map(c.map()), 860, 640, false));
        }
        return out;
    }

    /**
     * A chart and the size it is drawn at.
     *
     * @param small one of a grid of small charts
     */
    public record Sized(Plot plot, int width, int height, boolean small) {}

    /**
     * What a report may replace: an empty directory or an earlier report (its {@code index.html}
     * and {@code evaluation.json}, and nothing but what a report holds).
     */
    public static final OutputDirectory KIND = new OutputDirectory("embrec report directory",
            "index.html and evaluation.json, and nothing else", dir -> OutputDirectory.holdsOnly(dir,
                    Set.of("index.html", "evaluation.json"), Set.of("index.html", "evaluation.json", "charts")));

    /**
     * Writes the report to {@code dir} (replacing it).
     *
     * @throws EmbrecException when the directory cannot be written
     */
    public static Written write(Path dir, Content c) {
        List<Sized> charts = charts(c);
        List<String> files = new ArrayList<>();
        try {
            AtomicFiles.replaceDirectory(dir, KIND, tmp -> {
                Files.createDirectories(tmp.resolve("charts"));
                List<HtmlReport.Figure> figures = new ArrayList<>();
                for (Sized s : charts) {
                    String svg = PlotRenderer.svg(s.plot(), s.width(), s.height());
                    String png = "charts/" + s.plot().id() + ".png";
                    ImageCanvas image = PlotRenderer.image(s.plot(), s.width(), s.height(), PNG_SCALE);
                    try (OutputStream out = Files.newOutputStream(tmp.resolve(png))) {
                        image.writePng(out);
                    }
                    String svgFile = "charts/" + s.plot().id() + ".svg";
                    Files.writeString(tmp.resolve(svgFile), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg,
                            StandardCharsets.UTF_8);
                    files.add(png);
                    files.add(svgFile);
                    figures.add(new HtmlReport.Figure(s.plot(), svg, png, s.small()));
                }
                String when = ZonedDateTime.now(ZoneOffset.UTC).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                String html = HtmlReport.html(c.evaluation(), c.tuning() == null ? null : c.tuning().best(), figures,
                        c.generator(), when);
                Files.writeString(tmp.resolve("index.html"), html, StandardCharsets.UTF_8);
                Files.writeString(tmp.resolve("evaluation.json"), ReportFormat.json(c.evaluation()) + "\n",
                        StandardCharsets.UTF_8);
                files.add(0, "evaluation.json");
                files.add(0, "index.html");
            });
        } catch (IOException e) {
            throw new EmbrecException("cannot write the report to " + dir + ": " + e.getMessage());
        }
        return new Written(dir, List.copyOf(files), charts.size());
    }
}
