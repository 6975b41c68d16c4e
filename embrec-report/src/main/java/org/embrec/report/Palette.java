package org.embrec.report;

/**
 * The report's colours: Tableau 10, a qualitative palette whose colours stay apart on white and
 * in greyscale print, and fixed colours for the two tasks and for muted groups.
 *
 * <p>Constants only; thread-safe.
 */
final class Palette {
    private static final int[] TABLEAU10 = {
        0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F, 0xEDC948, 0xB07AA1, 0xFF9DA7, 0x9C755F, 0xBAB0AC
    };
    /** i2i's colour in every chart. */
    static final int I2I = 0x4E79A7;
    /** u2i's colour in every chart. */
    static final int U2I = 0xF28E2B;
    /** For "other" and "no genre" groups and other background points. */
    static final int MUTED = 0xC8C8C8;
    /** For a running best or another reference line. */
    static final int DARK = 0x333333;

    private Palette() {}

    /** The i-th colour, cycling after ten. */
    static int color(int i) {
        return TABLEAU10[Math.floorMod(i, TABLEAU10.length)];
    }
}
