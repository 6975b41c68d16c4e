package org.embrec.recommend;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.embrec.EmbrecException;
import org.embrec.Notices;
import org.embrec.Printable;

/**
 * A model's business exclusions: {@code exclude.txt} in the model directory, the items never to
 * recommend (docs/CONTROLS.md). UTF-8, one id a line; {@code #} starts a comment (to the end of
 * the line), blank lines and surrounding spaces are ignored. Ids the model does not know are
 * reported as a warning, not an error (the catalogue may have moved on). Read when the model is
 * opened, so a server reload re-reads it. Stateless.
 */
public final class Exclusions {
    /** The file's name in a model directory. */
    public static final String FILE = "exclude.txt";

    private Exclusions() {}

    /**
     * The ids of {@code modelDir/exclude.txt}, empty when the directory is null or has no such
     * file; unknown ids ({@code known} false) are warned about ({@link Notices}) and kept.
     *
     * @throws EmbrecException naming the file when it cannot be read or is not UTF-8
     */
    public static Set<String> forModel(Path modelDir, Predicate<String> known) {
        if (modelDir == null) {
            return Set.of();
        }
        Path file = modelDir.resolve(FILE);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Set.of();
        } catch (IOException e) {
            throw new EmbrecException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(bytes, file.toString(), known);
    }

    /**
     * The ids of an exclusion list's bytes ({@code source} names it in messages); ids
     * {@code known} rejects are warned about in one line and kept.
     *
     * @throws EmbrecException naming the source and line when it is not UTF-8 or a line holds a
     *     control character
     */
    public static Set<String> parse(byte[] bytes, String source, Predicate<String> known) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new EmbrecException(source + ": not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Set<String> ids = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String id = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (id.isEmpty()) {
                continue;
            }
            for (int c = 0; c < id.length(); c++) {
                if (Character.isISOControl(id.charAt(c))) {
                    throw new EmbrecException(source + ":" + (i + 1) + ": a control character in the id '"
                            + Printable.of(id) + "' (one item id a line)");
                }
            }
            if (ids.add(id) && known != null && !known.test(id)) {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            Notices.warn(source + ": " + unknown.size() + " id" + (unknown.size() > 1 ? "s" : "")
                    + " not in the model (kept in case they come back): "
                    + Printable.of(String.join(", ", unknown.subList(0, Math.min(5, unknown.size()))))
                    + (unknown.size() > 5 ? ", ..." : ""));
        }
        return Set.copyOf(ids);
    }
}
