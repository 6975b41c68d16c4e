package org.embrec.data;

import java.nio.charset.StandardCharsets;

/**
 * Allocation-free parsing of ASCII fields in a byte range {@code b[s..e)}: ratings, integer
 * epochs, ISO-8601 dates/times and canonical numeric ids; and the byte-level rules every reader
 * shares: what a blank line is and what valid UTF-8 is. Stateless and thread-safe.
 */
final class FieldParsers {
    /** Returned by the long parsers when the text is not what they accept. */
    static final long FAIL = Long.MIN_VALUE;

    /** Ratings (and weights) must be finite and within [-MAX_RATING, MAX_RATING] (docs/DATA.md). */
    static final float MAX_RATING = 1e9f;

    private static final float[] POW10F = {1f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f};

    private FieldParsers() {}

    /**
     * A decimal number as a float; NaN when the text is not a number; infinite (with its sign)
     * when its magnitude is above {@link #MAX_RATING}, decided on the decimal value, so that
     * {@code 1000000001} is out of range although it rounds to the float 1e9. Plain decimals with
     * a mantissa below 2^24 take the fast path: m / 10^k with both exact in float, so the one
     * division is correctly rounded and equals {@link Float#parseFloat}.
     */
    static float rating(byte[] b, int s, int e) {
        int i = s;
        boolean negative = false;
        if (i < e && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long m = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < e; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                m = m * 10 + (c - '0');
                if (++digits > 18) {
                    return slowFloat(b, s, e);
                }
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return slowFloat(b, s, e);
            }
        }
        if (digits == 0) {
            return Float.NaN;
        }
        int k = Math.max(fraction, 0);
        if (m >= (1 << 24) || k >= POW10F.length) {
            return slowFloat(b, s, e);
        }
        float v = (float) m / POW10F[k];
        return negative ? -v : v;
    }

    private static float slowFloat(byte[] b, int s, int e) {
        String t = new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            // Float.parseFloat also takes "1f", "0x1p3", "Infinity": not numbers in a data file.
            if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return Float.NaN;
            }
        }
        try {
            float v = Float.parseFloat(t);
            if (Math.abs(v) >= MAX_RATING && Math.abs(Double.parseDouble(t)) > MAX_RATING) {
                return v < 0 ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
            }
            return v;
        } catch (NumberFormatException ex) {
            return Float.NaN;
        }
    }

    /** True when {@link #rating} gave a rating embrec accepts: finite and within {@link #MAX_RATING}. */
    static boolean ratingInRange(float rating) {
        return Math.abs(rating) <= MAX_RATING; // false for NaN and the infinities
    }

    /**
     * True when {@code b[s..e)} holds only ASCII whitespace (space, tab, CR, form feed, vertical
     * tab): such a line is blank and skipped by every data reader.
     */
    static boolean isBlank(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (!blankChar(b[i])) {
                return false;
            }
        }
        return true;
    }

    /** {@link #isBlank(byte[], int, int)} for decoded text. */
    static boolean isBlank(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || !blankChar((byte) c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean blankChar(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B;
    }

    /**
     * True when {@code b[s..e)} is well-formed UTF-8 (Unicode Table 3-7: no overlong forms, no
     * surrogates, nothing above U+10FFFF), i.e. exactly what the JDK's decoder reads without a
     * replacement. ASCII runs take a fast path.
     */
    static boolean validUtf8(byte[] b, int s, int e) {
        int i = s;
        while (i < e) {
            int c = b[i];
            if (c >= 0) {
                i++;
                continue;
            }
            c &= 0xFF;
            if (c >= 0xC2 && c <= 0xDF) {
                if (i + 1 >= e || !cont(b[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                if (i + 2 >= e || !cont(b[i + 2])) {
                    return false;
                }
                int c1 = b[i + 1] & 0xFF;
                int lo = c == 0xE0 ? 0xA0 : 0x80;
                int hi = c == 0xED ? 0x9F : 0xBF;
                if (c1 < lo || c1 > hi) {
                    return false;
                }
                i += 3;
            } else if (c >= 0xF0 && c <= 0xF4) {
                if (i + 3 >= e || !cont(b[i + 2]) || !cont(b[i + 3])) {
                    return false;
                }
                int c1 = b[i + 1] & 0xFF;
                int lo = c == 0xF0 ? 0x90 : 0x80;
                int hi = c == 0xF4 ? 0x8F : 0xBF;
                if (c1 < lo || c1 > hi) {
                    return false;
                }
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean cont(byte c) {
        return (c & 0xC0) == 0x80;
    }

    /** An optionally negative integer of at most 18 digits, or {@link #FAIL}. */
    static long integer(byte[] b, int s, int e) {
        int i = s;
        boolean negative = false;
        if (i < e && b[i] == '-') {
            negative = true;
            i++;
        }
        int n = e - i;
        if (n < 1 || n > 18) {
            return FAIL;
        }
        long v = 0;
        for (; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return FAIL;
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }

    /**
     * A canonical non-negative decimal (no sign, no leading zero, at most 18 digits) such as an
     * id {@code 12345}, or -1. Canonical means {@code Long.toString(value)} gives back the same
     * text, so the number can stand for the string id.
     */
    static long canonicalId(byte[] b, int s, int e) {
        int n = e - s;
        if (n < 1 || n > 18 || (b[s] == '0' && n > 1)) {
            return -1;
        }
        long v = 0;
        for (int i = s; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** True when the text starts like an ISO-8601 date ({@code dddd-dd}). */
    static boolean looksIso(byte[] b, int s, int e) {
        return e - s >= 7 && digit(b[s]) && digit(b[s + 1]) && digit(b[s + 2]) && digit(b[s + 3])
                && b[s + 4] == '-' && digit(b[s + 5]) && digit(b[s + 6]);
    }

    /**
     * An ISO-8601 date or date-time as epoch milliseconds, or {@link #FAIL}: {@code YYYY-MM-DD},
     * optionally followed by {@code T} or a space, {@code HH:MM[:SS[.fraction]]} and a zone
     * {@code Z}, {@code ±HH}, {@code ±HHMM} or {@code ±HH:MM}. Without a zone the time is UTC.
     */
    static long isoMillis(byte[] b, int s, int e) {
        if (e - s < 10 || !looksIso(b, s, e) || b[s + 7] != '-' || !digit(b[s + 8]) || !digit(b[s + 9])) {
            return FAIL;
        }
        int year = num(b, s, 4);
        int month = num(b, s + 5, 2);
        int day = num(b, s + 8, 2);
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return FAIL;
        }
        long millisOfDay = 0;
        int i = s + 10;
        if (i < e) {
            byte sep = b[i];
            if (sep != 'T' && sep != 't' && sep != ' ') {
                return FAIL;
            }
            i++;
            if (e - i < 5 || !digit(b[i]) || !digit(b[i + 1]) || b[i + 2] != ':' || !digit(b[i + 3]) || !digit(b[i + 4])) {
                return FAIL;
            }
            int hour = num(b, i, 2);
            int minute = num(b, i + 3, 2);
            int second = 0;
            int millis = 0;
            i += 5;
            if (i < e && b[i] == ':') {
                if (e - i < 3 || !digit(b[i + 1]) || !digit(b[i + 2])) {
                    return FAIL;
                }
                second = num(b, i + 1, 2);
                i += 3;
                if (i < e && (b[i] == '.' || b[i] == ',')) {
                    i++;
                    int start = i;
                    int scale = 100;
                    while (i < e && digit(b[i])) {
                        millis += (b[i] - '0') * scale;
                        scale /= 10;
                        i++;
                    }
                    if (i == start) {
                        return FAIL;
                    }
                }
            }
            if (hour > 23 || minute > 59 || second > 60) {
                return FAIL;
            }
            millisOfDay = ((hour * 60L + minute) * 60 + second) * 1000 + millis;
            if (i < e) {
                long offset = zoneOffsetMillis(b, i, e);
                if (offset == FAIL) {
                    return FAIL;
                }
                millisOfDay -= offset;
            }
        }
        return daysFromCivil(year, month, day) * 86_400_000L + millisOfDay;
    }

    private static long zoneOffsetMillis(byte[] b, int i, int e) {
        if (e - i == 1 && (b[i] == 'Z' || b[i] == 'z')) {
            return 0;
        }
        if (b[i] != '+' && b[i] != '-') {
            return FAIL;
        }
        int sign = b[i] == '-' ? -1 : 1;
        int n = e - i - 1;
        int h;
        int m = 0;
        if (n == 2 && digit(b[i + 1]) && digit(b[i + 2])) {
            h = num(b, i + 1, 2);
        } else if (n == 4 && allDigits(b, i + 1, e)) {
            h = num(b, i + 1, 2);
            m = num(b, i + 3, 2);
        } else if (n == 5 && b[i + 3] == ':' && allDigits(b, i + 1, i + 3) && allDigits(b, i + 4, e)) {
            h = num(b, i + 1, 2);
            m = num(b, i + 4, 2);
        } else {
            return FAIL;
        }
        if (h > 18 || m > 59) {
            return FAIL;
        }
        return sign * (h * 60L + m) * 60_000L;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long daysFromCivil(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean allDigits(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (!digit(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static int num(byte[] b, int s, int len) {
        int v = 0;
        for (int i = s; i < s + len; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }
}
