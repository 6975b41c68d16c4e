package org.embrec.vectors;

/** One search result: row in the store (or index), its external id, and its cosine score. */
public record Neighbor(int row, String id, float score) {}
