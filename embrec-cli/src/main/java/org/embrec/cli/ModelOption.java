package org.embrec.cli;

import java.nio.file.Path;
import org.embrec.EmbrecException;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelDirectory;
import picocli.CommandLine.Option;

/** The {@code --model DIR} option of commands that read a trained model directory (a mixin). */
public final class ModelOption {
    @Option(names = "--model", paramLabel = "DIR", required = true,
            description = "Model directory written by 'embrec train --out DIR'.")
    Path dir;

    /** Reads and checks the model; problems are one-line errors naming the flag. */
    public EmbeddingModel load() {
        try {
            return ModelDirectory.read(dir);
        } catch (EmbrecException e) {
            throw new EmbrecException("--model " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }
}
