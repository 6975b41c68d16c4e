package org.embrec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.embrec.EmbrecException;
import org.embrec.data.IdMap;
import org.embrec.sequence.Sequences;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserHistoriesFileTest {
    @TempDir
    Path tmp;

    /** Random sequences over ids with multi-byte varints and non-ASCII ids; some users without items. */
    static Sequences random(long seed, int users, int items) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] itemIds = new String[items];
        for (int i = 0; i < items; i++) {
            itemIds[i] = i % 7 == 0 ? "film-é" + i : Integer.toString(i * 31);
        }
        String[] userIds = new String[users];
        int[] offsets = new int[users + 1];
        int[] seq = new int[users * 300];
        int size = 0;
        for (int u = 0; u < users; u++) {
            userIds[u] = "user" + u;
            int length = u % 5 == 4 ? 0 : rnd.nextInt(300);
            for (int p = 0; p < length; p++) {
                seq[size++] = rnd.nextInt(items);
            }
            offsets[u + 1] = size;
        }
        int[] userOfSeq = new int[users];
        Arrays.setAll(userOfSeq, i -> i);
        return new Sequences(offsets, Arrays.copyOf(seq, size), userOfSeq, IdMap.of(itemIds), IdMap.of(userIds));
    }

    private static byte[] bytes(Sequences s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        UserHistoriesFile.write(s, out);
        return out.toByteArray();
    }

    private static Sequences read(byte[] b) throws IOException {
        return UserHistoriesFile.read(new ByteArrayInputStream(b), "users.bin");
    }

    @RepeatedTest(5)
    void roundTripsEveryUsersSequenceByExternalId(RepetitionInfo repetition) throws IOException {
        Sequences s = random(repetition.getCurrentRepetition(), 40, 5000);
        Sequences back = read(bytes(s));
        assertThat(back.count()).isEqualTo(s.count());
        for (int q = 0; q < s.count(); q++) {
            String user = s.userIds().external(s.user(q));
            int b = back.userIds().indexOf(user);
            assertThat(back.user(b)).isEqualTo(b);
            List<String> expected = Arrays.stream(s.sequence(q)).mapToObj(s.itemIds()::external).toList();
            List<String> actual = Arrays.stream(back.sequence(b)).mapToObj(back.itemIds()::external).toList();
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void damageIsReportedInOneLine() throws IOException {
        byte[] good = bytes(random(1, 5, 50));
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x01;
        assertThatThrownBy(() -> read(flipped)).isInstanceOf(EmbrecException.class).hasMessageStartingWith("users.bin: ");
        assertThatThrownBy(() -> read(Arrays.copyOf(good, good.length - 3))).isInstanceOf(EmbrecException.class)
                .hasMessage("users.bin: truncated (unexpected end of file)");
        byte[] magic = good.clone();
        magic[0] = 'X';
        assertThatThrownBy(() -> read(magic)).isInstanceOf(EmbrecException.class)
                .hasMessage("users.bin: not an embrec users file (bad magic)");
        byte[] version = good.clone();
        version[8] = 9;
        assertThatThrownBy(() -> read(version)).isInstanceOf(EmbrecException.class)
                .hasMessage("users.bin: unsupported users file version 9 (expected 1)");
        byte[] extra = Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> read(extra)).isInstanceOf(EmbrecException.class)
                .hasMessage("users.bin: unexpected bytes after the checksum");
    }

    @Test
    void theModelDirectoryKeepsHistoriesAndColdItems() throws IOException {
        EmbeddingModel base = TestModels.clustered(20, 4, 3);
        Sequences h = random(2, 6, 25);
        EmbeddingModel model = base.withHistories(h).withColdStart(base.vectors(),
                new ColdStartSection(List.of("7", "3"), ColdStartSettings.defaults(), java.util.Map.of()));
        Path dir = tmp.resolve("m");
        ModelDirectory.write(dir, model);
        assertThat(dir.resolve(ModelDirectory.USERS)).isRegularFile();
        assertThat(Files.readAllLines(dir.resolve(ModelDirectory.COLD_ITEMS))).containsExactly("7", "3");
        EmbeddingModel back = ModelDirectory.read(dir);
        assertThat(back.coldItems()).containsExactly("7", "3");
        assertThat(back.isCold("7")).isTrue();
        assertThat(back.isCold("8")).isFalse();
        assertThat(back.histories().count()).isEqualTo(h.count());
        // Without the optional parts nothing is written and nothing is read.
        Path plain = tmp.resolve("plain");
        ModelDirectory.write(plain, base);
        assertThat(plain.resolve(ModelDirectory.USERS)).doesNotExist();
        assertThat(plain.resolve(ModelDirectory.COLD_ITEMS)).doesNotExist();
        EmbeddingModel plainBack = ModelDirectory.read(plain);
        assertThat(plainBack.histories()).isNull();
        assertThat(plainBack.coldItems()).isEmpty();
    }

    @Test
    void coldItemsRankWithTheManifestsPenaltyAfterARoundTrip() throws IOException {
        EmbeddingModel base = TestModels.clustered(20, 4, 3);
        EmbeddingModel model = base.withColdStart(base.vectors(), new ColdStartSection(List.of("7", "3"),
                ColdStartSettings.defaults().withPenalty(0.25), java.util.Map.of("content-fields", "title")));
        assertThat(model.coldPenalty()).isEqualTo(0.25);
        Path dir = tmp.resolve("m");
        ModelDirectory.write(dir, model);
        EmbeddingModel back = ModelDirectory.read(dir);
        for (int r = 0; r < back.vectors().size(); r++) {
            boolean cold = back.isCold(back.vectors().id(r));
            assertThat(back.vectors().scoreOffset(r)).as("row %d", r).isEqualTo(cold ? -0.25f : 0f);
        }
        // The penalty lowers a cold item's score by exactly that much, in every search.
        String query = "1";
        var plain = exact(base.vectors(), query);
        var penalised = exact(back.vectors(), query);
        for (var n : penalised) {
            float cosine = plain.stream().filter(p -> p.id().equals(n.id())).findFirst().orElseThrow().score();
            assertThat(n.score()).isCloseTo(cosine - (back.isCold(n.id()) ? 0.25f : 0f),
                    org.assertj.core.api.Assertions.within(1e-6f));
        }
        assertThat(back.coldStart()).contains(model.coldStart().orElseThrow());
        // Without a penalty cold items rank by cosine.
        EmbeddingModel old = base.withColdStart(base.vectors(),
                new ColdStartSection(List.of("7"), ColdStartSettings.defaults().withPenalty(0), java.util.Map.of()));
        assertThat(old.coldPenalty()).isZero();
        assertThat(old.vectors().hasScoreOffsets()).isFalse();
    }

    /** The 20 items nearest to {@code id} by exact search, with the store's score offsets. */
    private static List<org.embrec.vectors.Neighbor> exact(org.embrec.vectors.EmbeddingStore s, String id) {
        int row = s.indexOf(id);
        return org.embrec.index.OffsetIndex.of(org.embrec.index.ExactIndex.of(s))
                .search(s.vector(row), 20, org.embrec.index.ItemFilter.NONE, row).toNeighbors(s.ids());
    }

    /** Writes a small model whose item 3 is cold (default settings); returns its manifest. */
    private static Path writeModelWithColdItem3(Path dir) {
        EmbeddingModel m = TestModels.clustered(10, 4, 3);
        ModelDirectory.write(dir, m.withColdStart(m.vectors(),
                new ColdStartSection(List.of("3"), ColdStartSettings.defaults(), java.util.Map.of())));
        return dir.resolve("manifest.json");
    }

    @Test
    void aModelFromBeforeTheColdStartSectionReadsItsPenaltyFromTheConfig() throws IOException {
        Path dir = tmp.resolve("m");
        Path manifest = writeModelWithColdItem3(dir);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(manifest.toFile());
        root.remove("cold_start");
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("config")).put("cold_start", "content")
                .put("cold_lambda", 10.0).put("cold_penalty", 0.3).put("cold_items", 1);
        Files.write(manifest, json.writeValueAsBytes(root));
        EmbeddingModel back = ModelDirectory.read(dir);
        assertThat(back.coldPenalty()).isEqualTo(0.3);
        assertThat(back.coldStart().orElseThrow().settings().lambda()).isEqualTo(10.0);
        assertThat(back.coldItems()).containsExactly("3");
        assertThat(back.manifest().config()).doesNotContainKeys("cold_start", "cold_lambda", "cold_penalty", "cold_items");
    }

    @Test
    void aBadColdPenaltyInTheManifestIsReportedWithTheFile() throws IOException {
        Path dir = tmp.resolve("m");
        Path manifest = writeModelWithColdItem3(dir);
        String written = Files.readString(manifest);
        Files.writeString(manifest, written.replace("\"penalty\" : 0.05", "\"penalty\" : \"high\""));
        assertThatThrownBy(() -> ModelDirectory.read(dir)).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("manifest.json").hasMessageContaining("'cold_start.penalty' must be a number");
        Files.writeString(manifest, written.replace("\"penalty\" : 0.05", "\"penalty\" : 3"));
        assertThatThrownBy(() -> ModelDirectory.read(dir)).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("manifest.json").hasMessageContaining("--cold-penalty must be between 0 and 2");
        // The spelling of older models: a penalty in the config.
        String legacy = written.replaceAll("(?s),\\s*\"cold_start\" : \\{[^}]*\\{[^}]*\\}\\s*\\}", "")
                .replace("\"config\" : {", "\"config\" : {\"cold_penalty\" : \"high\", ");
        assertThat(legacy).doesNotContain("\"cold_start\" : {");
        Files.writeString(manifest, legacy);
        assertThatThrownBy(() -> ModelDirectory.read(dir)).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("manifest.json").hasMessageContaining("cold_penalty must be a number in [0, 2], got high");
    }

    @Test
    void aColdItemWithoutAVectorIsReported() throws IOException {
        Path dir = tmp.resolve("m");
        ModelDirectory.write(dir, TestModels.clustered(10, 4, 3));
        TestModels.makeLegacy(dir); // a model with sums would report the added file as not part of it
        Files.writeString(dir.resolve(ModelDirectory.COLD_ITEMS), "3\n99\n");
        assertThatThrownBy(() -> ModelDirectory.read(dir)).isInstanceOf(EmbrecException.class)
                .hasMessage(dir.resolve(ModelDirectory.COLD_ITEMS) + ":2: item '99' has no vector in vectors.bin");
    }
}
