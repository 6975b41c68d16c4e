package org.embrec.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Malformed rows met while reading: how many, and the first few messages in file order, each
 * {@code file:line: what is wrong}. Not thread-safe (one per chunk, merged in file order).
 */
final class BadRows {
    /** How many messages are kept for the report. */
    static final int SAMPLES = 5;

    private long count;
    private final List<String> samples = new ArrayList<>();

    void add(String message) {
        count++;
        if (samples.size() < SAMPLES) {
            samples.add(message);
        }
    }

    void addAll(BadRows other) {
        for (String s : other.samples) {
            if (samples.size() < SAMPLES) {
                samples.add(s);
            }
        }
        count += other.count;
    }

    long count() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** The first message, or null. */
    String first() {
        return samples.isEmpty() ? null : samples.get(0);
    }

    List<String> samples() {
        return List.copyOf(samples);
    }
}
