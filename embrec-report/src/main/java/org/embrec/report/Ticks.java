package org.embrec.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Axis ranges and "nice" tick values (steps of 1, 2 or 5 times a power of ten; powers of ten
 * on a log axis), and their labels.
 *
 * <p>Stateless and thread-safe.
 */
final class Ticks {
    private Ticks() {}

    /** About {@code target} ticks covering [lo, hi] with a 1-2-5 step; at least two. */
    static double[] linear(double lo, double hi, int target) {
        double step = step(lo, hi, target);
        List<Double> out = new ArrayList<>();
        for (double t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The 1-2-5 step giving about {@code target} intervals over [lo, hi]. */
    static double step(double lo, double hi, int target) {
        double raw = (hi - lo) / Math.max(1, target);
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / mag;
        return (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
    }

    /** Powers of ten within [10^lo, 10^hi] (as exponents), with 2x and 5x when the range is short. */
    static double[] log(double lo, double hi) {
        List<Double> out = new ArrayList<>();
        boolean fine = hi - lo < 2.5;
        for (int e = (int) Math.floor(lo); e <= (int) Math.ceil(hi); e++) {
            for (double m : fine ? new double[] {1, 2, 5} : new double[] {1}) {
                double v = e + Math.log10(m);
                if (v >= lo - 1e-9 && v <= hi + 1e-9) {
                    out.add(v);
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A label for a tick on a linear axis whose ticks are {@code step} apart. */
    static String label(double v, double step) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e6 || a < 1e-4) {
            return compact(v);
        }
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        return String.format(Locale.ROOT, "%." + Math.min(decimals, 6) + "f", v);
    }

    /** A short label for any value: {@code 1e-4}, {@code 2.5e6}, {@code 0.03}, {@code 120}. */
    static String compact(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            String s = String.format(Locale.ROOT, "%.1e", v).replace(".0e", "e").replace("e+0", "e").replace("e-0", "e-")
                    .replace("e+", "e");
            return s;
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
