package org.embrec.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.embrec.eval.EvaluationReport;
import org.embrec.eval.ResultRow;
import org.embrec.eval.Task;
import org.junit.jupiter.api.Test;

class ReportChartsTest {
    static EvaluationReport report() {
        double[] curve = new double[50];
        for (int k = 0; k < 50; k++) {
            curve[k] = Math.min(1, 0.005 * (k + 1));
        }
        List<ResultRow> rows = new ArrayList<>();
        rows.add(new ResultRow("item2vec", "i2i", null, 0.05, 0.025, 0.7, 1, 608, 1, Double.NaN, Double.NaN,
                new double[] {0.036, 0.07}).withDetails(new double[] {0.015, 0.035}, curve, null));
        rows.add(new ResultRow("item2vec", "u2i", null, 0.04, 0.02, 0.7, 1, 608, 1, Double.NaN, Double.NaN,
                new double[] {0.03, 0.06}, "mean").withDetails(null, curve, null));
        rows.add(new ResultRow("item2vec", "u2i", null, 0.06, 0.03, 0.7, 1, 608, 1, Double.NaN, Double.NaN,
                new double[] {0.04, 0.08}, "recency"));
        rows.add(new ResultRow("item2vec", "i2i", "cold", 0, 0, 0, Double.NaN, 132, 1, Double.NaN, Double.NaN,
                new double[] {0, 0.03}));
        rows.add(new ResultRow("popularity", "i2i", null, 0.031, 0.016, 0.94, 0, 608, 1, Double.NaN, Double.NaN,
                new double[] {0.02, 0.048}));
        return new EvaluationReport("d", EvaluationReport.PROTOCOL, 10, 608, rows);
    }

    @Test
    void accuracyHasOnePointPerRowWithItsIntervalOnItsModelsCategory() {
        Plot hr = ReportCharts.accuracy(report(), false);
        assertThat(hr.id()).isEqualTo("hr10");
        assertThat(hr.categories()).containsExactly("item2vec", "item2vec [mean]", "item2vec [recency]", "popularity");
        Series i2i = hr.series().get(0);
        assertThat(i2i.name()).isEqualTo("i2i");
        assertThat(i2i.x()).containsExactly(0, 3);
        assertThat(i2i.y()).containsExactly(0.05, 0.031);
        assertThat(i2i.low()).containsExactly(0.036, 0.02);
        Series u2i = hr.series().get(1);
        assertThat(u2i.x()).containsExactly(1, 2);
        assertThat(u2i.high()).containsExactly(0.06, 0.08);
        assertThat(hr.pointCount()).isEqualTo(4); // the cold slice is not drawn

        Plot ndcg = ReportCharts.accuracy(report(), true);
        assertThat(ndcg.series().get(0).low()[0]).isEqualTo(0.015);
        assertThat(ndcg.series().get(0).low()[1]).isNaN(); // no NDCG interval: no bar
    }

    @Test
    void mmrTradeOffDrawsEachModelAndTaskFromThePlainRowInOrderOfL() {
        assertThat(ReportCharts.mmrTradeOff(report())).isNull(); // no MMR rows, no chart
        List<ResultRow> rows = new ArrayList<>();
        String[] models = {"item2vec", "item2vec+mmr0.2", "item2vec+mmr0.5"};
        for (int i = 0; i < models.length; i++) {
            for (String task : List.of("i2i", "u2i")) {
                org.embrec.eval.ListStats lists = new org.embrec.eval.ListStats(0.6, 1000, 92, 0.70 + 0.01 * i,
                        "genre-jaccard");
                rows.add(new ResultRow(models[i], task, null, 0.06 - 0.001 * i, 0.03, 0.7, 1, 608, 1, Double.NaN,
                        Double.NaN, new double[] {0.04, 0.08}).withDetails(null, null, lists));
            }
        }
        rows.add(new ResultRow("popularity", "i2i", null, 0.031, 0.016, 0.94, 0, 608, 1, Double.NaN, Double.NaN,
                new double[] {0.02, 0.048}).withDetails(null, null, new org.embrec.eval.ListStats(0, 11, 99, 0.77,
                "genre-jaccard")));
        Plot p = ReportCharts.mmrTradeOff(new EvaluationReport("d", EvaluationReport.PROTOCOL, 10, 608, rows));
        assertThat(p.series()).extracting(Series::name).containsExactly("item2vec i2i", "item2vec u2i");
        assertThat(p.series().get(0).x()).containsExactly(0.70, 0.70 + 0.01, 0.70 + 0.01 * 2);
        assertThat(p.series().get(0).y()).containsExactly(0.06, 0.06 - 0.001, 0.06 - 0.002);
        assertThat(p.xLabel()).contains("genre-jaccard");
    }

    @Test
    void theTunedBaselinesRowsAreDrawnLikeEveryOtherRow() {
        double[] curve = new double[50];
        java.util.Arrays.fill(curve, 0.06);
        List<ResultRow> rows = new ArrayList<>(report().results());
        for (String model : List.of("transitions", "rp3beta", "ease")) {
            for (String task : List.of("i2i", "u2i")) {
                rows.add(new ResultRow(model, task, null, 0.06, 0.03, 0.94, 2, 608, 1, Double.NaN, Double.NaN,
                        new double[] {0.045, 0.08}).withDetails(null, curve, null)
                        .withSettings(java.util.Map.of("lambda", 200.0)));
            }
        }
        EvaluationReport withTuned = new EvaluationReport("d", EvaluationReport.PROTOCOL, 10, 608, rows);
        assertThat(ReportCharts.accuracy(withTuned, false).categories()).contains("transitions", "rp3beta", "ease");
        assertThat(ReportCharts.hitRateCurve(withTuned, Task.U2I).series()).extracting(Series::name)
                .contains("transitions", "rp3beta", "ease");
    }

    @Test
    void theCurveChartHasALinePerRowThatHasACurve() {
        Plot u2i = ReportCharts.hitRateCurve(report(), Task.U2I);
        assertThat(u2i.series()).extracting(Series::name).containsExactly("item2vec [mean]");
        assertThat(u2i.series().get(0).x()[49]).isEqualTo(50);
        assertThat(u2i.series().get(0).y()[9]).isEqualTo(0.05);
        assertThat(ReportCharts.hitRateCurve(new EvaluationReport("d", "p", 10, 1, List.of()), Task.I2I)).isNull();
    }

    @Test
    void theTrajectoryShowsEveryTrialAndTheRunningBestOfCompleteOnes() {
        TuningLog log = TuningLog.read(TuningLogTest.fixture());
        Plot p = ReportCharts.tuningTrajectory(log);
        Series complete = p.series().get(0);
        Series early = p.series().get(1);
        Series best = p.series().get(2);
        assertThat(complete.size() + early.size()).isEqualTo(24);
        assertThat(early.hollow()).isTrue();
        double running = Double.NEGATIVE_INFINITY;
        int i = 0;
        for (TuningLog.Trial t : log.trials()) {
            if (t.complete()) {
                running = Math.max(running, t.score());
            }
            if (running > Double.NEGATIVE_INFINITY) {
                assertThat(best.x()[i]).isEqualTo(t.trial());
                assertThat(best.y()[i]).isEqualTo(running);
                i++;
            }
        }
        assertThat(best.size()).isEqualTo(i);
        assertThat(best.y()[i - 1]).isEqualTo(0.0591);
    }

    @Test
    void parameterChartsPickTheirAxis() {
        TuningLog log = TuningLog.read(TuningLogTest.fixture());
        List<Plot> plots = ReportCharts.tuningParameters(log);
        assertThat(plots).extracting(Plot::id).containsExactly("tuning-dim", "tuning-window", "tuning-negative",
                "tuning-ns-exponent", "tuning-sample", "tuning-epochs", "tuning-min-count", "tuning-alpha");
        Plot window = plots.get(1);
        assertThat(window.xScale()).isEqualTo(Plot.Scale.CATEGORY);
        assertThat(window.categories()).containsExactly("5", "10", "20", "all"); // numbers in order, then words
        Plot sample = plots.get(4);
        assertThat(sample.categories()).containsExactly("0", "1e-5", "1e-4", "0.001");
        assertThat(plots.get(3).xScale()).isEqualTo(Plot.Scale.LINEAR); // ns_exponent: many values, some negative
        for (Plot p : plots) {
            assertThat(p.pointCount()).isEqualTo(24);
        }
        // A positive parameter spanning 100x or more gets a log axis.
        TuningLog wide = new TuningLog(java.util.stream.IntStream.range(0, 12).mapToObj(i -> new TuningLog.Trial(i,
                Map.of("alpha", Math.pow(10, -4 + i * 0.3)), "o", i, 1, 1, "complete")).toList(), null);
        assertThat(ReportCharts.tuningParameter(wide, "alpha").xScale()).isEqualTo(Plot.Scale.LOG);
    }

    @Test
    void slugsAreFileNameSafe() {
        assertThat(ReportCharts.slug("ns_exponent")).isEqualTo("ns-exponent");
        assertThat(ReportCharts.slug("Walk Length/2")).isEqualTo("walk-length-2");
        assertThat(ReportCharts.slug("__")).isEqualTo("param");
    }
}
