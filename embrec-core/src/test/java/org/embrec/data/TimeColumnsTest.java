package org.embrec.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.sequence.LikedFilter;
import org.embrec.sequence.SequenceBuilder;
import org.embrec.sequence.Sequences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A time in several columns or in a pattern, and what embrec says when there is no time at all. */
class TimeColumnsTest {
    @TempDir
    Path tmp;

    /** Random (user, item, time) rows in random file order; times to the second, some equal. */
    private static List<long[]> rows(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<long[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t = 946_684_800L + rnd.nextLong(20L * 365 * 86_400); // 2000 .. 2020, UTC
            if (i > 0 && rnd.nextInt(10) == 0) {
                t = rows.get(i - 1)[2]; // a tie with the row before
            }
            rows.add(new long[] {rnd.nextInt(30), rnd.nextInt(200), t});
        }
        return rows;
    }

    private Path write(String name, String header, List<long[]> rows, java.util.function.Function<long[], String> line)
            throws IOException {
        StringBuilder sb = new StringBuilder(header).append('\n');
        rows.forEach(r -> sb.append(line.apply(r)).append('\n'));
        Path f = tmp.resolve(name);
        Files.writeString(f, sb);
        return f;
    }

    private static LocalDateTime utc(long epochSeconds) {
        return LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
    }

    private static Dataset load(DataSpec spec, List<String> warnings) {
        return DataLoader.load(spec, Progress.NONE, warnings::add, 2);
    }

    /** Each user's items in the order embrec takes as time. */
    private static Map<String, List<String>> sequences(Dataset d) {
        Sequences s = SequenceBuilder.build(d.interactions(), LikedFilter.parse("all"));
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int q = 0; q < s.count(); q++) {
            List<String> items = new ArrayList<>();
            for (int p = s.start(q); p < s.end(q); p++) {
                items.add(s.itemIds().external(s.items()[p]));
            }
            out.put(s.userIds().external(q), items);
        }
        return out;
    }

    @Test
    void aTimeInThreeToSixColumnsGivesTheSequencesOfTheEquivalentEpochColumn() throws IOException {
        List<long[]> rows = rows(600, 1);
        Path epoch = write("epoch.csv", "user,item,ts", rows, r -> r[0] + "," + r[1] + "," + r[2]);
        Path parts = write("parts.tsv", "uid\taid\tday\tmonth\tyear\thour\tminute\tsecond", rows, r -> {
            LocalDateTime t = utc(r[2]);
            return r[0] + "\t" + r[1] + "\t" + t.getDayOfMonth() + "\t" + t.getMonthValue() + "\t" + t.getYear() + "\t"
                    + t.getHour() + "\t" + t.getMinute() + "\t" + t.getSecond();
        });
        List<String> warnings = new ArrayList<>();
        Map<String, List<String>> byEpoch = sequences(load(DataSpec.of(epoch)
                .withColumns(ColumnSpec.parseInteractions("user=user,item=item,time=ts")), warnings));
        Map<String, List<String>> byParts = sequences(load(DataSpec.of(parts).withColumns(ColumnSpec.parseInteractions(
                "user=uid,item=aid,time=year+month+day+hour+minute+second")), warnings));
        assertThat(byParts).isEqualTo(byEpoch);
        assertThat(warnings).isEmpty();
        // Day resolution: the same as the epoch column truncated to the day (ties keep file order).
        Path days = write("days.csv", "u,i,y,m,d", rows, r -> {
            LocalDateTime t = utc(r[2]);
            return r[0] + "," + r[1] + "," + t.getYear() + "," + t.getMonthValue() + "," + t.getDayOfMonth();
        });
        Path dayEpoch = write("day-epoch.csv", "u,i,t", rows, r -> r[0] + "," + r[1] + "," + (r[2] / 86_400 * 86_400));
        assertThat(sequences(load(DataSpec.of(days).withColumns(ColumnSpec.parseInteractions("user=1,item=2,time=3+4+5")),
                warnings))).isEqualTo(sequences(load(DataSpec.of(dayEpoch).withColumns(ColumnSpec.parseInteractions("user=u,item=i,time=t")),
                warnings)));
    }

    @Test
    void aTimeInAPatternGivesTheSequencesOfTheEquivalentEpochColumn() throws IOException {
        List<long[]> rows = rows(400, 2);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.ROOT);
        Path epoch = write("epoch.csv", "user,item,ts", rows, r -> r[0] + "," + r[1] + "," + r[2]);
        Path text = write("text.csv", "user,item,when", rows, r -> r[0] + "," + r[1] + "," + f.format(utc(r[2])));
        List<String> warnings = new ArrayList<>();
        assertThat(sequences(load(DataSpec.of(text).withColumns(ColumnSpec.parseInteractions("user=user,item=item,time=when"))
                .withTimeFormat("dd/MM/yyyy HH:mm:ss"), warnings))).isEqualTo(sequences(load(DataSpec.of(epoch).withColumns(
                ColumnSpec.parseInteractions("user=user,item=item,time=ts")), warnings)));
        assertThat(TimeFormat.compile("yyyy-MM").epochMillis("2008-03")).isEqualTo(1_204_329_600_000L);
        assertThat(TimeFormat.compile("yyyy-MM-dd HH:mm XXX").epochMillis("2008-03-01 01:00 +01:00"))
                .isEqualTo(1_204_329_600_000L);
    }

    @Test
    void badTimesAreOneLineErrorsNamingTheFileLineOrTheFlag() throws IOException {
        Path parts = Files.writeString(tmp.resolve("p.csv"), "u,i,y,m,d\n1,2,2008,12,31\n1,3,2008,13,1\n");
        assertThatThrownBy(() -> load(DataSpec.of(parts).withColumns(ColumnSpec.parseInteractions("user=u,item=i,time=y+m+d")),
                new ArrayList<>())).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("p.csv:3: time parts year '2008', month '13', day '1' are not a date");
        Path feb = Files.writeString(tmp.resolve("f.csv"), "u,i,t\n1,2,30/02/2008\n");
        assertThatThrownBy(() -> load(DataSpec.of(feb).withColumns(ColumnSpec.parseInteractions("user=u,item=i,time=t"))
                .withTimeFormat("dd/MM/yyyy"), new ArrayList<>())).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("f.csv:2: time '30/02/2008' does not match --time-format 'dd/MM/yyyy'");
        assertThatThrownBy(() -> TimeFormat.compile("dd/MM/yyyy {")).isInstanceOf(EmbrecException.class)
                .hasMessageStartingWith("--time-format 'dd/MM/yyyy {': ");
        assertThatThrownBy(() -> ColumnSpec.parseInteractions("user=1,item=2,time=3+4")).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("a time in parts is YEAR+MONTH+DAY");
        assertThatThrownBy(() -> DataSpec.of(parts).withColumns(ColumnSpec.parseInteractions("user=u,item=i,time=y+m+d"))
                .withTimeFormat("yyyy")).isInstanceOf(EmbrecException.class).hasMessageContaining("--time-format applies to one");
        assertThatThrownBy(() -> load(DataSpec.of(parts).withColumns(ColumnSpec.parseInteractions("user=u,item=i,time=y+m+u")),
                new ArrayList<>())).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("user and time day are the same column (1)");
        assertThat(ColumnSpec.parseInteractions("user=u,item=i,time=y+m+d").toString()).isEqualTo("user=u,item=i,time=y+m+d");
    }

    @Test
    void withoutATimeColumnFileOrderIsSaidToBeTimeAndAFileSortedByItemIsCalledOut() throws IOException {
        List<long[]> rows = rows(800, 3);
        Path shuffled = write("shuffled.csv", "user,item", rows, r -> r[0] + "," + r[1]);
        List<String> warnings = new ArrayList<>();
        load(DataSpec.of(shuffled).withColumns(ColumnSpec.parseInteractions("user=user,item=item")), warnings);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("shuffled.csv: no time column, so each user's items are taken in file order");
        List<long[]> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        Path bySorted = write("sorted.csv", "user,item", sorted, r -> r[0] + "," + r[1]);
        warnings.clear();
        load(DataSpec.of(bySorted).withColumns(ColumnSpec.parseInteractions("user=user,item=item")), warnings);
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(1)).contains("sorted.csv: the rows look sorted by item within each user (100%",
                "file order cannot be time");
        // With a time column nothing is said, whatever the order.
        Path timed = write("timed.csv", "user,item,ts", sorted, r -> r[0] + "," + r[1] + "," + r[2]);
        warnings.clear();
        load(DataSpec.of(timed).withColumns(ColumnSpec.parseInteractions("user=user,item=item,time=ts")), warnings);
        assertThat(warnings).isEmpty();
    }
}
