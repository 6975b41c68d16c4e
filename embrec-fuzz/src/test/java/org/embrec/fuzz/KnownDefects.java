package org.embrec.fuzz;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.embrec.EmbrecException;

/**
 * Defects of issue 15 that are known and being fixed on other branches, which the fuzz targets
 * tolerate until those fixes are merged, so that this suite is green meanwhile. Each tolerance
 * names its item of issue 15 and matches only that defect's symptom; <b>delete the constant when
 * its item is merged</b> (docs/FUZZING.md lists them; their reproducers are in
 * {@code embrec-fuzz/known-defects/}, replayed by {@code bench/fuzz.sh --known}). With
 * {@code EMBREC_FUZZ_STRICT=1} (or {@code -Dembrec.fuzz.strict=true}) nothing is tolerated.
 * Every tolerated site is printed once to stderr, so a fuzzing run lists them. Thread-safe.
 */
enum KnownDefects {
    /**
     * Item 3: a {@code manifest.json} past Jackson's read constraints (nesting deeper than 1,000,
     * strings longer than 20 MB, numbers longer than 1,000 digits) fails with a
     * NullPointerException in {@code ManifestJson.parse}, which builds its message from the
     * exception's location (null for these).
     */
    ITEM_3_MANIFEST_CONSTRAINTS(t -> t instanceof NullPointerException
            && thrownIn(t, "org.embrec.model.ManifestJson", "parse")),

    /**
     * Item 10: content of the user's file (control characters: CR, LF, NUL, escape sequences) is
     * copied raw into error messages, so a message can span lines. Tolerates only a multi-line
     * {@link EmbrecException}.
     */
    ITEM_10_RAW_TEXT_IN_MESSAGES(t -> t instanceof EmbrecException
            && Contract.messageProblem(t.getMessage()) != null);

    private static final boolean STRICT = Boolean.getBoolean("embrec.fuzz.strict")
            || "1".equals(System.getenv("EMBREC_FUZZ_STRICT"));
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private final Predicate<Throwable> symptom;

    KnownDefects(Predicate<Throwable> symptom) {
        this.symptom = symptom;
    }

    /** True when {@code t} is the symptom of a known defect still tolerated (reported once per site). */
    static boolean tolerates(Throwable t) {
        if (STRICT) {
            return false;
        }
        for (KnownDefects d : values()) {
            if (d.symptom.test(t)) {
                String site = d + " at " + site(t);
                if (REPORTED.add(site)) {
                    System.err.println("fuzz: tolerated known defect " + site + ": " + Contract.visible(t.toString()));
                }
                return true;
            }
        }
        return false;
    }

    private static boolean thrownIn(Throwable t, String className, String method) {
        return Arrays.stream(t.getStackTrace()).limit(8)
                .anyMatch(f -> f.getClassName().equals(className) && f.getMethodName().equals(method));
    }

    /** The first stack frame in embrec's main code: where the message was made or the exception thrown. */
    private static String site(Throwable t) {
        return Arrays.stream(t.getStackTrace())
                .filter(f -> f.getClassName().startsWith("org.embrec.") && !f.getClassName().startsWith("org.embrec.fuzz."))
                .findFirst().map(StackTraceElement::toString).orElse("?");
    }
}
