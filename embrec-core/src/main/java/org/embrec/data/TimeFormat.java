package org.embrec.data;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.embrec.EmbrecException;

/**
 * A time column in a pattern of {@link DateTimeFormatter}'s letters ({@code --time-format},
 * e.g. {@code dd/MM/yyyy HH:mm}), read as epoch milliseconds: a zone or offset in the pattern is
 * honoured, otherwise the time is UTC; a pattern without a time of day reads as the start of the
 * day (without a day: of the month or year). Dates are checked strictly (no 31 February).
 * Immutable and thread-safe.
 */
public final class TimeFormat {
    private final String pattern;
    private final DateTimeFormatter formatter;

    private TimeFormat(String pattern, DateTimeFormatter formatter) {
        this.pattern = pattern;
        this.formatter = formatter;
    }

    /**
     * Compiles a {@code --time-format} pattern.
     *
     * @throws EmbrecException naming the flag when the pattern is not a valid one
     */
    public static TimeFormat compile(String pattern) {
        if (pattern.isBlank()) {
            throw new EmbrecException("--time-format must not be empty");
        }
        try {
            String strict = pattern.replace("yyyy", "uuuu").replace("yy", "uu"); // strict resolving wants proleptic years
            return new TimeFormat(pattern, DateTimeFormatter.ofPattern(strict, Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT));
        } catch (IllegalArgumentException e) {
            throw new EmbrecException("--time-format '" + pattern + "': " + e.getMessage());
        }
    }

    /** The pattern as given. */
    public String pattern() {
        return pattern;
    }

    /**
     * The text as epoch milliseconds.
     *
     * @throws DateTimeException when the text does not match the pattern or is not a real date
     */
    public long epochMillis(CharSequence text) {
        TemporalAccessor t = formatter.parseBest(text, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from,
                LocalDate::from, YearMonth::from, Year::from);
        Instant instant = switch (t) {
            case ZonedDateTime z -> z.toInstant();
            case OffsetDateTime o -> o.toInstant();
            case LocalDateTime l -> l.toInstant(ZoneOffset.UTC);
            case LocalDate d -> d.atStartOfDay(ZoneOffset.UTC).toInstant();
            case YearMonth ym -> ym.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            case Year y -> y.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            default -> throw new DateTimeParseException("no date in it", text, 0);
        };
        return instant.toEpochMilli();
    }
}
