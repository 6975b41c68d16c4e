package org.embrec.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.embrec.EmbrecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColumnSpecTest {
    @Test
    void parsesNamesNumbersAndHeader() {
        ColumnSpec c = ColumnSpec.parseInteractions(" user = 3 , item=2,time=ts,header=yes ");
        assertThat(c.get("user")).isEqualTo(new ColumnRef(null, 3));
        assertThat(c.get("item").position()).isEqualTo(2);
        assertThat(c.get("time").name()).isEqualTo("ts");
        assertThat(c.get("rating")).isNull();
        assertThat(c.header()).isEqualTo(ColumnSpec.Header.YES);
        assertThat(c.toString()).isEqualTo("user=3,item=2,time=ts,header=yes");
    }

    @Test
    void namesMatchExactlyThenIgnoringCase() {
        assertThat(new ColumnRef("userid", 0).indexIn(List.of("userId", "x"))).isZero();
        assertThat(new ColumnRef("x", 0).indexIn(List.of("X", "x"))).isEqualTo(1);
        assertThat(new ColumnRef("y", 0).indexIn(List.of("X", "x"))).isEqualTo(-1);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " ~ ", value = {
        "user=a,user=b,item=c ~ --columns: user= given twice",
        "user=a,item= ~ --columns: item= needs a column name or number",
        "user=a;item=b ~ --columns: missing item=NAME|NUMBER (got 'user=a;item=b')",
        "user,item=b ~ --columns: expected KEY=COLUMN pairs separated by commas, got 'user' in 'user,item=b'",
        "user=a,item=b,header=maybe ~ --columns: header= must be auto, yes or no, got 'maybe'",
        "user=a,item=2,header=no ~ --columns: header=no but columns are given by name; use column numbers (1 = first)"})
    void errorsNameTheFlag(String text, String message) {
        assertThatThrownBy(() -> ColumnSpec.parseInteractions(text)).isInstanceOf(EmbrecException.class).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " ~ ", value = {"a,b,c ~ ,", "a\tb\tc ~ tab", "a;b;c ~ ;", "a|b|c ~ |", "1::2::3 ~ ::",
        "\"x,y\";b;c ~ ;", "a,b;c;d ~ ;"})
    void delimiterDetection(String line, String expected) {
        assertThat(Sniff.detectDelimiter(line)).isEqualTo(expected.equals("tab") ? "\t" : expected);
    }

    @Test
    void noDelimiterIsNull() {
        assertThat(Sniff.detectDelimiter("just text")).isNull();
        assertThat(Sniff.split("\"a,\"\"b\"\"\", c ,", ",")).containsExactly("a,\"b\"", "c", "");
        assertThat(DataSpec.parseDelimiter("tab")).isEqualTo("\t");
        assertThat(DataSpec.parseDelimiter("::")).isEqualTo("::");
        assertThatThrownBy(() -> DataSpec.parseDelimiter("\"")).isInstanceOf(EmbrecException.class);
    }
}
