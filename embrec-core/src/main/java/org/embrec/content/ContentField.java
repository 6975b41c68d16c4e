package org.embrec.content;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.embrec.EmbrecException;

/**
 * The parts of an item's metadata that become content tokens ({@code --content-fields}): title
 * words, the release year, genres, user tags and the catalogue's own attributes.
 */
public enum ContentField {
    /** Title words, analysed with Lucene (tokenised, lower-cased, ASCII-folded, English stop words removed). */
    TITLE("title"),
    /** The release year as one token {@code year:1999}. */
    YEAR("year"),
    /** One {@code genre:NAME} token per genre. */
    GENRES("genres"),
    /** One {@code tag:NAME} token per distinct normalised user tag. */
    TAGS("tags"),
    /**
     * The catalogue's attributes ({@code --item-columns NAME=C[:KIND]}): one {@code NAME:VALUE}
     * token per category or list value, the analysed words of a text; numbers are no tokens.
     */
    ATTRIBUTES("attributes");

    private final String key;

    ContentField(String key) {
        this.key = key;
    }

    /** The name used on the command line and in manifests. */
    public String key() {
        return key;
    }

    /** Every field: the default of {@code --content-fields}. */
    public static Set<ContentField> all() {
        return EnumSet.allOf(ContentField.class);
    }

    /**
     * Parses a comma-separated list such as {@code title,year,genres,tags}.
     *
     * @throws EmbrecException naming {@code --content-fields} on an unknown or empty list
     */
    public static Set<ContentField> parse(String text) {
        EnumSet<ContentField> out = EnumSet.noneOf(ContentField.class);
        for (String part : text.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            ContentField f = null;
            for (ContentField c : values()) {
                if (c.key.equals(p) || (c == GENRES && p.equals("genre")) || (c == TAGS && p.equals("tag"))
                        || (c == ATTRIBUTES && p.equals("attrs"))) {
                    f = c;
                }
            }
            if (f == null) {
                throw new EmbrecException("--content-fields: unknown field '" + part.trim()
                        + "' (use any of title, year, genres, tags, attributes)");
            }
            out.add(f);
        }
        if (out.isEmpty()) {
            throw new EmbrecException("--content-fields must name at least one of title, year, genres, tags, attributes");
        }
        return out;
    }

    /** The fields as the comma-separated text {@link #parse} reads. */
    public static String format(Set<ContentField> fields) {
        StringBuilder sb = new StringBuilder();
        for (ContentField f : values()) {
            if (fields.contains(f)) {
                sb.append(sb.length() == 0 ? "" : ",").append(f.key);
            }
        }
        return sb.toString();
    }
}
