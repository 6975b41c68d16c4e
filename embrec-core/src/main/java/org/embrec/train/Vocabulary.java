package org.embrec.train;

import java.util.Arrays;
import org.embrec.EmbrecException;
import org.embrec.data.IdMap;
import org.embrec.sequence.Sequences;

/**
 * The trained items: those with at least {@code minCount} occurrences in the corpus (at most
 * {@code maxVocab} of the most frequent when set), ordered by count descending, ties by item id.
 * Maps corpus item ids to vocabulary indices ({@code -1} = not in the vocabulary).
 *
 * <p>Immutable; the accessors return backing arrays that callers must not modify.
 */
public final class Vocabulary {
    private final int[] itemOf;
    private final int[] indexOfItem;
    private final long[] counts;
    private final long retainedTokens;
    private final IdMap itemIds;

    private Vocabulary(int[] itemOf, int[] indexOfItem, long[] counts, IdMap itemIds) {
        this.itemOf = itemOf;
        this.indexOfItem = indexOfItem;
        this.counts = counts;
        this.itemIds = itemIds;
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        this.retainedTokens = sum;
    }

    /**
     * Counts the corpus and keeps items with count >= minCount (then the maxVocab most frequent).
     *
     * @throws EmbrecException when no item reaches minCount
     */
    public static Vocabulary build(Sequences corpus, int minCount, int maxVocab) {
        long[] all = corpus.tokenCounts();
        int n = 0;
        for (long c : all) {
            if (c >= minCount) {
                n++;
            }
        }
        if (n == 0) {
            long max = 0;
            for (long c : all) {
                max = Math.max(max, c);
            }
            throw new EmbrecException("--min-count " + minCount + " leaves no item to train (the most frequent item occurs "
                    + max + " times in " + corpus.tokens() + " tokens); lower --min-count or give more data");
        }
        // Sort kept items by count descending, item id ascending: pack (count, ~item) in a long.
        long[] keys = new long[n];
        int k = 0;
        for (int item = 0; item < all.length; item++) {
            if (all[item] >= minCount) {
                keys[k++] = (all[item] << 31) | (Integer.MAX_VALUE - item);
            }
        }
        Arrays.sort(keys);
        int size = maxVocab > 0 ? Math.min(maxVocab, n) : n;
        int[] itemOf = new int[size];
        long[] counts = new long[size];
        int[] indexOfItem = new int[all.length];
        Arrays.fill(indexOfItem, -1);
        for (int i = 0; i < size; i++) {
            long key = keys[n - 1 - i];
            int item = Integer.MAX_VALUE - (int) (key & Integer.MAX_VALUE);
            itemOf[i] = item;
            counts[i] = all[item];
            indexOfItem[item] = i;
        }
        return new Vocabulary(itemOf, indexOfItem, counts, corpus.itemIds());
    }

    /** Number of items in the vocabulary. */
    public int size() {
        return itemOf.length;
    }

    /** Corpus item id of vocabulary index {@code v}. */
    public int item(int v) {
        return itemOf[v];
    }

    /** Vocabulary index of a corpus item id, or -1. */
    public int indexOf(int item) {
        return item < indexOfItem.length ? indexOfItem[item] : -1;
    }

    /** Occurrences of vocabulary index {@code v} in the corpus. */
    public long count(int v) {
        return counts[v];
    }

    /** Tokens of vocabulary items in the corpus (after min-count removal). */
    public long retainedTokens() {
        return retainedTokens;
    }

    /** Item index -> vocabulary index (read-only view). */
    int[] indexOfItemArray() {
        return indexOfItem;
    }

    /** Counts by vocabulary index (read-only view). */
    long[] countsArray() {
        return counts;
    }

    /** External ids of the vocabulary, in vocabulary order. */
    public IdMap externalIds() {
        IdMap.Builder b = new IdMap.Builder(itemOf.length);
        for (int item : itemOf) {
            b.add(itemIds.external(item));
        }
        return b.build();
    }
}
