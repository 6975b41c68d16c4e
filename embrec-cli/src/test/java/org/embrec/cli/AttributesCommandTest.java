package org.embrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The non-movie fixture {@code data/artists} (plays of artists whose ids have spaces and non-ASCII
 * letters; a catalogue with a country, a tag list, a number and a text) loads, trains, lists
 * attributes in tables and JSON, filters in {@code similar} and {@code recommend}, and exports
 * word2vec vectors with escaped keys.
 */
class AttributesCommandTest {
    static final String COLUMNS = "id=id,title=name,country=country,tags=tags:list;,listeners=listeners:number,bio=bio:text";

    @TempDir
    static Path tmp;
    static Path model;

    static String data(String file) {
        return Path.of(System.getProperty("embrec.repo", ".."), "data", "artists", file).toString();
    }

    @BeforeAll
    static void train() {
        model = tmp.resolve("artists-model");
        CliRun r = CliRun.of("train", "--data", data("plays.tsv"), "--columns", "user=user,item=artist,time=time",
                "--items", data("artists.tsv"), "--item-columns", COLUMNS, "--out", model.toString(), "--epochs", "5");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Try: ./embrec similar --model").doesNotContain("What Women Want");
    }

    @Test
    void tablesShowTheCatalogueAttributesAndNotTheMissingGenres() {
        CliRun r = CliRun.of("similar", "--model", model.toString(), "--item", "Sigur Lichter", "--k", "5");
        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.out().split("\\R");
        assertThat(lines[0]).startsWith("Items similar to Sigur Lichter [IS]");
        // the score column is named by the model's item score (a play log's model may fuse ranks or score by a blend)
        String similarity = org.embrec.model.ModelDirectory.read(model).scoring().itemScoreName();
        assertThat(lines[1]).matches("rank  id +country  tags +listeners  " + similarity);
        assertThat(lines).hasSize(7);
    }

    @Test
    void filtersKeepOnlyPassingItemsAndBadFiltersAreOneLineErrors() throws IOException {
        CliRun r = CliRun.of("similar", "--model", model.toString(), "--item", "Sigur Lichter", "--k", "20", "--json",
                "--filter", "country:de|FR", "--filter", "listeners>=100000");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode results = new ObjectMapper().readTree(r.out()).get("results");
        assertThat(results.size()).isGreaterThan(3);
        for (JsonNode n : results) {
            JsonNode a = n.get("attributes");
            assertThat(a.get("country").get(0).asText()).isIn("DE", "FR");
            assertThat(a.get("listeners").get(0).asDouble()).isGreaterThanOrEqualTo(100000);
            assertThat(a.get("tags").size()).isEqualTo(2);
            assertThat(a.get("bio").get(0).asText()).contains(" act from ");
        }
        CliRun rec = CliRun.of("recommend", "--model", model.toString(), "--user", "u1", "--k", "5", "--json",
                "--filter", "tags:bossa nova");
        assertThat(rec.code()).as(rec.err()).isZero();
        for (JsonNode n : new ObjectMapper().readTree(rec.out()).get("results")) {
            List<String> tags = new ArrayList<>();
            n.get("attributes").get("tags").forEach(t -> tags.add(t.asText()));
            assertThat(tags).contains("bossa nova");
        }
        CliRun bad = CliRun.of("similar", "--model", model.toString(), "--item", "Sigur Lichter", "--filter", "price<3");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("embrec: error: filter 'price<3': unknown attribute 'price' (filterable: genre,"
                + " year, country, tags, listeners)" + System.lineSeparator());
    }

    @Test
    void theWord2VecExportEscapesSpacesInIds() throws IOException {
        Path out = tmp.resolve("vectors.txt");
        CliRun r = CliRun.of("export", "--model", model.toString(), "--output-format", "w2v-text", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(text).contains("\nSigur%20Lichter ").doesNotContain("Sigur Lichter");
        assertThat(Files.readString(model.resolve("catalog.tsv"))).startsWith(
                "id\ttitle\tgenres\tyear\tcountry:category\ttags:list\tlisteners:number\tbio:text\n");
    }
}
