package org.embrec.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.embrec.EmbrecException;
import org.embrec.data.IdMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Word2VecFormatTest {
    @TempDir
    Path tmp;

    static EmbeddingStore randomStore(SplittableRandom rnd, int n, int dim, boolean oddKeys) {
        String[] keys = new String[n];
        String[] odd = {"Amélie", "東京物語", "😀-emoji", "a,b;c", "naïve_café", "x\"quoted\"", "Ωmega", "\\back"};
        for (int i = 0; i < n; i++) {
            keys[i] = oddKeys && i < odd.length ? odd[i] : oddKeys && i % 3 == 0 ? "k" + i + "é" : Integer.toString(i * 7 + 1);
        }
        float[] v = new float[n * dim];
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (rnd.nextInt(10)) {
                case 0 -> Float.intBitsToFloat(rnd.nextInt(0, 0x7f000000)) * (rnd.nextBoolean() ? 1 : -1);
                case 1 -> rnd.nextBoolean() ? 0f : -0f;
                case 2 -> Float.MIN_VALUE * rnd.nextInt(1, 100);
                default -> (float) rnd.nextGaussian() * 0.3f;
            };
        }
        return EmbeddingStore.of(IdMap.of(keys), v, dim);
    }

    static void assertSameVectors(EmbeddingStore actual, EmbeddingStore expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        assertThat(actual.dim()).isEqualTo(expected.dim());
        assertThat(actual.ids().externals()).containsExactly(expected.ids().externals());
        float[] a = actual.matrix();
        float[] e = expected.matrix();
        for (int i = 0; i < e.length; i++) {
            if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(e[i])) {
                throw new AssertionError("value " + i + " (row " + i / e.length + "): expected " + e[i] + ", got " + a[i]);
            }
        }
    }

    private static byte[] write(Word2VecFormat f, EmbeddingStore s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.write(s, out);
        return out.toByteArray();
    }

    private static EmbeddingStore read(Word2VecFormat f, byte[] bytes) throws IOException {
        return f.read(new ByteArrayInputStream(bytes), "v");
    }

    /** Delivers 1..7 bytes per read, to hit every buffer boundary. */
    private static InputStream trickle(byte[] bytes, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, rnd.nextInt(1, 8)));
            }
        };
    }

    @ParameterizedTest
    @EnumSource(Word2VecFormat.class)
    void roundTripsExactlyForManyDimensions(Word2VecFormat format) throws IOException {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int dim : new int[] {1, 2, 3, 7, 8, 16, 17, 64, 100, 255, 300}) {
            EmbeddingStore s = randomStore(rnd, rnd.nextInt(1, 60), dim, dim % 2 == 1);
            assertSameVectors(read(format, write(format, s)), s);
        }
    }

    @ParameterizedTest
    @EnumSource(Word2VecFormat.class)
    void roundTripsThroughTinyReadsAndHugeKeys(Word2VecFormat format) throws IOException {
        SplittableRandom rnd = new SplittableRandom(8);
        EmbeddingStore base = randomStore(rnd, 40, 33, true);
        String[] keys = base.ids().externals();
        keys[5] = "long" + "é".repeat(70_000);
        EmbeddingStore s = EmbeddingStore.of(IdMap.of(keys), base.matrix(), 33);
        byte[] bytes = write(format, s);
        assertSameVectors(format.read(trickle(bytes, 1), "v"), s);
        assertSameVectors(format.read(new ByteArrayInputStream(bytes), "v"), s);
    }

    @ParameterizedTest
    @EnumSource(Word2VecFormat.class)
    void roundTripsAnEmptyStoreAndFiles(Word2VecFormat format) throws IOException {
        EmbeddingStore empty = EmbeddingStore.of(IdMap.of(), new float[0], 5);
        assertThat(new String(write(format, empty), StandardCharsets.US_ASCII)).isEqualTo("0 5\n");
        assertSameVectors(read(format, write(format, empty)), empty);

        EmbeddingStore s = randomStore(new SplittableRandom(9), 20, 4, true);
        Path file = tmp.resolve("sub/dir/vectors");
        format.write(s, file);
        assertSameVectors(format.read(file), s);
        format.write(empty, file);
        assertSameVectors(format.read(file), empty);
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("vectors");
        }
    }

    @Test
    void writesTheLayoutGensimReads() throws IOException {
        EmbeddingStore s = EmbeddingStore.of(IdMap.of("1", "é"), new float[] {0.1f, -2f, 1e-5f, 3f}, 2);
        assertThat(new String(write(Word2VecFormat.TEXT, s), StandardCharsets.UTF_8))
                .isEqualTo("2 2\n1 0.1 -2.0\né 1.0E-5 3.0\n");
        ByteBuffer expected = ByteBuffer.allocate(4 + 2 + 8 + 1 + 3 + 8 + 1).order(ByteOrder.LITTLE_ENDIAN);
        expected.put("2 2\n1 ".getBytes(StandardCharsets.US_ASCII)).putFloat(0.1f).putFloat(-2f).put((byte) '\n');
        expected.put("é ".getBytes(StandardCharsets.UTF_8)).putFloat(1e-5f).putFloat(3f).put((byte) '\n');
        assertThat(write(Word2VecFormat.BINARY, s)).isEqualTo(expected.array());
    }

    @Test
    void readsGensimBinaryWithoutNewlinesAndLenientText() throws IOException {
        // gensim 4 save_word2vec_format(binary=True) writes no '\n' after a vector.
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put("2 2\nab ".getBytes(StandardCharsets.US_ASCII)).putFloat(1f).putFloat(2f);
        b.put("cd ".getBytes(StandardCharsets.US_ASCII)).putFloat(3f).putFloat(4f);
        EmbeddingStore s = read(Word2VecFormat.BINARY, java.util.Arrays.copyOf(b.array(), b.position()));
        assertThat(s.ids().externals()).containsExactly("ab", "cd");
        assertThat(s.matrix()).containsExactly(1f, 2f, 3f, 4f);

        byte[] text = "2 3\r\nx  0.5\t1e2 -3 \r\ny 1 2 3\n\n".getBytes(StandardCharsets.US_ASCII);
        EmbeddingStore t = read(Word2VecFormat.TEXT, text);
        assertThat(t.ids().externals()).containsExactly("x", "y");
        assertThat(t.matrix()).containsExactly(0.5f, 100f, -3f, 1f, 2f, 3f);
        EmbeddingStore noFinalNewline = read(Word2VecFormat.TEXT, "1 1\nz 0.25".getBytes(StandardCharsets.US_ASCII));
        assertThat(noFinalNewline.matrix()).containsExactly(0.25f);
    }

    @ParameterizedTest
    @EnumSource(Word2VecFormat.class)
    void idsWithWhitespaceAndPercentRoundTripEscaped(Word2VecFormat format) throws IOException {
        String[] ids = {"Sigur Rós", "tab\there", "new\nline", "nbsp\u00a0x", "100%", "50%25off", "a%2", "東京 ナイト", "plain"};
        EmbeddingStore s = EmbeddingStore.of(IdMap.of(ids), new float[ids.length], 1);
        byte[] bytes = write(format, s);
        assertSameVectors(read(format, bytes), s);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("Sigur%20Rós ", "tab%09here ", "new%0Aline ", "nbsp%C2%A0x ", "100%25 ", "50%2525off ",
                "a%252 ", "東京%20ナイト ");
        assertThat(Word2VecFormat.key("Sigur Rós")).isEqualTo("Sigur%20Rós");
        assertThat(Word2VecFormat.id("a%ZZ%2")).isEqualTo("a%ZZ%2"); // not escapes: as written
    }

    @Test
    void rejectsKeysTheFormatsCannotHold() {
        for (String bad : new String[] {"", "\ud800lone"}) {
            EmbeddingStore s = EmbeddingStore.of(IdMap.of("ok", bad), new float[] {1, 2}, 1);
            for (Word2VecFormat f : Word2VecFormat.values()) {
                assertThatThrownBy(() -> write(f, s)).isInstanceOf(EmbrecException.class)
                        .hasMessageStartingWith("cannot write vector 2 in the word2vec format:")
                        .hasMessageNotContaining("\n");
            }
            assertThat(Word2VecFormat.keyProblem(bad)).isNotNull();
        }
        assertThat(Word2VecFormat.keyProblem("Amélie_(2001)")).isNull();
    }

    private static void assertTextError(String content, String message) {
        assertThatThrownBy(() -> read(Word2VecFormat.TEXT, content.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EmbrecException.class).hasMessage(message);
    }

    @Test
    void textErrorsNameTheLine() {
        assertTextError("", "v:1: expected a word2vec header '<count> <dimension>', got ''");
        assertTextError("3\na 1\n", "v:1: expected a word2vec header '<count> <dimension>', got '3'");
        assertTextError("2 -1\n", "v:1: invalid header '2 -1' (count must be >= 0, dimension >= 1)");
        assertTextError("2 2\na 1 2\nb 1\n", "v:3: expected 2 values after key 'b', got 1 (is this really the text format?)");
        assertTextError("2 2\na 1 2\nb 1 2 3\n", "v:3: expected 2 values after key 'b', got 3 (is this really the text format?)");
        assertTextError("2 2\na 1 2\nb 1 x\n", "v:3: value 'x' of key 'b' is not a finite number (is this really the text format?)");
        assertTextError("1 1\na nan\n", "v:2: value 'nan' of key 'a' is not a finite number (is this really the text format?)");
        assertTextError("2 1\na 1\na 2\n", "v:3: duplicate key 'a'");
        assertTextError("3 1\na 1\nb 2\n", "v:4: file ends after 2 of the 3 vectors the header announces");
        assertTextError("1 1\na 1\nb 2\n", "v:3: unexpected data after the 1 vectors the header announces");
        assertTextError("1 1\na 1\n\n\nb 2\n", "v:5: unexpected data after the 1 vectors the header announces");
        assertTextError("1 1\n 1\n", "v:2: empty key");
        assertTextError("99999999 99999\n", "v:1: 99999999 x 99999 vectors exceed 2147483631 floats, the most one store holds");
    }

    @Test
    void binaryErrorsNameTheRecordAndOffset() throws IOException {
        EmbeddingStore s = EmbeddingStore.of(IdMap.of("a", "bb", "c"), new float[] {1, 2, 3, 4, 5, 6}, 2);
        byte[] ok = write(Word2VecFormat.BINARY, s);
        // Records: "a " + 8 + "\n" at 4; "bb " + 8 + "\n" at 15; "c " + 8 + "\n" at 27.
        assertThatThrownBy(() -> read(Word2VecFormat.BINARY, java.util.Arrays.copyOf(ok, 30)))
                .hasMessage("v: record 3 (byte 27): file ends inside the vector of key 'c' (1 of 8 bytes)");
        assertThatThrownBy(() -> read(Word2VecFormat.BINARY, java.util.Arrays.copyOf(ok, 26)))
                .hasMessage("v: record 3 (byte 26): file ends after 2 of the 3 vectors the header announces");
        byte[] dup = ok.clone();
        dup[15] = 'a';
        dup[16] = ' ';
        assertThatThrownBy(() -> read(Word2VecFormat.BINARY, dup)).hasMessage("v: record 2 (byte 15): duplicate key 'a'");
        byte[] badUtf8 = ok.clone();
        badUtf8[4] = (byte) 0xff;
        assertThatThrownBy(() -> read(Word2VecFormat.BINARY, badUtf8))
                .hasMessage("v: record 1 (byte 4): key is not valid UTF-8 (is this really the binary format?)");
        byte[] nan = ok.clone();
        ByteBuffer.wrap(nan).order(ByteOrder.LITTLE_ENDIAN).putFloat(6, Float.NaN);
        assertThatThrownBy(() -> read(Word2VecFormat.BINARY, nan))
                .hasMessage("v: record 1 (byte 4): vector of key 'a' holds a non-finite value (is this really the binary format?)");
        byte[] trailing = java.util.Arrays.copyOf(ok, ok.length + 3);
        trailing[ok.length] = '\n';
        trailing[ok.length + 1] = ' ';
        trailing[ok.length + 2] = 'x';
        assertThatThrownBy(() -> read(Word2VecFormat.BINARY, trailing))
                .hasMessage("v: byte " + (ok.length + 2) + ": unexpected data after the 3 vectors the header announces");
        assertThatThrownBy(() -> read(Word2VecFormat.BINARY, "2 3\na 1 2 3\nb 4 5 6\n".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(EmbrecException.class).hasMessageContaining("is this really the binary format?");
    }

    @Test
    void aHeaderPromisingMoreThanTheFileHoldsIsRejectedBeforeAllocating() throws IOException {
        Path file = tmp.resolve("lying.bin");
        Files.write(file, "30000000 64\na 1 2\n".getBytes(StandardCharsets.US_ASCII));
        for (Word2VecFormat f : Word2VecFormat.values()) {
            assertThatThrownBy(() -> f.read(file)).isInstanceOf(EmbrecException.class).hasMessage(file
                    + ":1: the header announces 30000000 vectors of dimension 64, but the file's remaining 6 bytes cannot hold them");
        }
        // A stream of unknown length: the matrix grows as records arrive, and the count is checked.
        assertThatThrownBy(() -> read(Word2VecFormat.TEXT, "30000000 64\n".getBytes(StandardCharsets.US_ASCII)))
                .hasMessage("v:2: file ends after 0 of the 30000000 vectors the header announces");
        // Found writing the fuzz target Word2VecFuzzTest: a stream's first allocation must not trust a wide header
        // either (65536 rows x 32767 dims up front were 8 GB: OutOfMemoryError from a 13-byte stream).
        for (Word2VecFormat f : Word2VecFormat.values()) {
            assertThatThrownBy(() -> read(f, "65536 32767\n".getBytes(StandardCharsets.US_ASCII)))
                    .isInstanceOf(EmbrecException.class).hasMessageContaining("file ends after 0 of the 65536 vectors");
        }
        // Found by fuzzing (Word2VecFuzzTest#text): count x dimension past Long.MAX_VALUE wrapped around and passed the
        // size check (NegativeArraySizeException, or an OutOfMemoryError for a negative count times 2).
        Path huge = tmp.resolve("huge");
        Files.write(huge, "6999999999999999998 2\na 1 2\n".getBytes(StandardCharsets.US_ASCII));
        for (Word2VecFormat f : Word2VecFormat.values()) {
            assertThatThrownBy(() -> f.read(huge)).isInstanceOf(EmbrecException.class).hasMessage(huge
                    + ":1: 6999999999999999998 x 2 vectors exceed 2147483631 floats, the most one store holds");
            assertThatThrownBy(() -> read(f, Files.readAllBytes(huge))).isInstanceOf(EmbrecException.class)
                    .hasMessage("v:1: 6999999999999999998 x 2 vectors exceed 2147483631 floats, the most one store holds");
        }
        Path header = tmp.resolve("header");
        Files.write(header, "x".repeat(10_000).getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> Word2VecFormat.TEXT.read(header)).isInstanceOf(EmbrecException.class)
                .hasMessageStartingWith(header + ":1: expected a word2vec header '<count> <dimension>', got 'xxxx");
    }

    @Test
    void readingAMissingFileSaysSo() {
        Path missing = tmp.resolve("nope.bin");
        assertThatThrownBy(() -> Word2VecFormat.BINARY.read(missing)).isInstanceOf(EmbrecException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void aKeyPerLineIsReadInOrderAtScale() throws IOException {
        SplittableRandom rnd = new SplittableRandom(10);
        List<String> keys = new ArrayList<>();
        int n = 70_000; // more rows than a stream reader allocates before it trusts the header
        for (int i = 0; i < n; i++) {
            keys.add(Long.toString(rnd.nextLong() >>> 1));
        }
        float[] v = new float[n * 3];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        EmbeddingStore s = EmbeddingStore.of(IdMap.of(keys.toArray(String[]::new)), v, 3);
        for (Word2VecFormat f : Word2VecFormat.values()) {
            assertSameVectors(read(f, write(f, s)), s);
        }
    }
}
