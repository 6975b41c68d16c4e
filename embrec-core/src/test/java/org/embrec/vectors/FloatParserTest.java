package org.embrec.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FloatParserTest {

    private static float parse(String s) {
        byte[] b = ("xx" + s + "yy").getBytes(StandardCharsets.ISO_8859_1);
        return FloatParser.parse(b, 2, b.length - 2);
    }

    private static void assertSameAsJdk(String s) {
        float expected = Float.parseFloat(s);
        assertThat(Float.floatToRawIntBits(parse(s)))
                .as("parse(%s): expected %s", s, expected)
                .isEqualTo(Float.floatToRawIntBits(expected));
    }

    @Test
    void shortestRepresentationsOfRandomFloatsReadBackExactly() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            float f = Float.intBitsToFloat(rnd.nextInt());
            if (!Float.isFinite(f)) {
                continue;
            }
            String s = Float.toString(f);
            assertThat(Float.floatToRawIntBits(parse(s))).as(s).isEqualTo(Float.floatToRawIntBits(f));
        }
    }

    @Test
    void typicalEmbeddingValuesInEveryNotationMatchTheJdk() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (int i = 0; i < 20_000; i++) {
            float f = (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(-8, 4)));
            assertSameAsJdk(Float.toString(f));
            assertSameAsJdk(String.format(Locale.ROOT, "%.6f", f));
            assertSameAsJdk(String.format(Locale.ROOT, "%.8e", f));
            assertSameAsJdk(String.format(Locale.ROOT, "%.17g", (double) f));
            assertSameAsJdk(Double.toString(f));
        }
    }

    @Test
    void randomDecimalStringsMatchTheJdk() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder sb = new StringBuilder();
            if (rnd.nextBoolean()) {
                sb.append(rnd.nextBoolean() ? '-' : '+');
            }
            int intDigits = rnd.nextInt(0, 12);
            for (int d = 0; d < intDigits; d++) {
                sb.append((char) ('0' + rnd.nextInt(10)));
            }
            int fracDigits = rnd.nextInt(intDigits == 0 ? 1 : 0, 12);
            if (fracDigits > 0 || rnd.nextBoolean()) {
                sb.append('.');
                for (int d = 0; d < fracDigits; d++) {
                    sb.append((char) ('0' + rnd.nextInt(10)));
                }
            }
            if (intDigits + fracDigits == 0) {
                sb.append('0');
            }
            if (rnd.nextInt(3) == 0) {
                sb.append(rnd.nextBoolean() ? 'e' : 'E').append(rnd.nextInt(-50, 50));
            }
            assertSameAsJdk(sb.toString());
        }
    }

    @Test
    void exactHalfwayCasesRoundToEven() {
        // Midpoints between adjacent floats: the double fast path alone would round them twice.
        SplittableRandom rnd = new SplittableRandom(4);
        for (int i = 0; i < 20_000; i++) {
            float f = Float.intBitsToFloat(rnd.nextInt(0x00800000, 0x7f000000));
            String mid = new BigDecimal(((double) f + (double) Math.nextUp(f)) / 2).toString();
            assertSameAsJdk(mid);
        }
        assertThat(parse("16777217")).isEqualTo(16777216f);
        assertThat(parse("16777219")).isEqualTo(16777220f);
        assertThat(parse("16777217.000001")).isEqualTo(16777218f);
    }

    @Test
    void edgeCases() {
        for (String s : new String[] {"0", "-0", "0.0", "-0.0", ".5", "5.", "+1", "1e0", "1E+2", "1e-45", "1.4e-45",
            "3.4028235e38", "3.4028236e38", "1e39", "1.17549435E-38", "1.1754942E-38", "000000000000000000001.5",
            "0.000000000000000000000000000001", "123456789012345678901234567890", "NaN", "Infinity", "-Infinity"}) {
            assertSameAsJdk(s);
        }
    }

    @Test
    void rejectsWhatIsNotANumber() {
        for (String s : new String[] {"", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "--1", "1e5x", "abc", "0x"}) {
            assertThatThrownBy(() -> parse(s)).as("'%s'", s).isInstanceOf(NumberFormatException.class);
        }
    }
}
