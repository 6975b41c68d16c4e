package org.embrec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.embrec.EmbrecException;
import org.junit.jupiter.api.Test;

/**
 * A scoring's declared user-vector rule ({@code scoring.user_vectors}): how {@link UserVectors#MODEL}
 * resolves, that the manifest keeps the rule, and that a malformed section is a one-line error.
 */
class ScoringUserRuleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Scoring roundTrip(Scoring s) {
        ObjectNode root = JSON.createObjectNode();
        root.set(Scoring.KEY, s.toJson());
        return Scoring.read(root, "m/manifest.json");
    }

    private static Scoring read(String scoring) throws Exception {
        return Scoring.read(JSON.readTree("{\"scoring\": " + scoring + "}"), "m/manifest.json");
    }

    @Test
    void theModelsRuleIsTheDeclaredOneElseTheDefaultAndAnExplicitRuleWins() {
        Scoring plain = Scoring.DEFAULT;
        Scoring declared = Scoring.DEFAULT.withUserRule(UserVectors.recency(0.5));
        assertThat(plain.userVectors(UserVectors.MODEL)).isEqualTo(UserVectors.DEFAULT);
        assertThat(declared.userVectors(UserVectors.MODEL)).isEqualTo(UserVectors.recency(0.5));
        assertThat(declared.userVectors(UserVectors.MEAN)).isEqualTo(UserVectors.MEAN);
        assertThat(declared.userVectors(UserVectors.recency(3))).isEqualTo(UserVectors.recency(3));
        // the default half-life declares nothing: such a model is the plain default scoring
        assertThat(Scoring.DEFAULT.withUserRule(UserVectors.recency(UserVectors.DEFAULT_HALF_LIFE)))
                .isEqualTo(Scoring.DEFAULT);
        assertThat(declared.isDefault()).isFalse();
    }

    @Test
    void theManifestKeepsTheRule() {
        Scoring cosine = Scoring.DEFAULT.withUserRule(UserVectors.recency(0.25));
        Scoring blended = Scoring.blended(new Scoring.Blend(1, 0.3), new Scoring.Blend(1, 1))
                .withUserRule(UserVectors.recency(4));
        Scoring mean = Scoring.DEFAULT.withUserRule(UserVectors.NORMALISED_MEAN);
        Scoring kernel = Scoring.DEFAULT.withUserRule(UserVectors.kernel(2, 5));
        Scoring kernelBlended = Scoring.blended(new Scoring.Blend(1, 0.3), new Scoring.Blend(1, 0))
                .withUserRule(UserVectors.kernel(0.5, 2));
        for (Scoring s : new Scoring[] {cosine, blended, mean, kernel, kernelBlended, Scoring.DIRECTED}) {
            assertThat(roundTrip(s)).isEqualTo(s);
        }
        assertThat(cosine.toJson().get("user_vectors").toString()).isEqualTo("{\"rule\":\"recency\",\"half_life\":0.25}");
        assertThat(Scoring.DIRECTED.toJson().has("user_vectors")).isFalse();
        assertThat(kernel.toJson().get("user_vectors").toString())
                .isEqualTo("{\"rule\":\"kernel\",\"half_life\":2.0,\"power\":5}");
    }

    @Test
    void aModelCannotDeclareThePlaceholderOrARuleForFactorUsers() {
        assertThatThrownBy(() -> Scoring.DEFAULT.withUserRule(UserVectors.MODEL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scoring.factorModel(40, 100).withUserRule(UserVectors.recency(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserVectors.MODEL.userVector(null, new int[1], 1, new float[1]))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMalformedSectionIsAOneLineErrorNamingTheKey() throws Exception {
        String base = "{\"items\": \"cosine\", \"users\": \"cosine\", \"stored_users\": \"history-rule\","
                + " \"ad_hoc_users\": \"history-rule\", \"user_vectors\": ";
        assertThat(read(base + "{\"rule\": \"recency\", \"half_life\": 2}}").userRule())
                .isEqualTo(UserVectors.recency(2));
        assertThat(read(base + "null}").userRule()).isNull();
        for (String bad : new String[] {"{\"rule\": \"recency\"}", "{\"rule\": \"mean\", \"half_life\": 2}",
                "{\"rule\": \"model\"}", "{\"rule\": \"recency\", \"half_life\": \"2\"}", "\"recency\"", "{}",
                "{\"rule\": \"median\"}", "{\"rule\": \"kernel\", \"half_life\": 1}",
                "{\"rule\": \"kernel\", \"half_life\": 1, \"power\": 2.5}",
                "{\"rule\": \"kernel\", \"half_life\": 1, \"power\": \"2\"}",
                "{\"rule\": \"kernel\", \"half_life\": 1, \"power\": 9}",
                "{\"rule\": \"kernel\", \"half_life\": 1, \"power\": 1e10}",
                "{\"rule\": \"recency\", \"half_life\": 1, \"power\": 2}"}) {
            assertThatThrownBy(() -> read(base + bad + "}")).as(bad).isInstanceOf(EmbrecException.class)
                    .hasMessageStartingWith("m/manifest.json: 'scoring.user_vectors")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
        assertThatThrownBy(() -> read(base + "{\"rule\": \"recency\", \"half_life\": -1}}"))
                .isInstanceOf(EmbrecException.class)
                .hasMessage("m/manifest.json: 'scoring.user_vectors': --half-life must be a positive number of items,"
                        + " got -1.0");
        assertThat(read(base + "{\"rule\": \"kernel\", \"half_life\": 1, \"power\": 3}}").userRule())
                .isEqualTo(UserVectors.kernel(1, 3));
        // a user blend with a directed part cannot take the kernel rule
        JsonNode directed = Scoring.blended(new Scoring.Blend(1, 0), new Scoring.Blend(1, 1)).toJson();
        ((ObjectNode) directed).putObject("user_vectors").put("rule", "kernel").put("half_life", 1).put("power", 2);
        assertThatThrownBy(() -> Scoring.read(JSON.createObjectNode().set(Scoring.KEY, directed), "m/manifest.json"))
                .isInstanceOf(EmbrecException.class).hasMessage("m/manifest.json: 'scoring.user_vectors' \"kernel\" goes"
                        + " with user queries ranked by the cosine alone");
        JsonNode als = Scoring.factorModel(40, 100).toJson();
        ((ObjectNode) als).putObject("user_vectors").put("rule", "mean");
        assertThatThrownBy(() -> Scoring.read(JSON.createObjectNode().set(Scoring.KEY, als), "m/manifest.json"))
                .isInstanceOf(EmbrecException.class)
                .hasMessage("m/manifest.json: 'scoring.user_vectors' applies to \"history-rule\" users only");
    }
}
