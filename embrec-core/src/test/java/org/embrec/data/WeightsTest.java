package org.embrec.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.als.AlsConfig;
import org.embrec.als.AlsTrainer;
import org.embrec.sequence.LikedFilter;
import org.embrec.sequence.SequenceBuilder;
import org.embrec.sequence.Sequences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weights and event types: read per row, summed by --dedupe sum, filtered by --liked, confidence in ALS. */
class WeightsTest {
    @TempDir
    Path tmp;

    private Interactions load(String name, String text, DataSpec.Dedupe dedupe, String columns, EventWeights events)
            throws IOException {
        Path f = Files.writeString(tmp.resolve(name), text);
        return DataLoader.load(DataSpec.of(f).withColumns(ColumnSpec.parseInteractions(columns)).withDedupe(dedupe)
                .withEventWeights(events), Progress.NONE, w -> { }, 2).interactions();
    }

    @Test
    void weightAndEventColumnsGiveEachRowItsWeight() throws IOException {
        // Last.fm's user_artists.dat: play counts.
        Interactions plays = load("plays.tsv", "userID\tartistID\tweight\n2\t51\t13883\n2\t52\t11690\n3\t51\t5\n",
                DataSpec.Dedupe.FIRST, "user=userID,item=artistID,weight=weight", null);
        assertThat(plays.hasWeights()).isTrue();
        assertThat(plays.hasRatings()).isFalse();
        assertThat(plays.weightColumn()).containsExactly(13883f, 11690f, 5f);
        // Shop events: a row weighs its event's weight, times its quantity.
        Interactions events = load("events.csv", "u,i,type,qty\na,x,view,1\na,x,purchase,2\nb,y,cart,1\n",
                DataSpec.Dedupe.NONE, "user=u,item=i,event=type,weight=qty", EventWeights.parse("view=1,cart=3,purchase=10"));
        assertThat(events.weightColumn()).containsExactly(1f, 20f, 3f);
        // --dedupe sum: the first row of each (user, item) carries the total.
        Interactions summed = load("events2.csv", "u,i,type\na,x,view\na,x,purchase\nb,y,cart\na,x,view\n",
                DataSpec.Dedupe.SUM, "user=u,item=i,event=type", EventWeights.parse("view=1,cart=3,purchase=10"));
        assertThat(summed.size()).isEqualTo(2);
        assertThat(summed.weightColumn()).containsExactly(12f, 3f);
        // Without a weight column, sum counts the rows.
        Interactions counted = load("c.csv", "u,i\na,x\na,x\na,y\n", DataSpec.Dedupe.SUM, "user=u,item=i", null);
        assertThat(counted.weightColumn()).containsExactly(2f, 1f);
    }

    @Test
    void badWeightsAndUnknownEventsAreOneLineErrorsNamingTheLine() throws IOException {
        assertThatThrownBy(() -> load("w.csv", "u,i,w\na,x,1\na,y,-3\n", DataSpec.Dedupe.FIRST, "user=u,item=i,weight=w",
                null)).isInstanceOf(EmbrecException.class).hasMessageContaining("w.csv:3: weight '-3' must be a finite"
                + " number from 0 to 1e9");
        assertThatThrownBy(() -> load("e.csv", "u,i,t\na,x,view\na,y,refund\n", DataSpec.Dedupe.FIRST,
                "user=u,item=i,event=t", EventWeights.parse("view=1,purchase=10"))).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("e.csv:3: event 'refund' has no weight in --event-weights (view, purchase)");
        assertThatThrownBy(() -> load("n.csv", "u,i,t\na,x,view\n", DataSpec.Dedupe.FIRST, "user=u,item=i,event=t",
                null)).isInstanceOf(EmbrecException.class).hasMessageContaining("give the weight of each event type");
        assertThatThrownBy(() -> EventWeights.parse("view=1,cart")).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("expected NAME=WEIGHT pairs");
        assertThatThrownBy(() -> EventWeights.parse("view=-1")).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("must be a finite number >= 0");
        assertThatThrownBy(() -> LikedFilter.On.parse("plays")).isInstanceOf(EmbrecException.class)
                .hasMessage("--liked-on must be rating or weight, got 'plays'");
    }

    @Test
    void likedReadsTheWeightWithoutARatingAndWeightsReachAlsAsConfidence() throws IOException {
        Interactions plays = load("p.csv", "u,i,w\na,x,100\na,y,1\na,z,50\nb,x,2\nb,z,300\n", DataSpec.Dedupe.FIRST,
                "user=u,item=i,weight=w", null);
        // Mean weight 90.6: the rows above it are liked.
        Sequences liked = SequenceBuilder.build(plays, LikedFilter.DEFAULT);
        assertThat(liked.tokens()).isEqualTo(2);
        Sequences all = SequenceBuilder.build(plays, LikedFilter.parse("all"));
        assertThat(all.weights()).containsExactly(100f, 1f, 50f, 2f, 300f);
        assertThatThrownBy(() -> SequenceBuilder.build(plays, LikedFilter.DEFAULT.on(LikedFilter.On.RATING)))
                .isInstanceOf(EmbrecException.class).hasMessageContaining("--liked-on rating: the data has no rating");
        // The same pairs with and without weights: the weights change the factors.
        AlsConfig config = AlsConfig.defaults().withDim(4).withIterations(3).withThreads(1);
        Sequences unweighted = new Sequences(all.offsets(), all.items(), all.users(), all.itemIds(), all.userIds());
        float[] a = AlsTrainer.train(all, config, 1, Progress.NONE).items().matrix();
        float[] b = AlsTrainer.train(unweighted, config, 1, Progress.NONE).items().matrix();
        assertThat(a).isNotEqualTo(b);
    }
}
