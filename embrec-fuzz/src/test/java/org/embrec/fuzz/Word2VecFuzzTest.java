package org.embrec.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import org.embrec.vectors.Word2VecFormat;

/**
 * Fuzzes the word2vec readers ({@link Word2VecFormat}): the input is the vectors file, read from
 * a file (its size known, as {@code vectors.bin} of a model is read) or, by the first choice, from
 * a stream of unknown size.
 */
class Word2VecFuzzTest {
    @FuzzTest
    void text(FuzzedDataProvider in) {
        read(in, Word2VecFormat.TEXT);
    }

    @FuzzTest
    void binary(FuzzedDataProvider in) {
        read(in, Word2VecFormat.BINARY);
    }

    private static void read(FuzzedDataProvider in, Word2VecFormat format) {
        boolean stream = in.consumeBoolean();
        byte[] bytes = in.consumeRemainingAsBytes();
        if (stream) {
            Contract.holds(() -> format.read(new ByteArrayInputStream(bytes), "vectors"));
        } else {
            Path file = Scratch.write(Scratch.fresh(), "vectors.bin", bytes);
            Contract.holds(() -> format.read(file));
        }
    }
}
