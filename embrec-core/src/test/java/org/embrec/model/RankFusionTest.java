package org.embrec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.embrec.EmbrecException;
import org.junit.jupiter.api.Test;

/**
 * Rank fusion of an item query's two rankings: {@link RankFusion#fuse} against the definition
 * computed from scratch, and the fused blend's place in the manifest ({@code blend.items.rank_k})
 * with its one-line errors.
 */
class RankFusionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Scoring.Blend FUSION = Scoring.Blend.rankFusion(1, 0.3, 100);

    /** A random ranking of {@code length} distinct rows out of {@code n}. */
    private static int[] ranking(SplittableRandom rng, int n, int length) {
        int[] all = IntStream.range(0, n).toArray();
        for (int i = 0; i < length; i++) {
            int j = i + rng.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return java.util.Arrays.copyOf(all, length);
    }

    @Test
    void theUnionIsRankedByTheDefinition() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 5 + rng.nextInt(600);
            int[] cos = ranking(rng, n, Math.min(n, RankFusion.DEPTH + rng.nextInt(50)));
            int[] dir = ranking(rng, n, Math.min(n, 1 + rng.nextInt(RankFusion.DEPTH + 50)));
            Scoring.Blend blend = Scoring.Blend.rankFusion(0.1 + rng.nextDouble(), 0.1 + rng.nextDouble(),
                    1 + rng.nextInt(200));
            RankFusion.Fused got = RankFusion.fuse(blend, cos, dir);
            // from scratch: a row's rank is its position, capped at DEPTH; absent counts as DEPTH
            double[] score = new double[n];
            boolean[] listed = new boolean[n];
            for (int r = 0; r < n; r++) {
                int rc = Math.min(indexOf(cos, r), RankFusion.DEPTH);
                int rd = Math.min(indexOf(dir, r), RankFusion.DEPTH);
                listed[r] = indexOf(cos, r) < cos.length || indexOf(dir, r) < dir.length;
                // rounded to float, as every path serves it
                score[r] = (float) (blend.cosine() / (blend.rankK() + rc) + blend.directed() / (blend.rankK() + rd));
            }
            List<Integer> expected = IntStream.range(0, n).filter(r -> listed[r]).boxed()
                    .sorted(Comparator.comparingDouble((Integer r) -> -score[r]).thenComparingInt(r -> r)).toList();
            assertThat(IntStream.of(got.rows()).boxed().toList()).isEqualTo(expected);
            for (int i = 0; i < got.size(); i++) {
                assertThat(got.scores()[i]).isEqualTo(score[got.rows()[i]]);
                assertThat(got.scores()[i]).isGreaterThanOrEqualTo((float) RankFusion.floor(blend));
            }
        }
    }

    private static int indexOf(int[] rows, int r) {
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == r) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    @Test
    void aBlendOfScoresIsNoFusion() {
        assertThatThrownBy(() -> RankFusion.fuse(new Scoring.Blend(1, 0.3), new int[] {1}, new int[] {2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scoring.Blend.rankFusion(0, 1, 100)).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("both weights > 0");
        assertThatThrownBy(() -> new Scoring.Blend(1, 1, 0, -1)).hasMessageContaining("k in 1..");
        assertThatThrownBy(() -> new Scoring.Blend(1, 1, 0, Scoring.Blend.MAX_RANK_K + 1)).hasMessageContaining("k in 1..");
    }

    @Test
    void theManifestKeepsTheFusionAndRefusesItWhereItDoesNotApply() throws Exception {
        Scoring fused = Scoring.blended(FUSION, new Scoring.Blend(1, 0)).withUserRule(UserVectors.kernel(2, 2));
        ObjectNode root = JSON.createObjectNode();
        root.set(Scoring.KEY, fused.toJson());
        assertThat(Scoring.read(root, "m/manifest.json")).isEqualTo(fused);
        assertThat(fused.toJson().get("blend").get("items").toString())
                .isEqualTo("{\"cosine\":1.0,\"directed\":0.3,\"rank_k\":100}");
        assertThat(fused.itemsFused()).isTrue();
        assertThat(Scoring.blended(new Scoring.Blend(1, 0.3), new Scoring.Blend(1, 0)).itemsFused()).isFalse();
        // user queries fuse too, with either rule: the kernel rule's ranking is the cosine part
        for (UserVectors rule : new UserVectors[] {UserVectors.kernel(2, 2), UserVectors.recency(0.5)}) {
            Scoring users = Scoring.blended(new Scoring.Blend(1, 0.3), FUSION).withUserRule(rule);
            ObjectNode r = JSON.createObjectNode();
            r.set(Scoring.KEY, users.toJson());
            assertThat(Scoring.read(r, "m/manifest.json")).isEqualTo(users);
            assertThat(users.usersFused()).isTrue();
            assertThat(users.itemsFused()).isFalse();
        }
        assertThatThrownBy(() -> Scoring.blended(FUSION, new Scoring.Blend(1, 0.3))
                .withUserRule(UserVectors.kernel(2, 2))).hasMessageContaining("the kernel rule goes with");
        String base = "{\"items\": \"inner-product\", \"users\": \"inner-product\", \"stored_users\": \"history-rule\","
                + " \"ad_hoc_users\": \"history-rule\", \"candidates\": \"output\", \"blend\": ";
        for (String[] bad : new String[][] {
                {"{\"items\": {\"cosine\": 1, \"directed\": 0.3, \"rank_k\": 1.5}, \"users\": {\"cosine\": 1, \"directed\": 0}}",
                        "'scoring.blend.items' must be {\"cosine\": number, \"directed\": number[, \"prior\": number][, \"rank_k\": integer]}"},
                {"{\"items\": {\"cosine\": 1, \"directed\": 0.3, \"rank_k\": \"100\"}, \"users\": {\"cosine\": 1, \"directed\": 0}}",
                        "'scoring.blend.items' must be"},
                {"{\"items\": {\"cosine\": 0, \"directed\": 1, \"rank_k\": 100}, \"users\": {\"cosine\": 1, \"directed\": 0}}",
                        "'scoring.blend.items': a rank fusion needs k in 1..10000, both weights > 0"},
                {"{\"items\": {\"cosine\": 1, \"directed\": 1, \"rank_k\": 0}, \"users\": {\"cosine\": 1, \"directed\": 0}}",
                        "'scoring.blend.items': a rank fusion needs k"},
                {"{\"items\": {\"cosine\": 1, \"directed\": 0.3}, \"users\": {\"cosine\": 1, \"directed\": 1, \"rank_k\": -3}}",
                        "'scoring.blend.users': a rank fusion needs k in 1..10000"},
                {"{\"items\": {\"cosine\": 1, \"directed\": 0.3}, \"users\": {\"cosine\": 1, \"directed\": 1, \"rank_k\": 100,"
                        + " \"prior\": 0.1}}", "'scoring.blend.users': a rank fusion has no prior"}}) {
            assertThatThrownBy(() -> Scoring.read(JSON.readTree("{\"scoring\": " + base + bad[0] + "}}"), "m/manifest.json"))
                    .as(bad[0]).isInstanceOf(EmbrecException.class).hasMessageStartingWith("m/manifest.json: ")
                    .hasMessageContaining(bad[1]).hasMessageNotContaining("\n");
        }
    }
}
