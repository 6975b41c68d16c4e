package org.embrec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void plainTextIsShownAsItIs() {
        assertThat(Printable.of("Caf\u00e9, Le (1999) \ud83c\udfac \\ \"q\"")).isEqualTo("Caf\u00e9, Le (1999) \ud83c\udfac \\ \"q\"");
    }

    @Test
    void terminalControlIsEscaped() {
        assertThat(Printable.of("\u001b[31mred\u001b[0m")).isEqualTo("\\u001b[31mred\\u001b[0m");
        assertThat(Printable.of("a\u0000b\u0007c\u007fd\u009be")).isEqualTo("a\\u0000b\\u0007c\\u007fd\\u009be");
        assertThat(Printable.of("one\ntwo\rthree\tfour")).isEqualTo("one\\ntwo\\rthree\\tfour");
        assertThat(Printable.of("x\u2028y\u202ez\u2066")).isEqualTo("x\\u2028y\\u202ez\\u2066");
        assertThat(Printable.of("lone \udc00 and \ud83c")).isEqualTo("lone \\udc00 and \\ud83c");
    }

    @Test
    void longTextIsCutWithoutSplittingAPair() {
        assertThat(Printable.of("x".repeat(61))).isEqualTo("x".repeat(60) + "...");
        assertThat(Printable.of("x".repeat(60))).isEqualTo("x".repeat(60));
        String pairAtTheCut = "x".repeat(59) + "\ud83c\udfac" + "y";
        assertThat(Printable.of(pairAtTheCut)).isEqualTo("x".repeat(59) + "...");
        assertThat(Printable.of("\u001b".repeat(100), 3)).isEqualTo("\\u001b\\u001b\\u001b...");
    }

    @Test
    void aLongListIsCut() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            names.add("c" + i);
        }
        String shown = Printable.list(names);
        assertThat(shown).startsWith("c0, c1, c2").endsWith("c19, ... (200000 columns)");
        assertThat(Printable.list(List.of("a\u001b", "b"))).isEqualTo("a\\u001b, b");
    }
}
