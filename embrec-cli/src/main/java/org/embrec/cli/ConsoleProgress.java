package org.embrec.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.embrec.Progress;

/**
 * Renders {@link Progress} on stderr: a redrawn bar with rate and ETA on a terminal, else one
 * log line every few seconds (so logs of batch jobs stay readable). Thread-safe.
 */
public final class ConsoleProgress implements Progress {
    private static final long TERMINAL_INTERVAL_NS = 200_000_000L;
    private static final long LOG_INTERVAL_NS = 5_000_000_000L;

    private final PrintStream err;
    private final boolean terminal;
    private final boolean quiet;
    private long lastDraw;
    private long started;
    private String currentTask;
    private boolean lineOpen;

    public ConsoleProgress(PrintStream err, boolean terminal, boolean quiet) {
        this.err = err;
        this.terminal = terminal;
        this.quiet = quiet;
    }

    /** Bar on a terminal, log lines otherwise; silent with {@code quiet}. */
    public static Progress stderr(boolean quiet) {
        return new ConsoleProgress(System.err, System.console() != null && System.getenv("CI") == null, quiet);
    }

    @Override
    public synchronized void update(String task, long done, long total, String detail) {
        if (quiet) {
            return;
        }
        long now = System.nanoTime();
        if (!task.equals(currentTask)) {
            currentTask = task;
            started = now;
            lastDraw = now;
            if (!terminal) {
                return;
            }
        }
        long interval = terminal ? TERMINAL_INTERVAL_NS : LOG_INTERVAL_NS;
        if (now - lastDraw < interval) {
            return;
        }
        lastDraw = now;
        double frac = total > 0 ? Math.min(1.0, (double) done / total) : -1;
        double elapsed = (now - started) / 1e9;
        String eta = frac > 0.001 ? formatSeconds(elapsed / frac - elapsed) : "?";
        String pct = frac >= 0 ? String.format(Locale.ROOT, "%5.1f%%", frac * 100) : "";
        if (terminal) {
            int width = 30;
            int filled = frac >= 0 ? (int) Math.round(frac * width) : 0;
            String bar = "#".repeat(filled) + "-".repeat(width - filled);
            err.print(String.format(Locale.ROOT, "\r%-8s [%s] %s %s ETA %s   ", task, bar, pct, detail, eta));
            lineOpen = true;
        } else {
            err.println(String.format(Locale.ROOT, "[%s] %s %s ETA %s", task, pct.trim(), detail, eta));
        }
        err.flush();
    }

    @Override
    public synchronized void done(String task, String summary) {
        if (quiet) {
            return;
        }
        if (lineOpen) {
            err.print("\r" + " ".repeat(100) + "\r");
            lineOpen = false;
        }
        if (summary != null && !summary.isEmpty()) {
            err.println("[" + task + "] " + summary);
        }
        currentTask = null;
        err.flush();
    }

    static String formatSeconds(double s) {
        if (s < 60) {
            return String.format(Locale.ROOT, "%.0fs", s);
        }
        long m = (long) (s / 60);
        return m < 60 ? String.format(Locale.ROOT, "%dm%02ds", m, (long) s % 60)
                : String.format(Locale.ROOT, "%dh%02dm", m / 60, m % 60);
    }
}
