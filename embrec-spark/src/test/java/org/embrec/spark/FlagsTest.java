package org.embrec.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Flags the Spark job cannot honour fail with a one-line reason and exit code 2 before Spark
 * starts (these runs have no session at all); neutral values of them pass the check.
 */
class FlagsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--negative 5|--negative 5 is not available on Spark: MLlib trains with hierarchical softmax",
        "--sample 0.001|--sample 0.001 is not available on Spark: MLlib does not down-sample",
        "--ns-exponent 0.5|--ns-exponent is not available on Spark",
        "--min-alpha 0.001|--min-alpha is not available on Spark: MLlib decays the learning rate to --alpha x 1e-4",
        "--architecture cbow|--architecture cbow is not available on Spark: MLlib has skip-gram only",
        "--no-shrink-windows|--no-shrink-windows is not available on Spark",
        "--threads 4|--threads is not available on Spark",
        "--loss|--loss is not available on Spark",
        "--no-shared-negatives|--[no-]shared-negatives is not available on Spark",
        "--dim 0|--dim must be in 1..4096, got 0",
        "--train-partitions 0|--train-partitions must be in 1..10000, got 0",
        "--algo node2vec|--algo node2vec is not available on Spark",
        "--algo word2vec|--algo must be item2vec, deepwalk or als, got 'word2vec'",
        "--als-alpha 10|--als-alpha apply to --algo als, not item2vec",
        "--algo als --window 5|--window apply to item2vec and deepwalk, not als",
        "--algo als --reg 0|--reg must be a number in (0, 1e9], got 0.0",
        "--algo als --iterations 0|--iterations must be in 1..1000, got 0",
        "--algo als --als-alpha -1|--als-alpha must be a number in [0, 1e6], got -1.0",
        "--walk-length 5|--walk-length apply to --algo deepwalk, not item2vec",
        "--format orc|--format must be csv, parquet or movielens, got 'orc'",
        "--liked most|--liked must be mean, user-mean, all, >=X, >X or top:P% (0 < P <= 100), got 'most'",
        "--k 0 --evaluate|--k must be >= 1, got 0",
    })
    void unsupportedOrInvalidFlagsAreRefusedWithTheReason(String flags, String message) {
        String[] args = (flags + " --out /tmp/never-written --data " + TestSpark.bundled()).split(" ");
        TestSpark.Run run = TestSpark.refused(args);
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("embrec: error: " + message).doesNotContain("\tat ");
        assertThat(run.err().lines().count()).isOne();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void neutralValuesOfTheGensimFlagsAreAccepted() {
        TrainJob job = new TrainJob();
        new CommandLine(job).parseArgs("--out", "x", "--negative", "0", "--sample", "0", "--architecture", "skip-gram",
                "--shrink-windows", "--dim", "32");
        job.job.validate();
        MllibConfig c = job.job.word2vec();
        assertThat(c.dim()).isEqualTo(32);
        assertThat(c.minAlpha()).isEqualTo(0.025 * 1e-4);
    }

    @Test
    void formatIsGuessedFromThePath() {
        assertThat(InputFormat.guess("s3a://lake/events.parquet", false, false)).isEqualTo(InputFormat.PARQUET);
        assertThat(InputFormat.guess("hdfs:///events", false, true)).isEqualTo(InputFormat.PARQUET);
        assertThat(InputFormat.guess("data/ml-latest-small", true, false)).isEqualTo(InputFormat.MOVIELENS);
        assertThat(InputFormat.guess("plays.tsv", false, false)).isEqualTo(InputFormat.CSV);
    }

    @Test
    void vocabularyBeyondMllibsArrayBoundSaysWhatFits() {
        java.util.List<scala.Tuple2<String, Long>> vocab = new java.util.ArrayList<>();
        int n = (int) (MllibTrainer.MAX_VOCAB_TIMES_DIM / 1000) + 5;
        for (int i = 0; i < n; i++) {
            vocab.add(new scala.Tuple2<>("i" + i, (long) (n - i)));
        }
        MllibConfig config = new MllibConfig(1000, 5, 5, 0, 5, 0.025, 1, 1000, 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MllibTrainer.checkSize(vocab, config))
                .hasMessage(String.format(java.util.Locale.ROOT, "vocabulary of %,d items x --dim 1000 = %,d floats is"
                        + " beyond MLlib Word2Vec's limit of %,d (one Java array per weight matrix): give --max-vocab %d,"
                        + " or --min-count %d, or a smaller --dim", n, n * 1000L, MllibTrainer.MAX_VOCAB_TIMES_DIM,
                        n - 5, 6));
        MllibTrainer.checkSize(vocab.subList(0, n - 5), config); // fits
    }
}
