package org.embrec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API over a non-movie catalogue (the {@code data/artists} fixture): items carry their
 * attributes, {@code filter=} parameters (and the POST body's {@code filter}) keep only passing
 * items, bad filters are 400s naming the filter, and {@code /api/models} describes the catalogue.
 */
class AttributeFilterApiTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(ServerConfig.defaults(), ModelRegistry.ofModels(List.of(
                new ServedModel("item2vec", null, PageBrowserTest.artistsItem2Vec()))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void similarKeepsOnlyItemsPassingEveryFilter() {
        TestServer.Reply r = server.get("/api/items/Sigur%20Lichter/similar?k=30&filter=country:de%7Cfr"
                + "&filter=listeners%3E=100000");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("filter").get("filter").get(0).asText()).isEqualTo("country:de|fr");
        assertThat(j.get("results").size()).isGreaterThan(3);
        for (JsonNode n : j.get("results")) {
            assertThat(n.get("attributes").get("country").get(0).asText()).isIn("DE", "FR");
            assertThat(n.get("attributes").get("listeners").get(0).asLong()).isGreaterThanOrEqualTo(100000);
        }
        JsonNode item = server.get("/api/items/Sigur%20Lichter").json();
        assertThat(item.get("attributes").get("country").get(0).asText()).isEqualTo("IS");
        assertThat(item.get("attributes").get("bio").get(0).asText()).contains("act from IS");
    }

    @Test
    void postedRecommendationsTakeFiltersToo() {
        TestServer.Reply r = server.post("/api/recommendations",
                "{\"items\": [\"Sigur Lichter\", \"Ólafur Mar\"], \"k\": 20, \"filter\": [\"tags:ambient\", \"listeners<500000\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("results").size()).isGreaterThan(0);
        for (JsonNode n : r.json().get("results")) {
            List<String> tags = new ArrayList<>();
            n.get("attributes").get("tags").forEach(t -> tags.add(t.asText()));
            assertThat(tags).contains("ambient");
            assertThat(n.get("attributes").get("listeners").get(0).asLong()).isLessThan(500000);
        }
        TestServer.Reply one = server.post("/api/recommendations", "{\"items\": [\"Sigur Lichter\"], \"filter\": \"country:br\"}");
        assertThat(one.status()).isEqualTo(200);
        one.json().get("results").forEach(n -> assertThat(n.get("attributes").get("country").get(0).asText()).isEqualTo("BR"));
        assertThat(server.post("/api/recommendations", "{\"items\": [\"Sigur Lichter\"], \"filter\": 3}").status())
                .isEqualTo(400);
    }

    @Test
    void badFiltersAre400sNamingTheFilter() {
        TestServer.Reply unknown = server.get("/api/items/Sigur%20Lichter/similar?filter=price%3C20");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("error").asText()).isEqualTo("filter 'price<20': unknown attribute 'price'"
                + " (filterable: genre, year, country, tags, listeners)");
        TestServer.Reply notNumber = server.get("/api/items/Sigur%20Lichter/similar?filter=listeners%3Cmany");
        assertThat(notNumber.status()).isEqualTo(400);
        assertThat(notNumber.json().get("error").asText()).isEqualTo("filter 'listeners<many': 'many' is not a number");
        TestServer.Reply text = server.get("/api/items/Sigur%20Lichter/similar?filter=bio:x");
        assertThat(text.status()).isEqualTo(400);
        StringBuilder many = new StringBuilder("/api/items/Sigur%20Lichter/similar?k=5");
        for (int i = 0; i <= Params.MAX_FILTERS; i++) {
            many.append("&filter=country:de");
        }
        assertThat(server.get(many.toString()).status()).isEqualTo(400);
    }

    @Test
    void modelsDescribeTheCatalogueForFacets() {
        JsonNode catalog = server.get("/api/models").json().get("catalog");
        assertThat(catalog.get("genres").asBoolean()).isFalse();
        assertThat(catalog.get("years").asBoolean()).isFalse();
        List<String> names = new ArrayList<>();
        catalog.get("attributes").forEach(a -> names.add(a.get("name").asText() + ":" + a.get("kind").asText()));
        assertThat(names).containsExactly("country:category", "tags:list", "listeners:number", "bio:text");
        JsonNode country = catalog.get("attributes").get(0).get("values");
        assertThat(country.size()).isEqualTo(6);
        assertThat(country.get(0).get("count").asInt()).isEqualTo(12);
        assertThat(catalog.get("attributes").get(2).get("min").asDouble()).isPositive();
    }

    @Test
    void theMapIsColouredByTheFirstCategoryWhenThereAreNoGenres() {
        JsonNode map = server.get("/api/map").json();
        assertThat(map.get("colour_by").asText()).isEqualTo("country");
        List<String> groups = new ArrayList<>();
        map.get("genres").forEach(g -> groups.add(g.asText()));
        assertThat(groups).containsExactlyInAnyOrder("DE", "FR", "IS", "JP", "US", "BR");
        for (JsonNode p : map.get("points")) {
            assertThat(p.get("genre").asInt()).isBetween(0, 5);
        }
    }
}
