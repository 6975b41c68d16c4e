package org.embrec.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.embrec.eval.EmbeddingScorer;
import org.embrec.eval.MovieLensFixture;
import org.embrec.index.ItemFilter;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.Scoring;
import org.embrec.model.UserVectors;
import org.embrec.pipeline.Fit;
import org.embrec.train.Word2VecConfig;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Neighbor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model that declares its user vectors' half-life ({@code --scoring auto} chose one): the
 * manifest keeps it, and the recommender and the evaluation's scorer make user queries by it
 * unless the caller asks for another rule.
 */
class DeclaredUserRuleTest {
    private static final int K = 10;
    private static final UserVectors DECLARED = UserVectors.recency(0.25);

    @TempDir
    static Path dir;

    private static EmbeddingModel model;

    @BeforeAll
    static void train() {
        Fit plain = FixtureModels.fit(FixtureModels.small().withScoring(Word2VecConfig.ItemScoring.COSINE));
        model = FixtureModels.writeAndRead(dir, new Fit(plain.vectors(), plain.config(), plain.figures(),
                Scoring.DEFAULT.withUserRule(DECLARED), null, null));
    }

    @Test
    void theManifestKeepsTheRule() throws Exception {
        assertThat(model.scoring().userRule()).isEqualTo(DECLARED);
        assertThat(Files.readString(dir.resolve("manifest.json"))).contains("\"user_vectors\"", "\"half_life\" : 0.25");
    }

    @Test
    void usersAreRankedByTheDeclaredRuleUnlessAnotherIsAskedFor() {
        List<List<String>> users = StoredHistories.of(model, 40);
        int differ = 0;
        try (Recommender own = Recommender.open(model, dir, UserVectors.MODEL);
                Recommender asked = Recommender.open(model, dir, UserVectors.DEFAULT)) {
            assertThat(own.rule()).isEqualTo(DECLARED);
            assertThat(asked.rule()).isEqualTo(UserVectors.DEFAULT);
            for (List<String> history : users) {
                List<String> got = ids(own.forUser(history, K, ItemFilter.NONE).items());
                assertThat(got).as("%s", history).isEqualTo(oracle(history, DECLARED));
                List<String> other = ids(asked.forUser(history, K, ItemFilter.NONE).items());
                assertThat(other).isEqualTo(oracle(history, UserVectors.DEFAULT));
                differ += got.equals(other) ? 0 : 1;
            }
        }
        assertThat(differ).as("users whose lists the half-life changes").isPositive();
        EmbeddingScorer evaluated = new EmbeddingScorer("m", model.vectors(), MovieLensFixture.liked(),
                UserVectors.MODEL, model.scoring(), null, null);
        assertThat(evaluated.rule()).isEqualTo(DECLARED);
        assertThat(new EmbeddingScorer("m", model.vectors(), MovieLensFixture.liked(), UserVectors.MEAN,
                model.scoring(), null, null).rule()).isEqualTo(UserVectors.MEAN);
    }

    /** The top K by cosine with {@code rule}'s user vector, history excluded, ties by id. */
    private static List<String> oracle(List<String> history, UserVectors rule) {
        EmbeddingStore in = model.vectors();
        int[] rows = history.stream().mapToInt(in::indexOf).toArray();
        float[] u = new float[in.dim()];
        rule.userVector(in, rows, rows.length, u);
        Set<String> seen = new HashSet<>(history);
        double[] score = new double[in.size()];
        for (int r = 0; r < in.size(); r++) {
            float[] v = in.vector(r);
            double dot = 0;
            double uu = 0;
            double vv = 0;
            for (int d = 0; d < in.dim(); d++) {
                dot += (double) u[d] * v[d];
                uu += (double) u[d] * u[d];
                vv += (double) v[d] * v[d];
            }
            score[r] = dot / Math.sqrt(uu * vv);
        }
        return IntStream.range(0, in.size()).filter(r -> !seen.contains(in.id(r))).boxed()
                .sorted(Comparator.<Integer>comparingDouble(r -> -score[r]).thenComparing(in::id))
                .limit(K).map(in::id).toList();
    }

    private static List<String> ids(List<Neighbor> got) {
        return got.stream().map(Neighbor::id).toList();
    }
}
