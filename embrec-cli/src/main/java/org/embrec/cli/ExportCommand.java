package org.embrec.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.embrec.EmbrecException;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ProjectorExport;
import org.embrec.vectors.Word2VecFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code embrec export}: a model's vectors as a word2vec text or binary file (gensim, fastText
 * tools) or as a TensorBoard Embedding Projector directory. Output is written atomically.
 */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Write a model's vectors for other tools: word2vec text or binary, or the Embedding Projector.")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Option(names = "--output-format", paramLabel = "FORMAT", required = true,
            description = "w2v-text, w2v-binary (gensim KeyedVectors.load_word2vec_format), or projector"
                    + " (a directory with vectors.tsv and metadata.tsv for projector.tensorflow.org).")
    String format;

    @Option(names = "--out", paramLabel = "PATH", required = true,
            description = "Output file (w2v-*) or directory (projector); replaced if it exists.")
    Path out;

    @Option(names = "--output-vectors", paramLabel = "PATH",
            description = "w2v-*: also write the model's output vectors (a --scoring directed model's"
                    + " output-vectors.bin; gensim's syn1neg) to PATH in the same format.")
    Path outputVectors;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("w2v-text") && !f.equals("w2v-binary") && !f.equals("projector")) {
            throw new EmbrecException("--output-format must be w2v-text, w2v-binary or projector, got '" + format + "'");
        }
        if (!f.equals("projector") && Files.isDirectory(out)) {
            throw new EmbrecException("--out " + out + ": is a directory (" + f + " writes one file)");
        }
        if (f.equals("projector")) {
            ProjectorExport.KIND.checkReplaceable(out);
        }
        if (outputVectors != null && f.equals("projector")) {
            throw new EmbrecException("--output-vectors applies to w2v-text and w2v-binary only");
        }
        if (outputVectors != null && Files.isDirectory(outputVectors)) {
            throw new EmbrecException("--output-vectors " + outputVectors + ": is a directory (" + f + " writes one file)");
        }
        EmbeddingModel m = model.load();
        if (outputVectors != null && m.outputVectors() == null) {
            throw new EmbrecException("--output-vectors: " + model.dir() + " keeps no output vectors (only a model"
                    + " trained with --scoring directed does)");
        }
        switch (f) {
            case "w2v-text" -> Word2VecFormat.TEXT.write(m.vectors(), out);
            case "w2v-binary" -> Word2VecFormat.BINARY.write(m.vectors(), out);
            default -> ProjectorExport.write(m, out);
        }
        spec.commandLine().getErr().printf(Locale.ROOT, "embrec: wrote %,d vectors of dimension %d to %s (%s)%n",
                m.vectors().size(), m.vectors().dim(), out, f);
        if (outputVectors != null) {
            (f.equals("w2v-text") ? Word2VecFormat.TEXT : Word2VecFormat.BINARY).write(m.outputVectors(), outputVectors);
            spec.commandLine().getErr().printf(Locale.ROOT, "embrec: wrote %,d output vectors to %s (%s)%n",
                    m.outputVectors().size(), outputVectors, f);
        }
        spec.commandLine().getErr().flush();
        return 0;
    }
}
