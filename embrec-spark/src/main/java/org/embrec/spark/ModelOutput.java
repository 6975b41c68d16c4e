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

    /** Writes {@code model} to {@code out}, replacing an embrec model directory there. */
    public static void write(String out, EmbeddingModel model, Configuration hadoop) {
        URI uri = URI.create(out.replace(" ", "%20"));
        if (uri.getScheme() == null || uri.getScheme().equals("file")) {
            ModelDirectory.write(uri.getScheme() == null ? java.nio.file.Path.of(out) : java.nio.file.Path.of(uri), model);
            return;
        }
        java.nio.file.Path local = null;
        try {
            local = Files.createTempDirectory("embrec-model-");
            java.nio.file.Path dir = local.resolve("model");
            ModelDirectory.write(dir, model);
            Path target = new Path(out);
            FileSystem fs = target.getFileSystem(hadoop);
            if (fs.exists(target) && !fs.exists(new Path(target, ModelDirectory.MANIFEST))
                    && fs.listStatus(target).length > 0) {
                throw new EmbrecException(out + ": exists and is not an embrec model directory (no "
                        + ModelDirectory.MANIFEST + "); refusing to replace it");
            }
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
            throw new EmbrecException(out + ": cannot write the model (" + e + ")", e);
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
}
