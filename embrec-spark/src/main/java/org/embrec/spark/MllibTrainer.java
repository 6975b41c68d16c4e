package org.embrec.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.mllib.feature.Word2Vec;
import org.apache.spark.mllib.feature.Word2VecModel;
import org.embrec.EmbrecException;
import org.embrec.data.IdMap;
import org.embrec.vectors.EmbeddingStore;
import scala.Tuple2;

/**
 * Trains item vectors with Spark MLlib's {@code Word2Vec} (skip-gram, hierarchical softmax) and
 * hands them back as an {@link EmbeddingStore}, items ordered by training count (descending,
 * then id).
 *
 * <p>Before MLlib runs, embrec counts the vocabulary on the cluster and enforces what MLlib
 * would otherwise fail on late or silently: MLlib keeps two {@code float[vocab x dim]} arrays in
 * one Java array each (so vocab x dim x 8 must stay below 2^31), and {@code --max-vocab} (which
 * MLlib lacks) removes the less frequent items from the corpus before any window is formed.
 * Stateless.
 */
public final class MllibTrainer {
    /** MLlib's bound: it refuses vocab x dim x 8 >= Integer.MAX_VALUE. */
    static final long MAX_VOCAB_TIMES_DIM = (Integer.MAX_VALUE - 1L) / 8;

    /** The trained vectors with the corpus figures. */
    public record Result(EmbeddingStore vectors, long rawTokens, long trainedTokens, double seconds) {}

    private MllibTrainer() {}

    /**
     * @param corpus sequences of item ids (persisted by the caller: it is read more than once)
     * @throws EmbrecException when no item reaches --min-count, or the vocabulary is too large
     *     for MLlib at this --dim (the message says which --min-count or --max-vocab fits)
     */
    public static Result train(JavaRDD<List<String>> corpus, MllibConfig config) {
        long t0 = System.nanoTime();
        List<Tuple2<String, Long>> counts = new ArrayList<>(corpus.flatMap(List::iterator)
                .mapToPair(item -> new Tuple2<>(item, 1L)).reduceByKey(Long::sum)
                .collect());
        long rawTokens = 0;
        for (Tuple2<String, Long> c : counts) {
            rawTokens += c._2();
        }
        counts.removeIf(c -> c._2() < config.minCount());
        counts.sort(Comparator.comparing((Tuple2<String, Long> c) -> -c._2()).thenComparing(Tuple2::_1));
        if (counts.isEmpty()) {
            throw new EmbrecException("no item occurs --min-count " + config.minCount()
                    + " times in the training sequences: nothing to train (lower --min-count)");
        }
        JavaRDD<List<String>> input = corpus;
        if (config.maxVocab() > 0 && counts.size() > config.maxVocab()) {
            counts = new ArrayList<>(counts.subList(0, config.maxVocab()));
            Set<String> keep = new HashSet<>();
            counts.forEach(c -> keep.add(c._1()));
            Broadcast<Set<String>> kept = JavaSparkContext.fromSparkContext(corpus.context()).broadcast(keep);
            input = corpus.map(s -> retained(s, kept.value())).filter(s -> !s.isEmpty());
        }
        checkSize(counts, config);
        long trainedTokens = 0;
        for (Tuple2<String, Long> c : counts) {
            trainedTokens += c._2();
        }
        Word2VecModel model = new Word2Vec()
                .setVectorSize(config.dim())
                .setWindowSize(config.window())
                .setMinCount(config.minCount())
                .setNumIterations(config.epochs())
                .setLearningRate(config.alpha())
                .setNumPartitions(config.partitions())
                .setMaxSentenceLength(config.maxSentenceLength())
                .setSeed(config.seed())
                .fit(input);
        String[] ids = new String[counts.size()];
        float[] matrix = new float[Math.multiplyExact(counts.size(), config.dim())];
        scala.collection.Map<String, float[]> vectors = model.getVectors();
        for (int i = 0; i < ids.length; i++) {
            ids[i] = counts.get(i)._1();
            float[] v = vectors.get(ids[i]).get();
            System.arraycopy(v, 0, matrix, i * config.dim(), config.dim());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result(EmbeddingStore.of(IdMap.of(ids), matrix, config.dim()), rawTokens, trainedTokens, seconds);
    }

    private static List<String> retained(List<String> sequence, Set<String> keep) {
        List<String> out = new ArrayList<>(sequence.size());
        for (String item : sequence) {
            if (keep.contains(item)) {
                out.add(item);
            }
        }
        return out;
    }

    /** Fails with what fits when vocab x dim is beyond MLlib's single-array bound. */
    static void checkSize(List<Tuple2<String, Long>> vocabByCount, MllibConfig config) {
        long vocab = vocabByCount.size();
        if (vocab * config.dim() <= MAX_VOCAB_TIMES_DIM) {
            return;
        }
        int fits = (int) (MAX_VOCAB_TIMES_DIM / config.dim());
        long minCount = vocabByCount.get(fits)._2() + 1;
        throw new EmbrecException(String.format(Locale.ROOT, "vocabulary of %,d items x --dim %d = %,d floats is beyond"
                + " MLlib Word2Vec's limit of %,d (one Java array per weight matrix): give --max-vocab %d, or"
                + " --min-count %d, or a smaller --dim", vocab, config.dim(), vocab * config.dim(),
                MAX_VOCAB_TIMES_DIM, fits, minCount));
    }
}
