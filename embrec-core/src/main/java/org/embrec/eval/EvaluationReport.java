package org.embrec.eval;

import java.util.List;

/**
 * The result of {@code evaluate}: PROTOCOL.md's "Machine-readable output" as a value. Render it
 * with {@link ReportFormat}.
 *
 * @param dataset the dataset's name
 * @param protocol always {@code leave-last-out}
 * @param k the cut-off of every HR and NDCG figure
 * @param testUsers number of test cases
 * @param results one row per model, task and slice
 */
public record EvaluationReport(String dataset, String protocol, int k, int testUsers, List<ResultRow> results) {
    /** The protocol's name in reports. */
    public static final String PROTOCOL = "leave-last-out";

    public EvaluationReport {
        results = List.copyOf(results);
    }

    /** The row of a model and task over all cases, or null. */
    public ResultRow row(String model, Task task) {
        return row(model, task, null);
    }

    /**
     * The row of a model, task, slice (null: all cases) and user-vector rule name (as
     * {@link ResultRow#userVectors()}), or null.
     */
    public ResultRow row(String model, Task task, String slice, String userVectors) {
        for (ResultRow r : results) {
            if (r.model().equals(model) && r.task().equals(task.key())
                    && (slice == null ? r.slice() == null : slice.equals(r.slice()))
                    && userVectors.equals(r.userVectors())) {
                return r;
            }
        }
        return null;
    }

    /**
     * The row of a model, task and slice (null: all cases), or null; for u2i with several
     * user-vector rules, the first (the default rule's).
     */
    public ResultRow row(String model, Task task, String slice) {
        for (ResultRow r : results) {
            if (r.model().equals(model) && r.task().equals(task.key())
                    && (slice == null ? r.slice() == null : slice.equals(r.slice()))) {
                return r;
            }
        }
        return null;
    }
}
