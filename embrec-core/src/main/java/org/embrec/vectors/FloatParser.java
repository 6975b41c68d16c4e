package org.embrec.vectors;

import java.nio.charset.StandardCharsets;

/**
 * Parses a decimal float from ASCII bytes with exactly the result of {@link Float#parseFloat},
 * without allocating on the common path (up to 15 significant digits, exponent within
 * +-22: every shortest float representation, Python {@code repr}, {@code printf %f/%e}).
 *
 * <p>The fast path is Clinger's: an integer mantissa below 2^53 times or divided by an exact
 * power of ten is one correctly rounded double operation. Rounding that double to float gives
 * the correctly rounded float unless the double lies exactly halfway between two floats (double
 * rounding); that case, subnormals and anything unusual go to {@link Float#parseFloat}.
 * Stateless and thread-safe.
 */
final class FloatParser {
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };
    private static final int MAX_FAST_DIGITS = 15;
    /** Double mantissa bits below float precision (52 - 23) and the pattern of a float midpoint. */
    private static final long BELOW_FLOAT_MASK = (1L << 29) - 1;
    private static final long FLOAT_MIDPOINT = 1L << 28;

    private FloatParser() {}

    /**
     * The float written in {@code b[from..to)} ({@code [+-]digits[.digits][(e|E)[+-]digits]},
     * or anything else {@link Float#parseFloat} accepts).
     *
     * @throws NumberFormatException when the bytes are not a number
     */
    static float parse(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int exp10 = 0;
        int digits = 0;
        for (; i < to && isDigit(b[i]); i++, digits++) {
            mantissa = mantissa * 10 + (b[i] - '0');
            significant += mantissa != 0 ? 1 : 0;
        }
        if (i < to && b[i] == '.') {
            for (i++; i < to && isDigit(b[i]); i++, digits++) {
                mantissa = mantissa * 10 + (b[i] - '0');
                significant += mantissa != 0 ? 1 : 0;
                exp10--;
            }
        }
        // Past 15 significant digits the mantissa may overflow or be inexact: take the slow path.
        if (digits == 0 || significant > MAX_FAST_DIGITS) {
            return slow(b, from, to);
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                expNegative = b[i] == '-';
                i++;
            }
            int start = i;
            int e = 0;
            for (; i < to && isDigit(b[i]) && e < 10_000; i++) {
                e = e * 10 + (b[i] - '0');
            }
            if (i == start) {
                return slow(b, from, to);
            }
            exp10 += expNegative ? -e : e;
        }
        if (i != to) {
            return slow(b, from, to);
        }
        if (mantissa == 0) {
            return negative ? -0f : 0f;
        }
        if (exp10 < -22 || exp10 > 22) {
            return slow(b, from, to);
        }
        double d = exp10 >= 0 ? mantissa * POW10[exp10] : mantissa / POW10[-exp10];
        if (d < Float.MIN_NORMAL || (Double.doubleToRawLongBits(d) & BELOW_FLOAT_MASK) == FLOAT_MIDPOINT) {
            return slow(b, from, to);
        }
        float f = (float) d;
        return negative ? -f : f;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static float slow(byte[] b, int from, int to) {
        return Float.parseFloat(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
    }
}
