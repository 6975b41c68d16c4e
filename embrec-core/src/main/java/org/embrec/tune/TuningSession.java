package org.embrec.tune;

import java.util.Objects;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.data.Catalog;
import org.embrec.eval.LeaveLastOutSplit;
import org.embrec.eval.Split;
import org.embrec.sequence.Sequences;

/**
 * PROTOCOL.md's tuning: splits the liked sequences into test and validation splits, tunes on
 * the validation split only (its training sequences hold neither test nor validation targets,
 * and its catalog has no tag a test or validation user put on their own target), then measures
 * the winner once on the test split. Thread-safe to construct; {@link #run} once per call site.
 */
public final class TuningSession {
    /** The outcome: all runs, the winner, and its validation and test scores. */
    public record Outcome(Tuner.Result tuning, int[] rungs, TrialScores validation, TrialScores test,
            int validationCases, int testCases, double seconds) {
        /** The winning settings, epochs included. */
        public HyperParameters best() {
            return tuning.best().point();
        }
    }

    /** Default cap on the cases scored per run (validation) and at the end (test). */
    public static final int DEFAULT_MAX_CASES = 5000;

    private final Split test;
    private final Split validation;
    private final Catalog testCatalog;
    private final Catalog validationCatalog;

    /**
     * @param liked the liked sequences in time order
     * @param catalog item metadata (may be empty)
     * @param maxCases score at most this many validation cases per run, and test cases at the
     *     end (a seeded sample; training always uses every sequence)
     * @param seed seed of the case samples
     */
    public TuningSession(Sequences liked, Catalog catalog, int maxCases, long seed) {
        Split fullTest = LeaveLastOutSplit.split(liked);
        Split fullValidation = LeaveLastOutSplit.validation(fullTest);
        if (fullValidation.testUsers() == 0) {
            throw new EmbrecException("no user has " + (LeaveLastOutSplit.MIN_TEST_LENGTH + 1)
                    + " or more liked items: nothing to tune on (the validation split needs them)");
        }
        if (maxCases < 1) {
            throw new EmbrecException("--max-cases must be >= 1, got " + maxCases);
        }
        // catalogs first, from the full splits: every test and validation target's own tags go
        this.testCatalog = fullTest.trainingData(catalog).catalog();
        this.validationCatalog = fullValidation.trainingData(testCatalog).catalog();
        this.test = fullTest.sampleCases(maxCases, seed);
        this.validation = fullValidation.sampleCases(maxCases, seed + 1);
    }

    /** The split tuning trains and scores on. */
    public Split validationSplit() {
        return validation;
    }

    /** The split the winner is measured on once. */
    public Split testSplit() {
        return test;
    }

    /**
     * Tunes, then measures the winner on the test split.
     *
     * @param defaults every setting's value when neither sampled nor fixed
     * @param fixed settings the search leaves alone (the user's flags)
     * @param threads threads each run trains and ranks with
     * @param measureTest false to skip the test measurement ({@code train --auto} trains on all data)
     */
    public Outcome run(SearchSpace space, HyperParameters defaults, HyperParameters fixed, int baseEpochs,
            TrialEvaluator.AlgorithmFactory factory,
            Tuner.Options options, int k, int threads, boolean measureTest, Tuner.Listener listener,
            Progress progress) {
        Objects.requireNonNull(listener, "listener");
        long t0 = System.nanoTime();
        TrialEvaluator onValidation = new TrialEvaluator(validation, validationCatalog, factory, k, threads);
        Tuner tuner = new Tuner(space, defaults, fixed, baseEpochs, onValidation, options);
        Tuner.Result result = tuner.run(listener, progress);
        TrialResult best = result.best();
        TrialScores testScores = null;
        if (measureTest) {
            TrialEvaluator onTest = new TrialEvaluator(test, testCatalog, factory, k,
                    Math.max(threads, options.parallel()));
            testScores = onTest.score(best.point(), options.seed() + best.config(), progress);
        }
        return new Outcome(result, tuner.rungs(), best.scores(), testScores, validation.testUsers(),
                test.testUsers(), (System.nanoTime() - t0) / 1e9);
    }
}
