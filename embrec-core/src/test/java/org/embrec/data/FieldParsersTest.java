package org.embrec.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FieldParsersTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static float rating(String s) {
        byte[] x = b(s);
        return FieldParsers.rating(x, 0, x.length);
    }

    private static long integer(String s) {
        byte[] x = b(s);
        return FieldParsers.integer(x, 0, x.length);
    }

    private static long iso(String s) {
        byte[] x = b(s);
        return FieldParsers.isoMillis(x, 0, x.length);
    }

    private static long id(String s) {
        byte[] x = b(s);
        return FieldParsers.canonicalId(x, 0, x.length);
    }

    @Test
    void ratingMatchesFloatParseFloatOnRandomDecimals() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            int digits = 1 + rnd.nextInt(9);
            long m = rnd.nextLong((long) Math.pow(10, digits));
            int frac = rnd.nextInt(Math.min(digits, 8) + 1);
            String s = Long.toString(m);
            while (s.length() <= frac) {
                s = "0" + s;
            }
            String text = frac == 0 ? s : s.substring(0, s.length() - frac) + "." + s.substring(s.length() - frac);
            if (rnd.nextBoolean()) {
                text = "-" + text;
            }
            assertThat(rating(text)).as(text).isEqualTo(Float.parseFloat(text));
        }
    }

    @Test
    void ratingAcceptsUsualFormsAndRejectsOthers() {
        assertThat(rating("4.5")).isEqualTo(4.5f);
        assertThat(rating("5")).isEqualTo(5f);
        assertThat(rating(".5")).isEqualTo(0.5f);
        assertThat(rating("3.")).isEqualTo(3f);
        assertThat(rating("+2")).isEqualTo(2f);
        assertThat(rating("1e1")).isEqualTo(10f);
        assertThat(rating("123456789.5")).isEqualTo(Float.parseFloat("123456789.5"));
        for (String bad : new String[] {"", ".", "-", "abc", "4,5", "NaN", "Infinity", "4.5f", "0x1p3", "4.5.1"}) {
            assertThat(rating(bad)).as(bad).isNaN();
        }
    }

    @Test
    void ratingsBeyondTheLimitAreInfiniteDecidedOnTheDecimalValue() {
        assertThat(rating("1e9")).isEqualTo(1e9f);
        assertThat(rating("-1000000000")).isEqualTo(-1e9f);
        assertThat(rating("999999999.9")).isEqualTo(1e9f); // rounds to the limit, but is not above it
        for (String above : new String[] {"1000000001", "1000000000.0001", "123456789012.5", "1e30", "1e99"}) {
            assertThat(rating(above)).as(above).isEqualTo(Float.POSITIVE_INFINITY);
            assertThat(rating("-" + above)).as("-" + above).isEqualTo(Float.NEGATIVE_INFINITY);
            assertThat(FieldParsers.ratingInRange(rating(above))).isFalse();
        }
        assertThat(FieldParsers.ratingInRange(rating("1e9"))).isTrue();
        assertThat(FieldParsers.ratingInRange(Float.NaN)).isFalse();
    }

    @Test
    void validUtf8AgreesWithTheJdkDecoderOnRandomBytes() throws Exception {
        SplittableRandom rnd = new SplittableRandom(15);
        byte[] interesting = {0x00, 0x41, 0x7F, (byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC1, (byte) 0xC2, (byte) 0xDF,
            (byte) 0xE0, (byte) 0xA0, (byte) 0x9F, (byte) 0xED, (byte) 0xEF, (byte) 0xF0, (byte) 0x90, (byte) 0x8F,
            (byte) 0xF4, (byte) 0xF5, (byte) 0xFF};
        java.nio.charset.CharsetDecoder jdk = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        int valid = 0;
        for (int t = 0; t < 200_000; t++) {
            byte[] x = new byte[1 + rnd.nextInt(6)];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextBoolean() ? interesting[rnd.nextInt(interesting.length)] : (byte) rnd.nextInt(256);
            }
            boolean expected;
            try {
                jdk.reset().decode(java.nio.ByteBuffer.wrap(x));
                expected = true;
            } catch (java.nio.charset.CharacterCodingException e) {
                expected = false;
            }
            assertThat(FieldParsers.validUtf8(x, 0, x.length)).as(java.util.HexFormat.of().formatHex(x)).isEqualTo(expected);
            valid += expected ? 1 : 0;
        }
        assertThat(valid).isGreaterThan(10_000); // both outcomes are exercised
        byte[] cafe = b("caf\u00e9 \ud83c\udfac");
        assertThat(FieldParsers.validUtf8(cafe, 0, cafe.length)).isTrue();
        assertThat(FieldParsers.validUtf8(cafe, 0, 4)).isFalse(); // cut inside the two bytes of e-acute
    }

    @Test
    void blankMeansOnlyAsciiWhitespace() {
        for (String blank : new String[] {"", " ", "\t", " \t\r", "\f\u000b"}) {
            assertThat(FieldParsers.isBlank(b(blank), 0, b(blank).length)).as(blank).isTrue();
            assertThat(FieldParsers.isBlank(blank)).as(blank).isTrue();
        }
        for (String text : new String[] {"a", " , ", "\u00a0", "\u2003", "\u0000", " x "}) {
            assertThat(FieldParsers.isBlank(b(text), 0, b(text).length)).as(text).isFalse();
            assertThat(FieldParsers.isBlank(text)).as(text).isFalse();
        }
    }

    @Test
    void integerParsesSignedAndRejectsJunk() {
        assertThat(integer("964982703")).isEqualTo(964982703L);
        assertThat(integer("-5")).isEqualTo(-5L);
        assertThat(integer("0")).isZero();
        for (String bad : new String[] {"", "-", "1.5", "12a", "1234567890123456789", " 1"}) {
            assertThat(integer(bad)).as(bad).isEqualTo(FieldParsers.FAIL);
        }
    }

    @Test
    void canonicalIdOnlyForTextThatRoundTrips() {
        assertThat(id("0")).isZero();
        assertThat(id("12345")).isEqualTo(12345L);
        assertThat(id("007")).isEqualTo(-1);
        assertThat(id("-3")).isEqualTo(-1);
        assertThat(id("u12")).isEqualTo(-1);
        assertThat(id("1234567890123456789")).isEqualTo(-1);
        assertThat(id("")).isEqualTo(-1);
    }

    @Test
    void isoMatchesJavaTimeOnRandomInstants() {
        SplittableRandom rnd = new SplittableRandom(11);
        DateTimeFormatter withZone = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        for (int i = 0; i < 20_000; i++) {
            long ms = rnd.nextLong(-2_000_000_000_000L, 4_000_000_000_000L);
            Instant t = Instant.ofEpochMilli(ms);
            ZoneOffset off = ZoneOffset.ofTotalSeconds(60 * 15 * (rnd.nextInt(105) - 48));
            OffsetDateTime odt = t.atOffset(off);
            assertThat(iso(odt.format(withZone))).as(odt.toString()).isEqualTo(ms);
            assertThat(iso(t.toString().replace('T', ' '))).as(t.toString()).isEqualTo(ms);
            LocalDate d = odt.toLocalDate();
            assertThat(iso(d.toString())).isEqualTo(d.toEpochDay() * 86_400_000L);
        }
    }

    @Test
    void isoAcceptsShortFormsAndRejectsInvalidDates() {
        assertThat(iso("2009-05-04T23:08:57Z")).isEqualTo(Instant.parse("2009-05-04T23:08:57Z").toEpochMilli());
        assertThat(iso("2009-05-04T23:08")).isEqualTo(Instant.parse("2009-05-04T23:08:00Z").toEpochMilli());
        assertThat(iso("2009-05-04T23:08:57+0200")).isEqualTo(Instant.parse("2009-05-04T21:08:57Z").toEpochMilli());
        assertThat(iso("2009-05-04T23:08:57-05")).isEqualTo(Instant.parse("2009-05-05T04:08:57Z").toEpochMilli());
        assertThat(iso("2000-02-29")).isEqualTo(LocalDate.of(2000, 2, 29).toEpochDay() * 86_400_000L);
        for (String bad : new String[] {"2001-02-29", "2009-13-01", "2009-00-10", "2009-05-32", "2009-05-04T24:00",
            "2009-05-04X10:00", "2009-05-04T10", "2009/05/04", "20090504", "2009-05-04T10:00:00Q", "yesterday"}) {
            assertThat(iso(bad)).as(bad).isEqualTo(FieldParsers.FAIL);
        }
    }
}
