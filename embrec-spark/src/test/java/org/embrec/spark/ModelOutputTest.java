package org.embrec.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.embrec.EmbrecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelOutputTest {
    @TempDir
    Path tmp;

    @Test
    void aDirectoryWithAManifestEmbrecDidNotWriteIsRefusedBeforeTheJob() throws IOException {
        Path w = Files.createDirectories(tmp.resolve("w/src"));
        Files.writeString(tmp.resolve("w/manifest.json"), "{\"name\":\"ext\"}");
        Files.writeString(w.resolve("main.js"), "code");
        for (String out : new String[] {tmp.resolve("w").toString(), tmp.resolve("w").toUri().toString()}) {
            assertThatThrownBy(() -> ModelOutput.checkWritable(out, new Configuration()))
                    .isInstanceOf(EmbrecException.class).hasMessageContaining("refusing to replace it");
        }
        assertThat(w.resolve("main.js")).hasContent("code");
        ModelOutput.checkWritable(tmp.resolve("new").toString(), new Configuration()); // a new path is fine
    }
}
