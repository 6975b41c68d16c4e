package org.embrec.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.embrec.data.Catalog;

/**
 * Title search for autocomplete: an in-memory Lucene index of catalog titles (lower-cased,
 * accents folded, the year a word of its own). A query matches titles containing every query
 * word exactly, as a prefix (the last word, while the user is typing) or with a typo (words of 4+
 * letters one edit, 8+ two); when no title has all words, titles with most of them are returned.
 * Best first: Lucene's BM25 score, then items with a vector, then shorter titles.
 *
 * <p>Immutable after construction and thread-safe.
 */
public final class TitleSearch {
    /** One search hit: the item and its relevance (higher is better). */
    public record Hit(Catalog.Item item, float score) {}

    private static final String TITLE = "title";
    private static final String ORD = "ord";
    private static final int MAX_QUERY_WORDS = 12;

    private final Analyzer analyzer = new TitleAnalyzer();
    private final List<Catalog.Item> items;
    private final boolean[] hasVector;
    private final IndexSearcher searcher;

    /**
     * Indexes the titles of {@code items}.
     *
     * @param hasVector whether an item id has a vector in some served model (such items rank first
     *     among equally good matches)
     */
    public TitleSearch(List<Catalog.Item> items, Predicate<String> hasVector) {
        this.items = List.copyOf(items);
        this.hasVector = new boolean[this.items.size()];
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (int i = 0; i < this.items.size(); i++) {
                Catalog.Item item = this.items.get(i);
                this.hasVector[i] = hasVector.test(item.id());
                Document doc = new Document();
                doc.add(new TextField(TITLE, item.title() == null ? "" : item.title(), Field.Store.NO));
                doc.add(new StoredField(ORD, i));
                writer.addDocument(doc);
            }
            writer.commit();
            this.searcher = new IndexSearcher(DirectoryReader.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the in-memory title index", e);
        }
    }

    /** Number of indexed titles. */
    public int size() {
        return items.size();
    }

    /**
     * The best {@code limit} titles for a query, best first; empty when the query has no words.
     *
     * @param query what the user typed so far; a trailing space means the last word is complete
     */
    public List<Hit> search(String query, int limit) {
        List<String> words = words(query);
        if (words.isEmpty()) {
            return List.of();
        }
        boolean typing = !Character.isWhitespace(query.charAt(query.length() - 1));
        try {
            List<Hit> hits = run(build(words, typing, true), limit);
            return hits.isEmpty() && words.size() > 1 ? run(build(words, typing, false), limit) : hits;
        } catch (IOException e) {
            throw new UncheckedIOException("title search failed", e);
        }
    }

    private Query build(List<String> words, boolean typing, boolean all) {
        BooleanQuery.Builder top = new BooleanQuery.Builder();
        for (int i = 0; i < words.size(); i++) {
            top.add(wordQuery(words.get(i), typing && i == words.size() - 1), all ? Occur.MUST : Occur.SHOULD);
        }
        if (!all) {
            top.setMinimumNumberShouldMatch((words.size() + 1) / 2);
        }
        return top.build();
    }

    /** Exact word, else prefix (while typing), else one or two typos; exact matches weigh most. */
    private static Query wordQuery(String w, boolean prefix) {
        Term term = new Term(TITLE, w);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        any.add(new BoostQuery(new TermQuery(term), 3f), Occur.SHOULD);
        if (prefix) {
            any.add(new BoostQuery(new PrefixQuery(term), 2f), Occur.SHOULD);
        }
        if (w.length() >= 4) {
            int edits = w.length() >= 8 ? 2 : 1;
            any.add(new FuzzyQuery(term, edits, 1), Occur.SHOULD);
        }
        return any.build();
    }

    private List<Hit> run(Query query, int limit) throws IOException {
        // Fetch extra hits so the tie-breaks below can reorder equally scored titles.
        ScoreDoc[] docs = searcher.search(query, Math.max(limit * 4, 40)).scoreDocs;
        StoredFields stored = searcher.storedFields();
        List<Ranked> ranked = new ArrayList<>(docs.length);
        for (ScoreDoc d : docs) {
            ranked.add(new Ranked(stored.document(d.doc).getField(ORD).numericValue().intValue(), d.score));
        }
        ranked.sort(Comparator.comparingDouble((Ranked r) -> -r.score())
                .thenComparing(r -> !hasVector[r.ord()])
                .thenComparingInt(r -> titleLength(items.get(r.ord()))));
        List<Hit> hits = new ArrayList<>(Math.min(limit, ranked.size()));
        for (int i = 0; i < ranked.size() && i < limit; i++) {
            hits.add(new Hit(items.get(ranked.get(i).ord()), ranked.get(i).score()));
        }
        return hits;
    }

    private record Ranked(int ord, float score) {}

    private static int titleLength(Catalog.Item item) {
        return item.title() == null ? 0 : item.title().length();
    }

    /** The query's words as the index analyses titles. */
    List<String> words(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(TITLE, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && out.size() < MAX_QUERY_WORDS) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Standard tokenizer, lower case, accents folded; no stop words ("the" may be what you look for). */
    private static final class TitleAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream sink = new ASCIIFoldingFilter(new LowerCaseFilter(source));
            return new TokenStreamComponents(source, sink);
        }
    }
}
