package org.embrec.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.embrec.data.Catalog;
import org.embrec.data.IdMap;
import org.embrec.pipeline.TrainingData;
import org.embrec.sequence.Sequences;

/**
 * A leave-last-out split (PROTOCOL.md, "Split"): the training sequences every model and
 * baseline learns from, and the held-out test cases.
 *
 * <p>Immutable and thread-safe.
 *
 * @param training one sequence per input sequence, without the held-out targets, with the
 *     input's id maps
 * @param cases one case per input sequence of length >= 3
 */
public record Split(Sequences training, TestCases cases) {
    public Split {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(cases, "cases");
        if (cases.training() != training) {
            throw new IllegalArgumentException("cases must refer to the training sequences");
        }
    }

    /** Number of test cases (PROTOCOL.md's {@code test_users}). */
    public int testUsers() {
        return cases.size();
    }

    /**
     * The same training sequences with at most {@code max} of the cases, a seeded uniform sample
     * kept in case order (all cases when there are no more than {@code max}). Scoring fewer cases
     * makes tuning trials on large data affordable; training is unchanged.
     */
    public Split sampleCases(int max, long seed) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1, got " + max);
        }
        int n = cases.size();
        if (n <= max) {
            return this;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int i = 0; i < max; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] chosen = Arrays.copyOf(order, max);
        Arrays.sort(chosen);
        int[] sequences = new int[max];
        int[] targets = new int[max];
        for (int i = 0; i < max; i++) {
            sequences[i] = cases.sequence(chosen[i]);
            targets[i] = cases.target(chosen[i]);
        }
        return new Split(training, new TestCases(training, sequences, targets));
    }

    /** Occurrences of each item in the training sequences (what min-count compares against). */
    public long[] trainingCounts() {
        return training.tokenCounts();
    }

    /**
     * The training data of this split: its training sequences, and the catalog without the tags
     * test users put on their own targets (and, for a validation split made from a test split,
     * pass the catalog already filtered for the test split: both guards then hold).
     */
    public TrainingData trainingData(Catalog catalog) {
        Map<String, Catalog.Item> items = new LinkedHashMap<>();
        for (Catalog.Item it : catalog.items()) {
            items.put(it.id(), it);
        }
        return new TrainingData(training(), new Catalog(items, withoutTargetTags(catalog.tags()), catalog.attributes()));
    }

    /**
     * The tags without those a test user put on their own target (PROTOCOL.md: content features
     * must not see the test targets). Tags of unknown users or items are kept.
     */
    public List<Catalog.Tag> withoutTargetTags(List<Catalog.Tag> tags) {
        IdMap users = training.userIds();
        if (users == null || cases.size() == 0) {
            return List.copyOf(tags);
        }
        int[] targetOfUser = new int[users.size()];
        Arrays.fill(targetOfUser, -1);
        for (int c = 0; c < cases.size(); c++) {
            targetOfUser[cases.user(c)] = cases.target(c);
        }
        IdMap items = training.itemIds();
        List<Catalog.Tag> kept = new ArrayList<>(tags.size());
        for (Catalog.Tag t : tags) {
            int u = users.indexOf(t.user());
            boolean leak = u >= 0 && targetOfUser[u] >= 0 && targetOfUser[u] == items.indexOf(t.item());
            if (!leak) {
                kept.add(t);
            }
        }
        return kept;
    }
}
