package org.embrec.tune;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.embrec.EmbrecException;

/**
 * One dimension of a {@link SearchSpace}: a setting's name and the distribution it is drawn
 * from. Immutable and thread-safe.
 *
 * @param name the setting, as in {@link HyperParameters}
 * @param kind how values are drawn
 * @param low lower bound of a range (inclusive)
 * @param high upper bound of a range (inclusive)
 * @param choices the values of {@link Kind#CHOICE} (a fixed value is a single choice)
 */
public record Param(String name, Kind kind, double low, double high, List<Object> choices) {

    /** How a parameter's values are drawn. */
    public enum Kind {
        /** Uniformly one of the listed values. */
        CHOICE("choice"),
        /** A uniform integer in [low, high]. */
        INT("int"),
        /** An integer whose logarithm is uniform in [log low, log high]. */
        LOG_INT("log-int"),
        /** A uniform real in [low, high]. */
        UNIFORM("uniform"),
        /** A real whose logarithm is uniform in [log low, log high]. */
        LOG_UNIFORM("log-uniform");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The name used in space files. */
        public String key() {
            return key;
        }

        static Kind parse(String key, String where) {
            for (Kind k : values()) {
                if (k.key.equals(key)) {
                    return k;
                }
            }
            throw new EmbrecException(where + ": unknown distribution '" + key
                    + "' (choice, int, log-int, uniform, log-uniform)");
        }
    }

    public Param {
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (kind == Kind.CHOICE) {
            if (choices.isEmpty()) {
                throw new EmbrecException(name + ": choice needs at least one value");
            }
        } else {
            if (!(low <= high) || !Double.isFinite(low) || !Double.isFinite(high)) {
                throw new EmbrecException(name + ": range must be [low, high] with low <= high, got [" + low + ", "
                        + high + "]");
            }
            if ((kind == Kind.LOG_INT || kind == Kind.LOG_UNIFORM) && low <= 0) {
                throw new EmbrecException(name + ": " + kind.key + " needs a positive lower bound, got " + low);
            }
        }
    }

    /** A choice among {@code values}. */
    public static Param choice(String name, Object... values) {
        return new Param(name, Kind.CHOICE, 0, 0, List.of(values));
    }

    /** A range of {@code kind} (not {@link Kind#CHOICE}). */
    public static Param range(String name, Kind kind, double low, double high) {
        if (kind == Kind.CHOICE) {
            throw new IllegalArgumentException("use choice()");
        }
        return new Param(name, kind, low, high, List.of());
    }

    /** True for integer-valued ranges. */
    boolean integral() {
        return kind == Kind.INT || kind == Kind.LOG_INT;
    }

    /** Smallest value the parameter can take, as a number (choices: their numeric minimum). */
    double min() {
        return kind == Kind.CHOICE ? choices.stream().mapToDouble(Param::numeric).min().orElseThrow() : low;
    }

    /** Largest value the parameter can take, as a number. */
    double max() {
        return kind == Kind.CHOICE ? choices.stream().mapToDouble(Param::numeric).max().orElseThrow() : high;
    }

    /** Draws a value (an Integer, Double, Boolean or String, before {@link HyperParameters} checks it). */
    Object sample(SplittableRandom random) {
        return switch (kind) {
            case CHOICE -> choices.get(random.nextInt(choices.size()));
            case INT -> (int) Math.min(high, Math.floor(low + random.nextDouble() * (high - low + 1)));
            case LOG_INT -> (int) Math.min(high, Math.max(low,
                    Math.round(Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low))))));
            case UNIFORM -> low + random.nextDouble() * (high - low);
            case LOG_UNIFORM -> Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low)));
        };
    }

    /** A value as a number for charts and ranges ({@code "all"} counts as infinity). */
    static double numeric(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public String toString() {
        return kind == Kind.CHOICE ? name + " choice " + choices
                : String.format(Locale.ROOT, "%s %s [%s, %s]", name, kind.key, HyperParameters.formatDouble(low),
                        HyperParameters.formatDouble(high));
    }
}
