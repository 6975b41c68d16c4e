package org.embrec.eval;

import org.embrec.data.IdMap;
import org.embrec.data.Interactions;
import org.embrec.sequence.LikedFilter;
import org.embrec.sequence.SequenceBuilder;
import org.embrec.sequence.Sequences;

/** Small hand-made inputs for evaluation tests. */
final class Fixtures {
    private Fixtures() {}

    /**
     * Interactions from rows {@code "user item rating time"} (file order = array order), liked
     * and ordered by PROTOCOL.md's rules (rating above the global mean; time, then file row).
     */
    static Sequences liked(String... rows) {
        return SequenceBuilder.build(interactions(rows), LikedFilter.DEFAULT);
    }

    static Interactions interactions(String... rows) {
        IdMap.Builder users = new IdMap.Builder();
        IdMap.Builder items = new IdMap.Builder();
        int n = rows.length;
        int[] u = new int[n];
        int[] i = new int[n];
        float[] r = new float[n];
        long[] t = new long[n];
        for (int k = 0; k < n; k++) {
            String[] f = rows[k].trim().split("\\s+");
            u[k] = users.add(f[0]);
            i[k] = items.add(f[1]);
            r[k] = Float.parseFloat(f[2]);
            t[k] = Long.parseLong(f[3]);
        }
        return new Interactions(u, i, r, t, users.build(), items.build());
    }

    /** Sequences of external item ids, one per user u0, u1, ... (every item liked, in order). */
    static Sequences sequences(String[]... seqs) {
        IdMap.Builder users = new IdMap.Builder();
        IdMap.Builder items = new IdMap.Builder();
        int total = 0;
        for (String[] s : seqs) {
            total += s.length;
        }
        int[] offsets = new int[seqs.length + 1];
        int[] its = new int[total];
        int[] us = new int[seqs.length];
        int p = 0;
        for (int s = 0; s < seqs.length; s++) {
            us[s] = users.add("u" + s);
            for (String id : seqs[s]) {
                its[p++] = items.add(id);
            }
            offsets[s + 1] = p;
        }
        return new Sequences(offsets, its, us, items.build(), users.build());
    }

    /** External ids of a training sequence. */
    static String[] externals(Sequences seqs, int s) {
        String[] out = new String[seqs.length(s)];
        for (int p = seqs.start(s); p < seqs.end(s); p++) {
            out[p - seqs.start(s)] = seqs.itemIds().external(seqs.items()[p]);
        }
        return out;
    }
}
