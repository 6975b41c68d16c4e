package org.embrec.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.als.AlsConfig;
import org.embrec.als.FoldIn;
import org.embrec.data.IdMap;
import org.embrec.index.ItemFilter;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelDirectory;
import org.embrec.model.ModelManifest;
import org.embrec.model.Scoring;
import org.embrec.model.TestModels;
import org.embrec.model.UserVectors;
import org.embrec.recommend.Recommendations;
import org.embrec.recommend.Recommender;
import org.embrec.sequence.Sequences;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Neighbor;
import org.embrec.vectors.Similarity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An ALS model end to end: its scoring and user factors in the model directory, and how it answers. */
class AlsModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AlsConfig CONFIG = new AlsConfig(8, 10, 2, 4, 3, 2);

    @TempDir
    Path tmp;

    @Test
    void roundTripsItemAndUserFactorsAndTheScoringSection() throws IOException {
        Sequences liked = corpus(80, 60, 4);
        EmbeddingModel model = model(liked);
        assertThat(model.scoring()).isEqualTo(Scoring.factorModel(10, 2));
        Path dir = tmp.resolve("als");
        ModelDirectory.write(dir, model);
        EmbeddingModel back = ModelDirectory.read(dir);
        assertThat(back.manifest()).isEqualTo(model.manifest());
        assertThat(back.manifest().config()).containsEntry("dim", 8).containsEntry("als-alpha", 10.0)
                .containsEntry("reg", 2.0).containsEntry("iterations", 4).containsEntry("cg-steps", 3);
        assertThat(back.scoring()).isEqualTo(model.scoring());
        assertThat(back.vectors().matrix()).containsExactly(model.vectors().matrix());
        assertThat(back.userFactors().ids().externals()).containsExactly(model.userFactors().ids().externals());
        assertThat(back.userFactors().matrix()).containsExactly(model.userFactors().matrix());
        JsonNode manifest = JSON.readTree(dir.resolve(ModelDirectory.MANIFEST).toFile());
        assertThat(manifest.get("scoring").toString()).isEqualTo("{\"items\":\"cosine\",\"users\":\"inner-product\","
                + "\"stored_users\":\"user-factors\",\"ad_hoc_users\":\"fold-in\",\"fold_in\":{\"alpha\":10.0,\"reg\":2.0}}");
        assertThat(manifest.get("files").has(ModelDirectory.USER_FACTORS)).isTrue();
    }

    @Test
    void modelsWithoutAScoringSectionReadAsBefore() throws IOException {
        Path dir = tmp.resolve("item2vec");
        ModelDirectory.write(dir, TestModels.clustered(30, 6, 2));
        JsonNode manifest = JSON.readTree(dir.resolve(ModelDirectory.MANIFEST).toFile());
        assertThat(manifest.has("scoring")).isFalse();
        assertThat(Files.exists(dir.resolve(ModelDirectory.USER_FACTORS))).isFalse();
        EmbeddingModel back = ModelDirectory.read(dir);
        assertThat(back.scoring()).isEqualTo(Scoring.DEFAULT);
        assertThat(back.userFactors()).isNull();
    }

    @Test
    void aBadScoringSectionOrAMissingFactorsFileIsAOneLineError() throws IOException {
        Path dir = tmp.resolve("als");
        ModelDirectory.write(dir, model(corpus(40, 30, 5)));
        Path file = dir.resolve(ModelDirectory.MANIFEST);
        ObjectNode good = (ObjectNode) JSON.readTree(file.toFile());

        ObjectNode bad = good.deepCopy();
        ((ObjectNode) bad.get("scoring")).put("users", "euclidean");
        JSON.writeValue(file.toFile(), bad);
        assertThatThrownBy(() -> ModelDirectory.read(dir)).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("'scoring.users' must be \"cosine\" or \"inner-product\"")
                .hasMessageNotContaining("\n");

        bad = good.deepCopy();
        ((ObjectNode) bad.get("files")).remove(ModelDirectory.USER_FACTORS);
        JSON.writeValue(file.toFile(), bad);
        assertThatThrownBy(() -> ModelDirectory.read(dir)).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("user-factors.bin").hasMessageNotContaining("\n");

        bad = good.deepCopy();
        bad.remove("scoring");
        JSON.writeValue(file.toFile(), bad);
        assertThatThrownBy(() -> ModelDirectory.read(dir)).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("does not use user factors");
    }

    @Test
    void aStoredUserIsAnsweredByTheirFactorsAndAnAdHocListByFoldInBothByInnerProduct() {
        Sequences liked = corpus(80, 60, 6);
        EmbeddingModel model = model(liked);
        EmbeddingStore items = model.vectors();
        try (Recommender r = Recommender.open(model, null, UserVectors.DEFAULT)) {
            for (String user : List.of("u3", "u40", "u79")) {
                List<String> history = r.history(user);
                Recommendations got = r.forStoredUser(user, 7, ItemFilter.NONE);
                assertThat(got.query()).isEqualTo("user-factors");
                float[] factors = model.userFactors().vector(model.userFactors().indexOf(user));
                assertThat(ids(got.items())).isEqualTo(bruteForce(items, factors, new HashSet<>(history), 7));

                Recommendations adHoc = r.forUser(history, 7, ItemFilter.NONE);
                assertThat(adHoc.query()).isEqualTo("fold-in");
                int[] rows = history.stream().mapToInt(items::indexOf).toArray();
                float[] folded = FoldIn.of(items.matrix(), items.size(), items.dim(), 10, 2).solve(rows, rows.length);
                assertThat(ids(adHoc.items())).isEqualTo(bruteForce(items, folded, new HashSet<>(history), 7));
                assertThat(adHoc.items().get(0).score()).isCloseTo(dot(folded, items, adHoc.items().get(0).id()),
                        org.assertj.core.api.Assertions.within(1e-4f));
            }
            // related items stay cosine of the item factors
            assertThat(r.scoring().items()).isEqualTo(Similarity.COSINE);
            List<Neighbor> similar = r.similar("i5", 3, ItemFilter.NONE);
            assertThat(similar.get(0).score()).isLessThanOrEqualTo(1.0001f);
        }
    }

    @Test
    void anEmbeddingModelsUsersKeepTheirHistoryRule() {
        EmbeddingModel model = TestModels.clustered(30, 6, 2);
        try (Recommender r = Recommender.open(model, null, UserVectors.MEAN)) {
            Recommendations adHoc = r.forUser(List.of("1", "2"), 5, ItemFilter.NONE);
            assertThat(adHoc.query()).isEqualTo("mean");
        }
    }

    private static List<String> ids(List<Neighbor> n) {
        return n.stream().map(Neighbor::id).toList();
    }

    private static float dot(float[] q, EmbeddingStore items, String id) {
        float[] v = items.vector(items.indexOf(id));
        float s = 0;
        for (int j = 0; j < q.length; j++) {
            s += q[j] * v[j];
        }
        return s;
    }

    /** The top k items by inner product with {@code q} in double, history excluded, ties by row. */
    private static List<String> bruteForce(EmbeddingStore items, float[] q, Set<String> exclude, int k) {
        double[] dots = new double[items.size()];
        for (int r = 0; r < items.size(); r++) {
            float[] v = items.vector(r);
            for (int j = 0; j < q.length; j++) {
                dots[r] += (double) q[j] * v[j];
            }
        }
        return IntStream.range(0, items.size()).filter(r -> !exclude.contains(items.id(r))).boxed()
                .sorted(Comparator.comparingDouble((Integer r) -> -dots[r]).thenComparingInt(r -> r)).limit(k)
                .map(items::id).toList();
    }

    private static EmbeddingModel model(Sequences liked) {
        Fit fit = new AlsAlgorithm(CONFIG).train(TrainingData.of(liked), 3, Progress.NONE);
        return ModelBuilder.model(AlsAlgorithm.NAME, fit, TestModels.catalog(0), new ModelManifest.DataSource("t", "fp"),
                Map.of()).withHistories(liked);
    }

    /** {@code users} users u0.. liking 5..14 of {@code items} items i0.. in two taste groups. */
    static Sequences corpus(int users, int items, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] offsets = new int[users + 1];
        List<Integer> seq = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            Set<Integer> seen = new HashSet<>();
            int n = 5 + rnd.nextInt(10);
            while (seen.size() < n) {
                int half = items / 2;
                int it = rnd.nextInt(10) < 8 ? (u % 2) * half + rnd.nextInt(half) : rnd.nextInt(items);
                if (seen.add(it)) {
                    seq.add(it);
                }
            }
            offsets[u + 1] = seq.size();
        }
        String[] itemIds = new String[items];
        for (int i = 0; i < items; i++) {
            itemIds[i] = "i" + i;
        }
        String[] userIds = new String[users];
        int[] us = new int[users];
        for (int u = 0; u < users; u++) {
            userIds[u] = "u" + u;
            us[u] = u;
        }
        return new Sequences(offsets, seq.stream().mapToInt(Integer::intValue).toArray(), us, IdMap.of(itemIds),
                IdMap.of(userIds));
    }
}
