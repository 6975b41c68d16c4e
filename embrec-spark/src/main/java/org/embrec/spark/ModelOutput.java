package org.embrec.spark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.embrec.AtomicFiles;
import org.embrec.EmbrecException;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelDirectory;

/**
 * Writes the model directory where {@code --out} says, in exactly the layout
 * {@link ModelDirectory} writes (so {@code similar}, {@code evaluate --model}, {@code index} and
 * {@code serve} read it unchanged). A local path (no scheme, or {@code file:}) is written by
 * {@link ModelDirectory#write} itself: temp directory, then an atomic rename. Any other Hadoop
 * file system URI (hdfs://, s3a://, abfs://, gs://) gets the directory built locally, copied to a
 * temp name beside the target and renamed into place (atomic on HDFS; on object stores the
 * rename is a copy, so readers should wait for the job to finish). Stateless.
 */
public final class ModelOutput {
    private ModelOutput() {}

    /**
     * Checks, before any work, that a model may be written to {@code out}: absent, an empty
     * directory, or an embrec model directory (recognised by its manifest, as
     * {@link ModelDirectory#KIND} does locally).
     *
     * @throws EmbrecException naming {@code out} otherwise
     */
    public static void checkWritable(String out, Configuration hadoop) {
        URI uri = URI.create(out.replace(" ", "%20"));
        if (uri.getScheme() == null || uri.getScheme().equals("file")) {
            ModelDirectory.checkWritable(local(out, uri));
            return;
        }
        try {
            checkRemote(out, new Path(out), new Path(out).getFileSystem(hadoop));
        } catch (IOException e) {
            throw new EmbrecException(out + ": cannot check the output directory (" + e.getMessage() + ")", e);
        }
    }

    /** Writes {@code model} to {@code out}, replacing an embrec model directory there (never anything else). */
    public static void write(String out, EmbeddingModel model, Configuration hadoop) {
        URI uri = URI.create(out.replace(" ", "%20"));
        if (uri.getScheme() == null || uri.getScheme().equals("file")) {
            ModelDirectory.write(local(out, uri), model);
            return;
        }
        java.nio.file.Path local = null;
        try {
            local = Files.createTempDirectory("embrec-model-");
            java.nio.file.Path dir = local.resolve("model");
            ModelDirectory.write(dir, model);
            Path target = new Path(out);
            FileSystem fs = target.getFileSystem(hadoop);
            checkRemote(out, target, fs);
            Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp-" + UUID.randomUUID());
            fs.copyFromLocalFile(false, true, new Path(dir.toUri()), tmp);
            if (fs.exists(target) && !fs.delete(target, true)) {
                throw new EmbrecException(out + ": cannot remove the old model directory");
            }
            if (!fs.rename(tmp, target)) {
                fs.delete(tmp, true);
                throw new EmbrecException(out + ": cannot rename " + tmp + " into place");
            }
        } catch (IOException e) {
            throw new EmbrecException(out + ": cannot write the model (" + e.getMessage() + ")", e);
        } finally {
            if (local != null) {
                try {
                    AtomicFiles.deleteRecursively(local);
                } catch (IOException ignored) {
                    // a leftover temp directory is harmless
                }
            }
        }
    }

    private static java.nio.file.Path local(String out, URI uri) {
        return uri.getScheme() == null ? java.nio.file.Path.of(out) : java.nio.file.Path.of(uri);
    }

    /** Absent, an empty directory, or a directory whose manifest embrec wrote. */
    private static void checkRemote(String out, Path target, FileSystem fs) throws IOException {
        if (!fs.exists(target)) {
            return;
        }
        if (!fs.getFileStatus(target).isDirectory()) {
            throw new EmbrecException(out + ": exists and is not a directory");
        }
        if (fs.listStatus(target).length == 0) {
            return;
        }
        Path manifest = new Path(target, ModelDirectory.MANIFEST);
        boolean ours = false;
        if (fs.exists(manifest) && fs.getFileStatus(manifest).getLen() <= org.embrec.JsonFiles.MAX_BYTES) {
            try (java.io.InputStream in = fs.open(manifest)) {
                ours = ModelDirectory.isModelManifest(in.readAllBytes());
            }
        }
        if (!ours) {
            throw new EmbrecException(out + ": exists and is not an embrec model directory (no " + ModelDirectory.MANIFEST
                    + " naming the format " + ModelDirectory.FORMAT + "); refusing to replace it: give a new or empty"
                    + " directory");
        }
    }
}
