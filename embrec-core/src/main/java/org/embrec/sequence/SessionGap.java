package org.embrec.sequence;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.embrec.EmbrecException;

/**
 * {@code --session-gap}: how long a user may be inactive before their next item starts a new
 * session, written as a number and a unit ({@code 90s}, {@code 30m}, {@code 2h}, {@code 1d};
 * {@code 0} or {@code off}: no sessions). Stateless.
 */
public final class SessionGap {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(s|sec|m|min|h|d)");

    private SessionGap() {}

    /**
     * The gap in milliseconds (0: no sessions).
     *
     * @throws EmbrecException naming the flag when the text is not such a duration
     */
    public static long parseMillis(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("0") || t.equals("off") || t.equals("none")) {
            return 0;
        }
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw new EmbrecException("--session-gap must be a duration such as 90s, 30m, 2h or 1d (or off), got '"
                    + text + "'");
        }
        double unit = switch (m.group(2)) {
            case "s", "sec" -> 1_000;
            case "m", "min" -> 60_000;
            case "h" -> 3_600_000;
            default -> 86_400_000;
        };
        double millis = Double.parseDouble(m.group(1)) * unit;
        if (!(millis >= 1) || millis > 3650 * 86_400_000.0) {
            throw new EmbrecException("--session-gap must be between 1 ms and 3650 days, got '" + text + "'");
        }
        return Math.round(millis);
    }
}
