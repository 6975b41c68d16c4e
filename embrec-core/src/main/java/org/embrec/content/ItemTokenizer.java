package org.embrec.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.embrec.data.Catalog;

/**
 * Turns an item's metadata into content tokens: title words (Lucene's {@link StandardTokenizer},
 * English possessives removed, lower-cased, ASCII-folded, {@link EnglishAnalyzer} stop words
 * removed; the year in parentheses at the end of a MovieLens title is not a word), the year as
 * {@code year:1999}, genres as {@code genre:sci-fi}, user tags as {@code tag:dark_comedy}
 * (lower-cased, trimmed, runs of white space turned into {@code _}), and the catalogue's
 * attributes: a category or list value as {@code NAME:VALUE} ({@code country:de},
 * {@code tags:post-rock}, normalised the same way), a text's words as title words; numbers give
 * no token.
 *
 * <p>Thread-safe (Lucene analyzers keep per-thread token streams). Holds an analyzer: close it
 * when done.
 */
public final class ItemTokenizer implements AutoCloseable {
    /** Prefix of year tokens. */
    public static final String YEAR = "year:";
    /** Prefix of genre tokens. */
    public static final String GENRE = "genre:";
    /** Prefix of tag tokens. */
    public static final String TAG = "tag:";

    /** A trailing "(1995)" or "(2006-2007)", as MovieLens titles end. */
    private static final Pattern TRAILING_YEAR = Pattern.compile("\\s*\\((\\d{4})(?:\\s*[-\u2013]\\s*(\\d{4})?)?\\)\\s*$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** MovieLens' placeholder for an item without genres. */
    private static final String NO_GENRES = "(no genres listed)";

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream s = new EnglishPossessiveFilter(source);
            s = new LowerCaseFilter(s);
            s = new ASCIIFoldingFilter(s);
            s = new StopFilter(s, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            return new TokenStreamComponents(source, s);
        }
    };

    /**
     * The distinct tokens of an item, in field order (title, year, genres, tags), each once.
     *
     * @param item the item's metadata, or null when only its tags are known
     * @param tags raw tags users put on the item (may be empty)
     */
    public List<String> tokens(Catalog.Item item, List<String> tags, Set<ContentField> fields) {
        return tokens(item, tags, fields, List.of());
    }

    /**
     * As {@link #tokens(Catalog.Item, List, Set)}, with the catalogue's attributes after the genres
     * (in {@code schema} order) when {@code fields} has {@link ContentField#ATTRIBUTES}.
     */
    public List<String> tokens(Catalog.Item item, List<String> tags, Set<ContentField> fields,
            List<Catalog.Attribute> schema) {
        Set<String> out = new LinkedHashSet<>();
        if (item != null) {
            String title = item.title() == null ? "" : item.title();
            if (fields.contains(ContentField.TITLE)) {
                out.addAll(titleWords(title));
            }
            if (fields.contains(ContentField.YEAR)) {
                int year = item.year() != 0 ? item.year() : yearOf(title);
                if (year != 0) {
                    out.add(YEAR + year);
                }
            }
            if (fields.contains(ContentField.GENRES)) {
                for (String g : item.genres()) {
                    String t = genreToken(g);
                    if (t != null) {
                        out.add(t);
                    }
                }
            }
            if (fields.contains(ContentField.ATTRIBUTES)) {
                for (Catalog.Attribute a : schema) {
                    for (String v : item.values(a.name())) {
                        if (a.kind() == Catalog.Attribute.Kind.TEXT) {
                            out.addAll(titleWords(v));
                        } else if (a.categorical()) {
                            String n = normalise(v);
                            if (!n.isEmpty()) {
                                out.add(a.name() + ":" + n);
                            }
                        }
                    }
                }
            }
        }
        if (fields.contains(ContentField.TAGS)) {
            for (String tag : tags) {
                String t = tagToken(tag);
                if (t != null) {
                    out.add(t);
                }
            }
        }
        return List.copyOf(out);
    }

    /** The analysed words of a title, without its trailing year, in order (repeats kept). */
    public List<String> titleWords(String title) {
        List<String> words = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("title", stripYear(title))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                words.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a title in memory", e);
        }
        return words;
    }

    /** The title without a trailing "(1999)" or "(2006-2007)". */
    public static String stripYear(String title) {
        Matcher m = TRAILING_YEAR.matcher(title);
        return m.find() ? title.substring(0, m.start()) : title;
    }

    /** The first year of a trailing "(1999)" or "(2006-2007)", or 0. */
    public static int yearOf(String title) {
        Matcher m = TRAILING_YEAR.matcher(title);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** {@code genre:NAME} (normalised), or null for an empty genre or MovieLens' "(no genres listed)". */
    public static String genreToken(String genre) {
        String n = normalise(genre);
        return n.isEmpty() || n.equals(normalise(NO_GENRES)) ? null : GENRE + n;
    }

    /** {@code tag:NAME} (normalised), or null for a blank tag. */
    public static String tagToken(String tag) {
        String n = normalise(tag);
        return n.isEmpty() ? null : TAG + n;
    }

    /** Lower-cased, trimmed, runs of white space replaced by {@code _}. */
    static String normalise(String text) {
        return SPACES.matcher(text.strip().toLowerCase(Locale.ROOT)).replaceAll("_");
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
