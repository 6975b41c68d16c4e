package org.embrec.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.embrec.data.Catalog;
import org.embrec.sequence.Sequences;
import org.junit.jupiter.api.Test;

class LeaveLastOutSplitTest {
    /**
     * Ratings 5 and 1 only (mean 3.something, so 5 = liked). u1 likes 1 item, u2 two, u3 three
     * with a tie in time, u4 five out of time order, plus disliked rows that must not count.
     */
    private static Sequences liked() {
        return Fixtures.liked(
                "u1 a 5 10",
                "u1 b 1 11",
                "u2 a 5 20",
                "u2 b 5 21",
                "u2 c 1 22",
                "u3 c 5 30", // c and d share a time: file order decides (c before d)
                "u3 d 5 30",
                "u3 a 5 29",
                "u4 e 5 45",
                "u4 a 5 41",
                "u4 x 1 50", // disliked, later than everything: never a target
                "u4 b 5 42",
                "u4 c 5 44",
                "u4 d 5 43");
    }

    @Test
    void shortSequencesGoToTrainingWholeAndLongOnesLoseTheirLastItem() {
        Sequences liked = liked();
        Split split = LeaveLastOutSplit.split(liked);
        Sequences training = split.training();

        assertThat(training.count()).isEqualTo(4);
        assertThat(Fixtures.externals(training, 0)).containsExactly("a");
        assertThat(Fixtures.externals(training, 1)).containsExactly("a", "b");
        assertThat(Fixtures.externals(training, 2)).containsExactly("a", "c");
        assertThat(Fixtures.externals(training, 3)).containsExactly("a", "b", "d", "c");
        assertThat(training.itemIds()).isSameAs(liked.itemIds());
        assertThat(training.userIds()).isSameAs(liked.userIds());

        TestCases cases = split.cases();
        assertThat(split.testUsers()).isEqualTo(2);
        assertThat(training.userIds().external(cases.user(0))).isEqualTo("u3");
        assertThat(ext(training, cases.target(0))).isEqualTo("d");
        assertThat(ext(training, cases.query(0))).isEqualTo("c");
        assertThat(training.userIds().external(cases.user(1))).isEqualTo("u4");
        assertThat(ext(training, cases.target(1))).isEqualTo("e");
        assertThat(ext(training, cases.query(1))).isEqualTo("c");
        assertThat(cases.historyEnd(1) - cases.historyStart(1)).isEqualTo(4);
        assertThat(cases.maxHistory()).isEqualTo(4);
    }

    @Test
    void trainingCountsExcludeTheTargets() {
        Split split = LeaveLastOutSplit.split(liked());
        long[] counts = split.trainingCounts();
        int d = split.training().itemIds().indexOf("d");
        int e = split.training().itemIds().indexOf("e");
        assertThat(counts[d]).isEqualTo(1); // u4's d; u3's d is a target
        assertThat(counts[e]).isZero();
        assertThat(counts[split.training().itemIds().indexOf("a")]).isEqualTo(4);
    }

    @Test
    void validationSplitsTheTrainingSequencesAgain() {
        Split test = LeaveLastOutSplit.split(liked());
        Split validation = LeaveLastOutSplit.validation(test);
        Sequences training = validation.training();
        assertThat(validation.testUsers()).isEqualTo(1);
        assertThat(Fixtures.externals(training, 2)).containsExactly("a", "c"); // u3: 2 left, no case
        assertThat(Fixtures.externals(training, 3)).containsExactly("a", "b", "d");
        assertThat(ext(training, validation.cases().target(0))).isEqualTo("c");
        assertThat(ext(training, validation.cases().query(0))).isEqualTo("d");
    }

    @Test
    void sequencesOfExactlyThreeGiveACaseAndOfTwoDoNot() {
        Split split = LeaveLastOutSplit.split(Fixtures.sequences(
                new String[] {"1", "2"}, new String[] {"1", "2", "3"}, new String[] {"4"}));
        assertThat(split.testUsers()).isEqualTo(1);
        assertThat(split.cases().sequence(0)).isEqualTo(1);
        assertThat(split.training().tokens()).isEqualTo(5);
    }

    @Test
    void tagsOfATestUserOnTheirOwnTargetAreDropped() {
        Split split = LeaveLastOutSplit.split(liked());
        List<Catalog.Tag> tags = List.of(
                new Catalog.Tag("u3", "d", "leak", 1), // u3's target
                new Catalog.Tag("u4", "d", "fine", 1), // d is not u4's target
                new Catalog.Tag("u4", "e", "leak", 1), // u4's target
                new Catalog.Tag("u1", "a", "fine", 1),
                new Catalog.Tag("nobody", "e", "fine", 1));
        assertThat(split.withoutTargetTags(tags)).extracting(Catalog.Tag::tag).containsOnly("fine").hasSize(3);
    }

    private static String ext(Sequences s, int item) {
        return s.itemIds().external(item);
    }
}
