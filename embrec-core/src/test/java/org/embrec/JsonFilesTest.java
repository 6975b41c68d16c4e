package org.embrec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFilesTest {
    @Test
    void strictAndBoundedInOneLine() {
        assertThat(JsonFiles.parse("{\"a\": [1, {\"b\": \"c\"}]}", "x.json").path("a").get(1).path("b").asText())
                .isEqualTo("c");
        List<String> bad = List.of("", "{\"a\": 1} trailing", "{\"a\": 1}{}", "{\"a\": 1, \"a\": 2}",
                "[".repeat(JsonFiles.MAX_DEPTH + 1) + "]".repeat(JsonFiles.MAX_DEPTH + 1),
                "\"" + "s".repeat(JsonFiles.MAX_STRING + 1) + "\"", "{\"a\": \"\u001b[31m\n", "{\"a\":");
        for (String text : bad) {
            assertThatThrownBy(() -> JsonFiles.parse(text, "x.json")).as(text.length() > 40 ? text.substring(0, 40) : text)
                    .isInstanceOf(EmbrecException.class).hasMessageStartingWith("x.json: ")
                    .hasMessageNotContaining("\n").hasMessageNotContaining("\u001b").hasMessageNotContaining("Source");
        }
        assertThatThrownBy(() -> JsonFiles.parse("{\"a\": 1} x", "x.json")).hasMessageStartingWith("x.json: invalid JSON at line 1");
    }

    @Test
    void filesAreReadOnlyWhenRegularAndSmallEnough(@TempDir Path tmp) throws IOException {
        assertThatThrownBy(() -> JsonFiles.read(tmp)).hasMessage(tmp + ": not a regular file");
        assertThatThrownBy(() -> JsonFiles.read(tmp.resolve("none.json"))).hasMessage(tmp.resolve("none.json") + ": no such file");
        Path big = tmp.resolve("big.json");
        try (var out = Files.newOutputStream(big)) {
            out.write('"');
            out.write(new byte[JsonFiles.MAX_BYTES]);
        }
        assertThatThrownBy(() -> JsonFiles.read(big)).hasMessageStartingWith(big + ": larger than 16 MiB");
    }
}
