package org.embrec.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.embrec.data.Catalog;
import org.embrec.data.IdMap;
import org.embrec.sequence.Sequences;

/**
 * Every item's content tokens as a corpus for the word2vec trainer: document {@code d} holds the
 * distinct tokens of item {@link #items()}{@code .external(d)} (a bag: the order carries no
 * meaning), as dense ids of the token map {@code documents().itemIds()}. Only items with at least
 * one token have a document: the catalog's items in catalog order, then items known only from
 * tags, in the order their first tag appears.
 *
 * <p>Immutable and thread-safe. Tags are taken as given: callers that evaluate must pass a
 * catalog whose tags exclude the test targets' (PROTOCOL.md; see
 * {@code org.embrec.eval.Split#withoutTargetTags}).
 */
public final class ContentCorpus {
    private final Sequences documents;
    private final IdMap items;
    private final Set<ContentField> fields;

    private ContentCorpus(Sequences documents, IdMap items, Set<ContentField> fields) {
        this.documents = documents;
        this.items = items;
        this.fields = fields;
    }

    /** Tokenises the catalog's items and tags with the given fields. */
    public static ContentCorpus build(Catalog catalog, Set<ContentField> fields) {
        Objects.requireNonNull(catalog, "catalog");
        Set<ContentField> f = Set.copyOf(fields);
        Map<String, List<String>> tagsByItem = new LinkedHashMap<>();
        if (f.contains(ContentField.TAGS)) {
            for (Catalog.Tag t : catalog.tags()) {
                tagsByItem.computeIfAbsent(t.item(), k -> new ArrayList<>()).add(t.tag());
            }
        }
        IdMap.Builder itemIds = new IdMap.Builder(catalog.size());
        IdMap.Builder tokenIds = new IdMap.Builder();
        int[] offsets = new int[16];
        int[] tokens = new int[1024];
        int docs = 0;
        int size = 0;
        try (ItemTokenizer tokenizer = new ItemTokenizer()) {
            List<String> order = new ArrayList<>(catalog.size() + tagsByItem.size());
            for (Catalog.Item it : catalog.items()) {
                order.add(it.id());
            }
            for (String id : tagsByItem.keySet()) {
                if (catalog.get(id) == null) {
                    order.add(id);
                }
            }
            for (String id : order) {
                List<String> doc = tokenizer.tokens(catalog.get(id), tagsByItem.getOrDefault(id, List.of()), f,
                        catalog.attributes());
                if (doc.isEmpty()) {
                    continue;
                }
                itemIds.add(id);
                if (size + doc.size() > tokens.length) {
                    tokens = Arrays.copyOf(tokens, Math.max(tokens.length * 2, size + doc.size()));
                }
                for (String t : doc) {
                    tokens[size++] = tokenIds.add(t);
                }
                if (docs + 2 > offsets.length) {
                    offsets = Arrays.copyOf(offsets, offsets.length * 2);
                }
                offsets[++docs] = size;
            }
        }
        Sequences documents = new Sequences(Arrays.copyOf(offsets, docs + 1), Arrays.copyOf(tokens, size), null,
                tokenIds.build(), null);
        return new ContentCorpus(documents, itemIds.build(), f);
    }

    /** One document per item, over the token map {@code documents().itemIds()}. */
    public Sequences documents() {
        return documents;
    }

    /** The items in document order: document {@code d} is item {@code items().external(d)}. */
    public IdMap items() {
        return items;
    }

    /** The token map (token text to dense id). */
    public IdMap tokens() {
        return documents.itemIds();
    }

    public Set<ContentField> fields() {
        return fields;
    }

    /** The tokens of an item's document as text, or an empty list when the item has none. */
    public List<String> tokensOf(String item) {
        int d = items.indexOf(item);
        if (d < 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>(documents.length(d));
        for (int p = documents.start(d); p < documents.end(d); p++) {
            out.add(tokens().external(documents.items()[p]));
        }
        return out;
    }
}
