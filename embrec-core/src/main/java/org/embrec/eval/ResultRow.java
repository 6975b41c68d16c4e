package org.embrec.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.embrec.model.UserVectors;

/**
 * One row of an evaluation report: a model on a task, over all test cases or a slice.
 *
 * @param model the {@code --algo} value or a baseline's name
 * @param task {@code i2i} or {@code u2i}
 * @param slice null for all test cases, else the slice's name ({@code cold})
 * @param hr HR@K (mean over seeds when {@code seeds > 1})
 * @param ndcg NDCG@K (mean over seeds when {@code seeds > 1})
 * @param coverage share of cases not forced to miss (mean over seeds)
 * @param trainSeconds seconds to train or build the model (mean over seeds); NaN on slice rows
 * @param cases test cases counted
 * @param seeds seeds averaged (1: a single run, no standard deviations)
 * @param hrStd sample standard deviation of HR over seeds (n - 1 denominator); NaN when seeds == 1
 * @param ndcgStd as {@code hrStd} for NDCG
 * @param hrCi95 Wilson 95% interval of HR over test cases, {@code [low, high]}
 * @param userVectors the user-vector rule of an embedding model's u2i row ({@code mean}, ...);
 *     null on other rows
 * @param ndcgCi95 normal-approximation 95% interval of NDCG over test cases, or null
 * @param hrAtK HR@1 .. HR@n ({@code hrAtK[K-1]} = HR@K, means over seeds), or null
 * @param lists beyond-accuracy figures of the top-K lists, or null
 * @param paired the paired test against the best baseline of the task, or null
 * @param settings a tuned baseline's settings for this task (name to number or text, in a fixed
 *     order; chosen on the validation split or fixed by flags), or null on other rows
 */
public record ResultRow(String model, String task, String slice, double hr, double ndcg, double coverage,
        double trainSeconds, int cases, int seeds, double hrStd, double ndcgStd, double[] hrCi95,
        String userVectors, double[] ndcgCi95, double[] hrAtK, ListStats lists, PairedTest.Result paired,
        Map<String, Object> settings) {
    public ResultRow {
        settings = settings == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** A row without a user-vector rule. */
    public ResultRow(String model, String task, String slice, double hr, double ndcg, double coverage,
            double trainSeconds, int cases, int seeds, double hrStd, double ndcgStd, double[] hrCi95) {
        this(model, task, slice, hr, ndcg, coverage, trainSeconds, cases, seeds, hrStd, ndcgStd, hrCi95, null);
    }

    /** A row of PROTOCOL.md's figures only. */
    public ResultRow(String model, String task, String slice, double hr, double ndcg, double coverage,
            double trainSeconds, int cases, int seeds, double hrStd, double ndcgStd, double[] hrCi95,
            String userVectors) {
        this(model, task, slice, hr, ndcg, coverage, trainSeconds, cases, seeds, hrStd, ndcgStd, hrCi95,
                userVectors, null, null, null, null, null);
    }

    /** This row with the given user-vector rule name (null: none). */
    public ResultRow withUserVectors(String rule) {
        return new ResultRow(model, task, slice, hr, ndcg, coverage, trainSeconds, cases, seeds, hrStd, ndcgStd,
                hrCi95, rule, ndcgCi95, hrAtK, lists, paired, settings);
    }

    /** This row with the per-case details: NDCG interval, HR@K curve and list figures (each may be null). */
    public ResultRow withDetails(double[] newNdcgCi95, double[] newHrAtK, ListStats newLists) {
        return new ResultRow(model, task, slice, hr, ndcg, coverage, trainSeconds, cases, seeds, hrStd, ndcgStd,
                hrCi95, userVectors, newNdcgCi95, newHrAtK, newLists, paired, settings);
    }

    /** This row with a paired test against a baseline (null: none). */
    public ResultRow withPaired(PairedTest.Result test) {
        return new ResultRow(model, task, slice, hr, ndcg, coverage, trainSeconds, cases, seeds, hrStd, ndcgStd,
                hrCi95, userVectors, ndcgCi95, hrAtK, lists, test, settings);
    }

    /** This row with a tuned baseline's settings (null: none). */
    public ResultRow withSettings(Map<String, Object> newSettings) {
        return new ResultRow(model, task, slice, hr, ndcg, coverage, trainSeconds, cases, seeds, hrStd, ndcgStd,
                hrCi95, userVectors, ndcgCi95, hrAtK, lists, paired, newSettings);
    }
}
