package org.embrec.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalIdsTest {
    /** Ids of several shapes: small dense numbers, huge numbers, leading zeros, text. */
    private static String randomId(SplittableRandom rnd, int kind) {
        return switch (kind) {
            case 0 -> Long.toString(rnd.nextInt(5_000));
            case 1 -> Long.toString(rnd.nextLong(1L << 40, 1L << 59));
            case 2 -> "0" + rnd.nextInt(300);
            case 3 -> "user-" + rnd.nextInt(2_000);
            default -> Long.toString(rnd.nextInt(20_000_000));
        };
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void assignsFirstSeenIdsLikeAMap(int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        LocalIds ids = new LocalIds();
        Map<String, Integer> oracle = new LinkedHashMap<>();
        for (int i = 0; i < 100_000; i++) {
            String id = randomId(rnd, rnd.nextInt(5));
            byte[] padded = ("xx" + id + "yy").getBytes(StandardCharsets.UTF_8);
            int got = ids.idOf(padded, 2, padded.length - 2);
            Integer want = oracle.putIfAbsent(id, oracle.size());
            assertThat(got).as(id).isEqualTo(want == null ? oracle.size() - 1 : want);
        }
        assertThat(ids.size()).isEqualTo(oracle.size());
        List<String> back = new ArrayList<>();
        for (int l = 0; l < ids.size(); l++) {
            back.add(ids.isNumeric(l) ? Long.toString(ids.numericKey(l)) : ids.string(l, StandardCharsets.UTF_8));
        }
        assertThat(back).containsExactlyElementsOf(oracle.keySet());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void globalMergeGivesFileFirstSeenOrder(int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            all.add(randomId(rnd, rnd.nextInt(5)));
        }
        GlobalIds global = new GlobalIds(StandardCharsets.UTF_8);
        int from = 0;
        List<Integer> mapped = new ArrayList<>();
        while (from < all.size()) {
            int to = Math.min(all.size(), from + 1 + rnd.nextInt(5_000));
            LocalIds local = new LocalIds();
            int[] locals = new int[to - from];
            for (int i = from; i < to; i++) {
                byte[] b = all.get(i).getBytes(StandardCharsets.UTF_8);
                locals[i - from] = local.idOf(b, 0, b.length);
            }
            int[] toGlobal = global.merge(local);
            for (int l : locals) {
                mapped.add(toGlobal[l]);
            }
            from = to;
        }
        IdMap map = global.toIdMap();
        IdMap.Builder oracle = new IdMap.Builder();
        for (int i = 0; i < all.size(); i++) {
            assertThat(mapped.get(i)).isEqualTo(oracle.add(all.get(i)));
        }
        assertThat(map.externals()).containsExactly(oracle.build().externals());
        assertThat(map.indexOf(all.get(17))).isEqualTo(mapped.get(17));
    }
}
