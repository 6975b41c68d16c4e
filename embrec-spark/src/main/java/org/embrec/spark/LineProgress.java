package org.embrec.spark;

import java.io.PrintWriter;
import org.embrec.Progress;

/**
 * Progress as one line per finished stage on a writer (stderr), e.g.
 * {@code embrec-spark: training: 3,650 items x 100 dims ...}; intermediate updates are dropped
 * (Spark's own logs cover them). Thread-safe.
 */
public final class LineProgress implements Progress {
    private final PrintWriter err;
    private final boolean quiet;

    public LineProgress(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public void update(String task, long done, long total, String detail) {
        // stage lines only
    }

    @Override
    public synchronized void done(String task, String summary) {
        if (!quiet) {
            err.println("embrec-spark: " + task + (summary.isEmpty() ? "" : ": " + summary));
            err.flush();
        }
    }
}
