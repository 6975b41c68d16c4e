package org.embrec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;
import org.embrec.EmbrecException;
import org.embrec.data.IdMap;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.Test;

/**
 * A blend's popularity prior ({@link Scoring.Blend#prior()}): the candidate query scores
 * {@code a cos + b (q . out + bias) + p bias} by one inner product, the manifest keeps it, and
 * a malformed one is a one-line error naming the manifest.
 */
class BlendPriorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Scoring.Blend PRIOR = Scoring.Blend.cosineWithPrior(1, 0.1);

    @Test
    void theCandidateQueryScoresTheBlendWithItsPrior() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 50;
        int dim = 8;
        String[] ids = new String[n];
        float[] in = new float[n * dim];
        float[] out = new float[n * (dim + 1)];
        for (int r = 0; r < n; r++) {
            ids[r] = "i" + r;
            for (int d = 0; d < dim; d++) {
                in[r * dim + d] = (float) rng.nextGaussian();
                out[r * (dim + 1) + d] = (float) rng.nextGaussian();
            }
            out[r * (dim + 1) + dim] = (float) Math.log(1 + rng.nextInt(1000));
        }
        EmbeddingStore vectors = EmbeddingStore.of(IdMap.of(ids), in, dim);
        EmbeddingStore output = EmbeddingStore.of(IdMap.of(ids), out, dim + 1);
        for (Scoring.Blend b : new Scoring.Blend[] {PRIOR, new Scoring.Blend(1, 0.3, 0.2, 0)}) {
            Scoring scoring = Scoring.blended(b, new Scoring.Blend(1, 0));
            EmbeddingStore candidates = scoring.candidateVectors(vectors, output);
            for (int q = 0; q < n; q++) {
                float[] query = scoring.candidateQuery(in, q * dim, dim, false);
                for (int c = 0; c < n; c++) {
                    double got = 0;
                    float[] row = candidates.vector(c);
                    for (int d = 0; d < row.length; d++) {
                        got += (double) query[d] * row[d];
                    }
                    double qc = 0;
                    double qq = 0;
                    double cc = 0;
                    double qo = 0;
                    for (int d = 0; d < dim; d++) {
                        qc += (double) in[q * dim + d] * in[c * dim + d];
                        qq += (double) in[q * dim + d] * in[q * dim + d];
                        cc += (double) in[c * dim + d] * in[c * dim + d];
                        qo += (double) in[q * dim + d] * out[c * (dim + 1) + d];
                    }
                    double bias = out[c * (dim + 1) + dim];
                    double want = b.cosine() * qc / Math.sqrt(qq * cc) + b.directed() * (qo + bias) + b.prior() * bias;
                    assertThat(got).as("%s, query %d, candidate %d", b, q, c).isCloseTo(want, within(1e-4));
                }
            }
        }
    }

    @Test
    void aPriorIsNoCosineOnlyBlendAndSaysSo() {
        assertThat(PRIOR.cosineOnly()).isFalse();
        assertThat(new Scoring.Blend(1, 0).cosineOnly()).isTrue();
        assertThat(PRIOR).hasToString("cosine 1 + prior 0.1");
        assertThat(new Scoring.Blend(1, 0)).hasToString("cosine 1");
        assertThat(new Scoring.Blend(1, 0.3, 0.2, 0)).hasToString("cosine 1 + directed 0.3 + prior 0.2");
        assertThat(Scoring.blended(new Scoring.Blend(1, 0), PRIOR).usersByCosine()).isFalse();
        assertThatThrownBy(() -> new Scoring.Blend(1, 0, -0.1, 0)).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("prior -0.1");
        assertThatThrownBy(() -> new Scoring.Blend(1, 0.3, 0.1, 100)).hasMessageContaining("no prior");
        assertThatThrownBy(() -> new Scoring.Blend(0, 0, 1, 0)).hasMessageContaining("not both 0");
    }

    @Test
    void theManifestKeepsThePriorAndRefusesAMalformedOne() throws Exception {
        Scoring scoring = Scoring.blended(PRIOR, new Scoring.Blend(1, 0)).withUserRule(UserVectors.kernel(2, 2));
        ObjectNode root = JSON.createObjectNode();
        root.set(Scoring.KEY, scoring.toJson());
        assertThat(scoring.toJson().get("blend").get("items").toString())
                .isEqualTo("{\"cosine\":1.0,\"directed\":0.0,\"prior\":0.1}");
        assertThat(scoring.toJson().get("blend").get("users").toString()).isEqualTo("{\"cosine\":1.0,\"directed\":0.0}");
        assertThat(Scoring.read(root, "m/manifest.json")).isEqualTo(scoring);
        String base = "{\"items\": \"inner-product\", \"users\": \"inner-product\", \"stored_users\": \"history-rule\","
                + " \"ad_hoc_users\": \"history-rule\", \"candidates\": \"output\", ";
        String users = "\"users\": {\"cosine\": 1, \"directed\": 0}}";
        for (String[] bad : new String[][] {
                {"\"blend\": {\"items\": {\"cosine\": 1, \"directed\": 0, \"prior\": \"0.1\"}, " + users + "}",
                        "'scoring.blend.items' must be {\"cosine\": number, \"directed\": number[, \"prior\": number]"},
                {"\"blend\": {\"items\": {\"cosine\": 1, \"directed\": 0, \"prior\": -1}, " + users + "}",
                        "'scoring.blend.items': a blend needs finite weights >= 0"},
                {"\"blend\": {\"items\": {\"cosine\": 1, \"directed\": 0.3, \"prior\": 0.1, \"rank_k\": 100}, " + users
                        + "}", "'scoring.blend.items': a rank fusion has no prior"},
                {"\"blend\": {\"items\": {\"cosine\": 1, \"directed\": 0}, \"users\": {\"cosine\": 1, \"directed\": 0,"
                        + " \"prior\": 0.1}}, \"user_vectors\": {\"rule\": \"kernel\", \"half_life\": 1, \"power\": 2}",
                        "'scoring.user_vectors' \"kernel\" goes with user queries ranked by the cosine alone"}}) {
            assertThatThrownBy(() -> Scoring.read(JSON.readTree("{\"scoring\": " + base + bad[0] + "}}"),
                    "m/manifest.json")).as(bad[0]).isInstanceOf(EmbrecException.class)
                    .hasMessageStartingWith("m/manifest.json: ").hasMessageContaining(bad[1])
                    .hasMessageNotContaining("\n");
        }
    }
}
