package org.embrec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the JSON files embrec writes and users hand it ({@code manifest.json}, {@code index.json},
 * tuning configs and logs, evaluation reports) strictly and within fixed limits: at most
 * {@value #MAX_BYTES} bytes, {@value #MAX_DEPTH} levels of nesting and {@value #MAX_STRING}
 * characters in one string; duplicate keys and anything after the top-level value are errors.
 * Every failure is an {@link EmbrecException} with one line naming the source (and the line and
 * column when the JSON is malformed). Stateless and thread-safe.
 */
public final class JsonFiles {
    /** Largest JSON file read, in bytes. */
    public static final int MAX_BYTES = 16 << 20;
    /** Deepest nesting of arrays and objects. */
    public static final int MAX_DEPTH = 64;
    /** Longest string value or key, in characters. */
    public static final int MAX_STRING = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING)
                    .maxNameLength(MAX_STRING)
                    .maxDocumentLength(MAX_BYTES)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonFiles() {}

    /**
     * Reads and parses a JSON file.
     *
     * @throws EmbrecException naming the file: missing, unreadable, not a regular file, larger
     *     than {@link #MAX_BYTES}, or malformed
     */
    public static JsonNode read(Path file) {
        return parse(readBytes(file), file.toString());
    }

    /**
     * The bytes of a file of at most {@link #MAX_BYTES} bytes (without reading more than that of
     * anything else, such as a device or a FIFO, which are refused).
     *
     * @throws EmbrecException naming the file
     */
    public static byte[] readBytes(Path file) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new EmbrecException(file + ": not a regular file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new EmbrecException(file + ": larger than " + (MAX_BYTES >> 20) + " MiB, too large for a JSON file"
                        + " of embrec");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new EmbrecException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new EmbrecException(file + ": permission denied");
        } catch (IOException e) {
            throw new EmbrecException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Parses one JSON value (any type) from {@code bytes}; {@code source} names it in messages.
     *
     * @throws EmbrecException when the bytes are empty, malformed, exceed a limit, repeat a key or
     *     hold anything after the value
     */
    public static JsonNode parse(byte[] bytes, String source) {
        if (bytes.length > MAX_BYTES) {
            throw new EmbrecException(source + ": larger than " + (MAX_BYTES >> 20) + " MiB, too large for a JSON file");
        }
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || root.isMissingNode()) {
                throw new EmbrecException(source + ": empty (expected JSON)");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new EmbrecException(source + ": invalid JSON" + where(e.getLocation()) + " ("
                    + oneLine(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            throw new EmbrecException(source + ": cannot read (" + oneLine(e.getMessage()) + ")", e);
        }
    }

    /** Parses one JSON value from a string (for line-oriented files such as JSON lines). */
    public static JsonNode parse(String text, String source) {
        return parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), source);
    }

    private static String where(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return "";
        }
        return " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    /** The first line of a parser message, without Jackson's pointer to its own API, printable and cut. */
    private static String oneLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        String first = message.lines().findFirst().orElse("").strip().replaceAll(", from `[^`]*`", "")
                .replaceAll("\\s*\\(start marker at \\[Source:.*$", "").replaceAll("\\s*at \\[Source:.*$", "");
        return Printable.of(first, 200);
    }
}
