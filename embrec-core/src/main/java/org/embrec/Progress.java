package org.embrec;

/**
 * Receives progress of long work (loading, training, walks, batch search). Implementations must
 * be thread-safe and cheap: callers report at most a few times per second per worker.
 */
public interface Progress {
    /** A listener that ignores everything. */
    Progress NONE = new Progress() {
        @Override
        public void update(String task, long done, long total, String detail) {}

        @Override
        public void done(String task, String summary) {}
    };

    /**
     * @param task short name ("train", "walks", ...)
     * @param done units finished so far
     * @param total units expected (<= 0 when unknown)
     * @param detail extra text such as "1.9M tokens/s", may be empty
     */
    void update(String task, long done, long total, String detail);

    /** The task finished; {@code summary} is a one-line result (may be empty). */
    void done(String task, String summary);
}
