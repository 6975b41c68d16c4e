package org.embrec.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.embrec.EmbrecException;
import org.embrec.data.IdMap;
import org.embrec.data.Interactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LikedFilterTest {
    // user 0 rates 1, 2, 3 (mean 2); user 1 rates 4, 5 (mean 4.5); global mean 3.
    private static final Interactions DATA = new Interactions(new int[] {0, 0, 0, 1, 1}, new int[] {0, 1, 2, 3, 4},
            new float[] {1, 2, 3, 4, 5}, null, IdMap.of("a", "b"), IdMap.of("i", "j", "k", "l", "m"));

    private static String mask(String rule) {
        StringBuilder sb = new StringBuilder();
        for (boolean b : LikedFilter.parse(rule).apply(DATA)) {
            sb.append(b ? '1' : '0');
        }
        return sb.toString();
    }

    @ParameterizedTest
    @CsvSource({"mean,00011", "user-mean,00101", ">=3,00111", ">3,00011", "> 4.5,00001", "all,11111", "MEAN,00011",
        ">=0,11111"})
    void rulesSelectTheExpectedRows(String rule, String expected) {
        assertThat(mask(rule)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "median", ">=", ">x", "<3", ">=NaN", ">Infinity", "=4"})
    void badRulesNameTheFlag(String rule) {
        assertThatThrownBy(() -> LikedFilter.parse(rule)).isInstanceOf(EmbrecException.class)
                .hasMessage("--liked must be mean, user-mean, all, >=X, >X or top:P% (0 < P <= 100), got '" + rule + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mean", "user-mean", ">=4", ">4"})
    void withoutRatingsEveryRowIsLiked(String rule) {
        Interactions noRatings = new Interactions(new int[] {0, 0}, new int[] {0, 1}, null, null, IdMap.of("a"),
                IdMap.of("i", "j"));
        assertThat(LikedFilter.parse(rule).apply(noRatings)).containsExactly(true, true);
    }

    @Test
    void topShareKeepsEachUsersBestRowsWithTiesAtTheCut() {
        org.embrec.data.Interactions data = new org.embrec.data.Interactions(new int[] {0, 0, 0, 0, 1, 1, 1},
                new int[] {0, 1, 2, 3, 0, 1, 2}, new float[] {5, 1, 3, 3, 2, 9, 4}, null,
                org.embrec.data.IdMap.of("u", "v"), org.embrec.data.IdMap.of("a", "b", "c", "d"));
        LikedFilter top = LikedFilter.parse("top:50%");
        assertThat(top.toString()).isEqualTo("top:50%");
        // u: 4 rows, top 2 = 5 and 3 (both 3s kept: a tie at the cut); v: 3 rows, top ceil(1.5) = 2 = 9, 4.
        assertThat(top.apply(data)).containsExactly(true, false, true, true, false, true, true);
        assertThat(LikedFilter.parse("top:0.01").apply(data)).containsExactly(true, false, false, false, false, true,
                false);
        assertThatThrownBy(() -> LikedFilter.parse("top:0%")).isInstanceOf(EmbrecException.class);
        assertThatThrownBy(() -> LikedFilter.parse("top:150%")).isInstanceOf(EmbrecException.class);
    }
}
