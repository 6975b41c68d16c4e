package org.embrec.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.data.ColumnSpec;
import org.embrec.data.DataLoader;
import org.embrec.data.DataSpec;
import org.embrec.data.Interactions;
import org.embrec.eval.LeaveLastOutSplit;
import org.embrec.eval.Split;
import org.embrec.pipeline.TrainingData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --session-gap}: sessions are the training sentences; the per-user split stays as it is. */
class SessionsTest {
    @TempDir
    Path tmp;

    private Interactions load(String csv, String columns) throws IOException {
        Path f = Files.writeString(tmp.resolve("log.csv"), csv);
        return DataLoader.load(DataSpec.of(f).withColumns(ColumnSpec.parseInteractions(columns)), Progress.NONE,
                w -> { }, 1).interactions();
    }

    /** Each sentence's items by external id. */
    private static List<List<String>> sentences(Sequences s) {
        Sequences t = s.sentences();
        List<List<String>> out = new ArrayList<>();
        for (int q = 0; q < t.count(); q++) {
            List<String> items = new ArrayList<>();
            for (int p = t.start(q); p < t.end(q); p++) {
                items.add(t.itemIds().external(t.items()[p]));
            }
            out.add(items);
        }
        return out;
    }

    @Test
    void aGapLongerThanTheSessionGapStartsANewSentence() throws IOException {
        // Times in seconds; u1: a b | c d | e at 30 minutes; u2 in one session; rows out of time order.
        Interactions data = load("""
                user,item,ts
                u1,c,3000
                u1,a,0
                u1,b,600
                u2,x,100
                u1,d,3300
                u2,y,1900
                u1,e,20000
                u2,z,3600
                """, "user=user,item=item,time=ts");
        Sequences liked = SequenceBuilder.build(data, LikedFilter.parse("all"), SessionGap.parseMillis("30m"));
        assertThat(liked.count()).isEqualTo(2);
        assertThat(sentences(liked)).containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"),
                List.of("x", "y", "z"));
        assertThat(liked.sentences().users()).containsExactly(0, 0, 0, 1);
        // Without a gap, and with a gap longer than any, each user is one sentence.
        assertThat(sentences(SequenceBuilder.build(data, LikedFilter.parse("all"), 0))).hasSize(2);
        assertThat(sentences(SequenceBuilder.build(data, LikedFilter.parse("all"), SessionGap.parseMillis("1d"))))
                .hasSize(2);

        // The split holds out each user's last item as always; the training sentences keep the sessions
        // (the session of the held-out target goes with it).
        Split split = LeaveLastOutSplit.split(liked);
        assertThat(split.testUsers()).isEqualTo(2);
        assertThat(sentences(split.training())).containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("x", "y"));
        assertThat(sentences(LeaveLastOutSplit.split(split.training()).training()))
                .containsExactly(List.of("a", "b"), List.of("c"), List.of("x", "y")); // u2 has 2 items: no case
        assertThat(sentences(split.trainingData(org.embrec.data.Catalog.empty()).sentences()))
                .isEqualTo(sentences(split.training()));
        assertThat(TrainingData.of(split.training()).sentences().count()).isEqualTo(3);
    }

    @Test
    void anAnonymousSessionLogLoadsWithEachSessionAUser() throws IOException {
        Interactions data = load("session_id,item,ts\ns1,a,1\ns1,b,2\ns2,a,3\n", "session=session_id,item=item,time=ts");
        assertThat(data.userIds().size()).isEqualTo(2);
        assertThatThrownBy(() -> ColumnSpec.parseInteractions("user=u,session=s,item=i")).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("give user= or session=, not both");
    }

    @Test
    void badGapsAndGapsWithoutTimesAreOneLineErrors() throws IOException {
        assertThat(SessionGap.parseMillis("90s")).isEqualTo(90_000);
        assertThat(SessionGap.parseMillis("2h")).isEqualTo(7_200_000);
        assertThat(SessionGap.parseMillis("1.5 min")).isEqualTo(90_000);
        assertThat(SessionGap.parseMillis("off")).isZero();
        assertThatThrownBy(() -> SessionGap.parseMillis("soon")).isInstanceOf(EmbrecException.class)
                .hasMessage("--session-gap must be a duration such as 90s, 30m, 2h or 1d (or off), got 'soon'");
        Interactions untimed = load("user,item\nu,a\nu,b\n", "user=user,item=item");
        assertThatThrownBy(() -> SequenceBuilder.build(untimed, LikedFilter.parse("all"), 60_000))
                .isInstanceOf(EmbrecException.class).hasMessageContaining("--session-gap needs a time column");
        assertThatThrownBy(() -> new Sequences(new int[] {0, 2}, new int[] {0, 1}, null,
                org.embrec.data.IdMap.of("a", "b"), null, new int[] {0})).isInstanceOf(IllegalArgumentException.class);
    }
}
