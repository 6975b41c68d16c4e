package org.embrec.vectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.embrec.AtomicFiles;
import org.embrec.EmbrecException;

/**
 * The word2vec vectors file formats of the original C tool, as gensim 4's
 * {@code KeyedVectors.load_word2vec_format} reads them and {@code save_word2vec_format} writes
 * them.
 *
 * <p>Both start with an ASCII header line {@code "<count> <dim>\n"}. {@link #TEXT}: one line
 * per vector, the key, a space, and {@code dim} space-separated decimal floats (written as the
 * shortest decimal that reads back to the same float). {@link #BINARY}: per vector, the key's
 * UTF-8 bytes, a space, {@code dim} little-endian IEEE float32 values, and {@code '\n'} (which
 * gensim 4 omits; both variants are read). Keys are UTF-8, non-empty and without whitespace.
 * Rows keep their order. Reading is strict: the header count must match, duplicate keys,
 * non-finite values and trailing data are errors naming the file and line or record.
 *
 * <p>Thread-safe (stateless); reading and writing stream through fixed buffers.
 */
public enum Word2VecFormat {
    /** One line of decimal values per key ({@code binary=False} in gensim). */
    TEXT,
    /** Little-endian float32 values after each key ({@code binary=True} in gensim). */
    BINARY;

    /**
     * Reads a vectors file.
     *
     * @throws EmbrecException naming the file (and line or record) when it is missing, unreadable
     *     or malformed
     */
    public EmbeddingStore read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new Word2VecReader(in, file.toString(), Files.size(file)).read(this == BINARY);
        } catch (NoSuchFileException e) {
            throw new EmbrecException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new EmbrecException(file + ": permission denied");
        } catch (IOException e) {
            throw new EmbrecException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads vectors from a stream (not closed; read to its end), naming it {@code source} in
     * error messages.
     */
    public EmbeddingStore read(InputStream in, String source) throws IOException {
        return read(in, source, -1);
    }

    /**
     * Reads vectors from a stream of {@code size} bytes (-1 when unknown: a known size lets the
     * reader allocate once and reject a header that promises more than the stream holds).
     */
    public EmbeddingStore read(InputStream in, String source, long size) throws IOException {
        return new Word2VecReader(in, source, size).read(this == BINARY);
    }

    /**
     * Writes the store to {@code file} atomically (temp file, then rename).
     *
     * @throws EmbrecException when a key cannot be written in this format or the file cannot be
     *     written
     */
    public void write(EmbeddingStore store, Path file) {
        try {
            AtomicFiles.write(file, out -> write(store, out));
        } catch (IOException e) {
            throw new EmbrecException(file + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    /** Writes the store to a stream (flushed, not closed). */
    public void write(EmbeddingStore store, OutputStream out) throws IOException {
        new Word2VecWriter(out).write(store, this == BINARY);
        out.flush();
    }

    /**
     * Why an id cannot be a key in these formats (empty, invalid Unicode), or null when it can
     * (whitespace is escaped, {@link #key}).
     */
    public static String keyProblem(String id) {
        return Word2VecKeys.problem(Word2VecKeys.escape(id));
    }

    /** The key an id is written as: whitespace and {@code %} as {@code %HH} per UTF-8 byte (docs/FORMATS.md). */
    public static String key(String id) {
        return Word2VecKeys.escape(id);
    }

    /** The id a key is read as (the inverse of {@link #key}). */
    public static String id(String key) {
        return Word2VecKeys.unescape(key);
    }
}
