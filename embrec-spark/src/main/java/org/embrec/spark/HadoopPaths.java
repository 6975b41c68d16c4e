package org.embrec.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.embrec.EmbrecException;
import org.embrec.data.Fingerprint;

/**
 * Questions about input paths answered through Hadoop's file system API, so that local paths
 * and cluster URIs (hdfs://, s3a://, ...) behave alike: format detection, and the fingerprint
 * a model manifest records. Thread-safe (holds only the configuration).
 */
public final class HadoopPaths implements JobOptions.PathProbe {
    private final Configuration conf;

    public HadoopPaths(Configuration conf) {
        this.conf = conf;
    }

    @Override
    public boolean hasRatingsCsv(String path) {
        return isFile(new Path(SparkInput.join(path, SparkInput.RATINGS_CSV)));
    }

    @Override
    public boolean hasParquet(String path) {
        try {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(conf);
            if (!fs.exists(p) || !fs.getFileStatus(p).isDirectory()) {
                return false;
            }
            for (FileStatus s : fs.listStatus(p)) {
                if (s.isFile() && s.getPath().getName().endsWith(".parquet")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new EmbrecException(path + ": cannot list (" + e.getMessage() + ")", e);
        }
    }

    /**
     * A short fingerprint of the data files of {@code paths}: for local files embrec's
     * content-sampling {@link Fingerprint} (as {@code ./embrec train} records), otherwise a
     * SHA-256 over each file's path, size and modification time, cut to 16 hex digits.
     *
     * @throws EmbrecException when a path does not exist or cannot be listed
     */
    public String fingerprint(List<String> paths) {
        List<FileStatus> files = new ArrayList<>();
        boolean local = true;
        try {
            for (String path : paths) {
                Path p = new Path(path);
                FileSystem fs = p.getFileSystem(conf);
                local &= "file".equals(fs.getScheme());
                FileStatus[] matches = fs.globStatus(p);
                if (matches == null || matches.length == 0) {
                    throw new EmbrecException(path + ": no such file or directory");
                }
                for (FileStatus m : matches) {
                    RemoteIterator<LocatedFileStatus> it = fs.listFiles(m.getPath(), true);
                    while (it.hasNext()) {
                        LocatedFileStatus f = it.next();
                        String name = f.getPath().getName();
                        if (!name.startsWith(".") && !name.startsWith("_")) {
                            files.add(f);
                        }
                    }
                }
            }
            files.sort((a, b) -> a.getPath().toString().compareTo(b.getPath().toString()));
            if (local) {
                List<java.nio.file.Path> nio = new ArrayList<>();
                for (FileStatus f : files) {
                    nio.add(java.nio.file.Path.of(f.getPath().toUri()));
                }
                return Fingerprint.of(nio);
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (FileStatus f : files) {
                sha.update((f.getPath() + "\t" + f.getLen() + "\t" + f.getModificationTime() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new EmbrecException(paths + ": cannot read (" + e.getMessage() + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean isFile(Path p) {
        try {
            FileSystem fs = p.getFileSystem(conf);
            return fs.exists(p) && fs.getFileStatus(p).isFile();
        } catch (IOException e) {
            throw new EmbrecException(p + ": cannot check (" + e.getMessage() + ")", e);
        }
    }
}
