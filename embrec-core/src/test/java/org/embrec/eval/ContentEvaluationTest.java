package org.embrec.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.content.ContentConfig;
import org.embrec.data.Catalog;
import org.embrec.data.IdMap;
import org.embrec.model.Scoring;
import org.embrec.model.UserVectors;
import org.embrec.pipeline.ContentAlgorithm;
import org.embrec.pipeline.EmbeddingAlgorithm;
import org.embrec.pipeline.TrainingData;
import org.embrec.sequence.Sequences;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The leakage guard, the content algorithm, and the suite's rules, variants and catalog. */
class ContentEvaluationTest {
    /** u0 [a b c d] (target d, validation target c), u1 [a b] (no case), u2 [c d e] (target e). */
    private static final Split SPLIT = LeaveLastOutSplit.split(Fixtures.sequences(
            new String[] {"a", "b", "c", "d"}, new String[] {"a", "b"}, new String[] {"c", "d", "e"}));

    private static Catalog catalog(List<Catalog.Tag> tags) {
        Map<String, Catalog.Item> items = new LinkedHashMap<>();
        for (String id : List.of("a", "b", "c", "d", "e", "f")) {
            items.put(id, new Catalog.Item(id, "Movie " + id + " (2000)", List.of("Drama"), 2000));
        }
        return new Catalog(items, tags);
    }

    private static final List<Catalog.Tag> TAGS = List.of(
            new Catalog.Tag("u0", "d", "spoiler of the target", 1),
            new Catalog.Tag("u0", "a", "history tag", 2),
            new Catalog.Tag("u0", "c", "validation target", 3),
            new Catalog.Tag("u1", "d", "someone else's", 4),
            new Catalog.Tag("u2", "d", "not u2's target", 5),
            new Catalog.Tag("u2", "e", "spoiler of the target", 6),
            new Catalog.Tag("u9", "e", "unknown user", 7));

    private static List<String> tagTexts(Catalog c) {
        return c.tags().stream().map(t -> t.user() + ":" + t.item() + ":" + t.tag()).toList();
    }

    @Test
    void aTestUsersTagOnTheirOwnTargetIsDropped() {
        TrainingData data = SPLIT.trainingData(catalog(TAGS));
        assertThat(tagTexts(data.catalog())).containsExactly("u0:a:history tag", "u0:c:validation target",
                "u1:d:someone else's", "u2:d:not u2's target", "u9:e:unknown user");
        assertThat(data.catalog().size()).isEqualTo(6);
        assertThat(data.sequences()).isSameAs(SPLIT.training());
        // Tuning: the validation split drops the validation targets' tags as well.
        Split validation = LeaveLastOutSplit.validation(SPLIT);
        TrainingData tuning = validation.trainingData(data.catalog());
        assertThat(tagTexts(tuning.catalog())).containsExactly("u0:a:history tag", "u1:d:someone else's",
                "u2:d:not u2's target", "u9:e:unknown user");
    }

    /** Records what the suite hands to the algorithm; vectors: random, for every training item. */
    private static final class Spy implements EmbeddingAlgorithm {
        final List<TrainingData> seen = new ArrayList<>();

        @Override
        public String name() {
            return "spy";
        }

        @Override
        public EmbeddingStore fit(Sequences training, long seed, Progress progress) {
            throw new AssertionError("the suite must pass the training data");
        }

        @Override
        public EmbeddingStore fit(TrainingData data, long seed, Progress progress) {
            seen.add(data);
            IdMap ids = data.sequences().itemIds();
            SplittableRandom rnd = new SplittableRandom(seed);
            float[] v = new float[ids.size() * 3];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) rnd.nextGaussian();
            }
            return EmbeddingStore.of(ids, v, 3);
        }
    }

    /** A variant that changes nothing: its rows must equal the algorithm's. */
    private static final class Same implements StoreVariant {
        int calls;

        @Override
        public String suffix() {
            return "+same";
        }

        @Override
        public EmbeddingStore derive(TrainingData data, EmbeddingStore fitted, Scoring scoring, long seed,
                Progress progress) {
            calls++;
            return fitted;
        }
    }

    @Test
    void theSuiteGivesTheAlgorithmTheGuardedCatalogAndReportsEveryRuleAndVariant() throws Exception {
        Split split = LeaveLastOutSplit.split(RandomSequences.generate(200, 300, 12, 4));
        List<Catalog.Tag> tags = new ArrayList<>();
        Set<String> leaks = new HashSet<>();
        for (int c = 0; c < split.testUsers(); c++) {
            String user = split.training().userIds().external(split.cases().user(c));
            String target = split.training().itemIds().external(split.cases().target(c));
            tags.add(new Catalog.Tag(user, target, "leak", 1));
            tags.add(new Catalog.Tag(user, split.training().itemIds().external(split.cases().query(c)), "ok", 2));
            leaks.add(user + ":" + target);
        }
        Spy spy = new Spy();
        Same same = new Same();
        List<UserVectors> rules = List.of(UserVectors.MEAN, UserVectors.NORMALISED_MEAN,
                UserVectors.recency(3));
        EvaluationReport report = new EvaluationSuite(split, new EvaluationOptions(10, 7, 2, 2), rules,
                new Catalog(Map.of(), tags), List.of(same)).run("synthetic", spy, Progress.NONE);
        assertThat(spy.seen).hasSize(2);
        assertThat(same.calls).isEqualTo(2);
        long allowed = tags.stream().filter(t -> !leaks.contains(t.user() + ":" + t.item())).count();
        assertThat(allowed).isGreaterThan(split.testUsers() / 2);
        for (TrainingData d : spy.seen) {
            assertThat(d.catalog().tags()).hasSize((int) allowed)
                    .noneMatch(t -> leaks.contains(t.user() + ":" + t.item()));
        }
        List<String> keys = report.results().stream().filter(r -> r.slice() == null)
                .map(r -> r.model() + "/" + r.task() + "/" + r.userVectors()).toList();
        assertThat(keys).startsWith("spy/i2i/null", "spy/u2i/mean", "spy/u2i/normalised-mean",
                "spy/u2i/recency(half-life 3)", "spy+same/i2i/null", "spy+same/u2i/mean",
                "spy+same/u2i/normalised-mean", "spy+same/u2i/recency(half-life 3)", "popularity/i2i/null");
        for (ResultRow r : report.results()) {
            if (r.model().equals("spy")) {
                ResultRow twin = r.userVectors() == null ? report.row("spy+same", Task.I2I, r.slice())
                        : report.row("spy+same", Task.U2I, r.slice(), r.userVectors());
                assertThat(twin.hr()).isEqualTo(r.hr());
                assertThat(twin.ndcg()).isEqualTo(r.ndcg());
            }
        }
        assertThat(report.row("spy", Task.U2I)).isSameAs(report.row("spy", Task.U2I, null, "mean"));
        JsonNode json = new ObjectMapper().readTree(ReportFormat.json(report));
        assertThat(json.get("results").get(1).get("user_vectors").asText()).isEqualTo("mean");
        assertThat(json.get("results").get(0).has("user_vectors")).isFalse();
        assertThat(ReportFormat.table(report)).contains("spy+same [recency(half-life 3)] u2i  all");
    }

    @Test
    void theContentModelGivesEveryCatalogItemAVectorRatedOrNot() {
        Catalog catalog = MovieLensCatalogFixture.catalog();
        ContentAlgorithm content = new ContentAlgorithm(
                ContentConfig.defaults().withWord2Vec(ContentConfig.defaultWord2Vec().withThreads(2).withEpochs(2)));
        EmbeddingStore store = content.fit(new TrainingData(MovieLensFixture.liked(), catalog), 1, Progress.NONE);
        assertThat(store.size()).isEqualTo(catalog.size());
        IdMap rated = MovieLensFixture.liked().itemIds();
        int unrated = 0;
        for (Catalog.Item it : catalog.items()) {
            assertThat(store.contains(it.id())).as(it.id()).isTrue();
            unrated += rated.indexOf(it.id()) < 0 ? 1 : 0;
        }
        assertThat(unrated).isGreaterThan(0);
        assertThat(content.coldThreshold()).isEqualTo(5);
        assertThatThrownBy(() -> content.fit(MovieLensFixture.liked(), 1, Progress.NONE))
                .isInstanceOf(EmbrecException.class).hasMessageContaining("needs item metadata");
    }
}
