package org.embrec.data.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.data.Catalog;
import org.embrec.data.ColumnSpec;
import org.embrec.data.DataLoader;
import org.embrec.data.DataSpec;
import org.embrec.data.Dataset;
import org.embrec.data.Interactions;
import org.embrec.sequence.LikedFilter;
import org.embrec.sequence.SequenceBuilder;
import org.embrec.sequence.Sequences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SynthGeneratorTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} users, {1} items, {2} rows, {3} clusters")
    @CsvSource({"300,500,20000,12", "7,10,70,3", "50,40,1999,40", "1000,2000,5000,30"})
    void writesExactlyTheRequestedRowsAsDistinctPairs(int users, int items, long rows, int clusters) {
        SynthConfig config = new SynthConfig(users, items, rows, clusters, 42);
        Path out = SynthGenerator.write(config, dir.resolve("s"), 2, Progress.NONE);
        Dataset d = DataLoader.load(DataSpec.of(out).withDedupe(DataSpec.Dedupe.NONE), Progress.NONE);
        Interactions in = d.interactions();
        assertThat(in.size()).isEqualTo((int) rows);
        assertThat(in.userIds().size()).isLessThanOrEqualTo(users);
        assertThat(in.itemIds().size()).isLessThanOrEqualTo(items);
        Set<Long> pairs = new HashSet<>();
        for (int r = 0; r < in.size(); r++) {
            long u = Long.parseLong(in.userIds().external(in.user(r)));
            long i = Long.parseLong(in.itemIds().external(in.item(r)));
            assertThat(u).isBetween(1L, (long) users);
            assertThat(i).isBetween(1L, (long) items);
            assertThat(pairs.add(u * 1_000_000 + i)).as("pair %d,%d repeated", u, i).isTrue();
            float rating = in.rating(r);
            assertThat(rating * 2).isEqualTo(Math.round(rating * 2));
            assertThat(rating).isBetween(0.5f, 5f);
        }
        assertThat(d.catalog().size()).isEqualTo(items);
        assertThat(Files.exists(out.resolve("README.txt"))).isTrue();
        assertThat(dir.toFile().list()).containsExactly("s"); // no temp directory left behind
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() {
        byte[] a = SynthGenerator.ratingsBytes(new SynthConfig(200, 300, 10_000, 10, 1));
        byte[] b = SynthGenerator.ratingsBytes(new SynthConfig(200, 300, 10_000, 10, 1));
        byte[] c = SynthGenerator.ratingsBytes(new SynthConfig(200, 300, 10_000, 10, 2));
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void threadCountDoesNotChangeTheOutput() throws IOException {
        SynthConfig config = new SynthConfig(3_000, 1_000, 400_000, 25, 9);
        Path one = SynthGenerator.write(config, dir.resolve("one"), 1, Progress.NONE);
        Path four = SynthGenerator.write(config, dir.resolve("four"), 4, Progress.NONE);
        assertThat(Files.readAllBytes(four.resolve("ratings.csv"))).isEqualTo(Files.readAllBytes(one.resolve("ratings.csv")));
        assertThat(Files.readString(four.resolve("movies.csv"))).isEqualTo(Files.readString(one.resolve("movies.csv")));
    }

    @Test
    void theNextLikedItemIsPredictableFromThePreviousOne() {
        SynthConfig config = new SynthConfig(2_000, 3_000, 200_000, 40, 3);
        SynthModel model = new SynthModel(config);
        Path out = SynthGenerator.write(config, dir.resolve("s"), 2, Progress.NONE);
        Dataset d = DataLoader.load(DataSpec.of(out), Progress.NONE);
        Interactions in = d.interactions();
        Sequences liked = SequenceBuilder.build(in, LikedFilter.DEFAULT);
        // Favourites are rated >= 4 and the rest <= 3, so "mean" selects exactly the favourites.
        long favourites = 0;
        for (int r = 0; r < in.size(); r++) {
            if (in.rating(r) >= 4) {
                favourites++;
            }
        }
        assertThat(liked.tokens()).isEqualTo(favourites);
        assertThat((double) favourites / in.size()).isBetween(0.55, 0.65);
        long sameCluster = 0;
        long pairs = 0;
        for (int s = 0; s < liked.count(); s++) {
            for (int p = liked.start(s) + 1; p < liked.end(s); p++) {
                int prev = Integer.parseInt(in.itemIds().external(liked.items()[p - 1])) - 1;
                int next = Integer.parseInt(in.itemIds().external(liked.items()[p])) - 1;
                pairs++;
                if (model.clusterOf[prev] == model.clusterOf[next]) {
                    sameCluster++;
                }
            }
        }
        // Between two liked items a user takes ~1/FAVOURITE steps, each leaving the cluster with
        // p = DRIFT: about 0.8 of consecutive liked pairs share a cluster, against ~1/40 by chance.
        assertThat((double) sameCluster / pairs).isBetween(0.7, 0.9);
        // Genres come from the cluster: two items of one cluster share their genres.
        Catalog.Item first = d.catalog().get(Integer.toString(model.members[model.start[0]] + 1));
        Catalog.Item second = d.catalog().get(Integer.toString(model.members[model.start[0] + 1] + 1));
        assertThat(first.genres()).isEqualTo(second.genres()).hasSize(2);
        assertThat(first.title()).matches("Synthetic Movie \\d+ \\(\\d{4}\\)");
    }

    @Test
    void sessionsAreBurstsOnOneClusterDaysApart() {
        SynthConfig config = new SynthConfig(2_000, 3_000, 200_000, 40, 3, SynthConfig.Kind.SESSIONS);
        SynthModel model = new SynthModel(config);
        Path out = SynthGenerator.write(config, dir.resolve("sessions"), 2, Progress.NONE);
        Interactions in = DataLoader.load(DataSpec.of(out), Progress.NONE).interactions();
        Sequences liked = SequenceBuilder.build(in, LikedFilter.DEFAULT, 3_600_000);
        Sequences sessions = liked.sentences();
        // About one session per MEAN_SESSION ratings (of which ~0.6 are liked).
        double perSession = (double) liked.tokens() / sessions.count();
        assertThat(perSession).isBetween(0.6 * SynthUsers.MEAN_SESSION * 0.6, 0.6 * SynthUsers.MEAN_SESSION * 1.6);
        long same = 0;
        long pairs = 0;
        for (int s = 0; s < sessions.count(); s++) {
            for (int p = sessions.start(s) + 1; p < sessions.end(s); p++) {
                int prev = Integer.parseInt(in.itemIds().external(sessions.items()[p - 1])) - 1;
                int next = Integer.parseInt(in.itemIds().external(sessions.items()[p])) - 1;
                pairs++;
                if (model.clusterOf[prev] == model.clusterOf[next]) {
                    same++;
                }
            }
        }
        // Inside a session liked items stay in its cluster (unless a heavy user has rated the whole
        // cluster: then another item is taken), against ~0.8 of consecutive pairs for ratings.
        assertThat((double) same / pairs).isGreaterThan(0.9);
        assertThatThrownBy(() -> SynthConfig.Kind.parse("reviews")).isInstanceOf(EmbrecException.class)
                .hasMessage("--kind must be ratings, sessions, plays or events, got 'reviews'");
    }

    @Test
    void playsAndEventsTellFavouritesFromBackgroundItems() throws IOException {
        SynthConfig plays = new SynthConfig(1_000, 1_000, 60_000, 20, 5, SynthConfig.Kind.PLAYS);
        Path p = SynthGenerator.write(plays, dir.resolve("plays"), 2, Progress.NONE);
        assertThat(Files.readString(p.resolve("README.txt"))).contains("weight=plays");
        Interactions in = DataLoader.load(DataSpec.of(p.resolve("plays.csv")).withColumns(ColumnSpec.parseInteractions(
                "user=userId,item=movieId,weight=plays,time=timestamp")), Progress.NONE).interactions();
        assertThat(in.size()).isEqualTo(60_000);
        // Same seed, same draws as the ratings kind: a row's plays follow its hidden rating.
        Interactions ratings = DataLoader.load(DataSpec.of(SynthGenerator.write(new SynthConfig(1_000, 1_000, 60_000, 20,
                5), dir.resolve("ratings"), 2, Progress.NONE)), Progress.NONE).interactions();
        double favourite = 0;
        double background = 0;
        int nf = 0;
        int nb = 0;
        for (int r = 0; r < in.size(); r++) {
            assertThat(in.weight(r)).isGreaterThanOrEqualTo(1f);
            if (ratings.rating(r) >= 4) {
                favourite += in.weight(r);
                nf++;
            } else {
                background += in.weight(r);
                nb++;
            }
        }
        assertThat(favourite / nf).isBetween(0.8 * SynthUsers.MEAN_FAVOURITE_PLAYS, 1.2 * SynthUsers.MEAN_FAVOURITE_PLAYS);
        assertThat(background / nb).isBetween(0.8 * SynthUsers.MEAN_BACKGROUND_PLAYS, 1.2 * SynthUsers.MEAN_BACKGROUND_PLAYS);
        Path e = SynthGenerator.write(new SynthConfig(1_000, 1_000, 60_000, 20, 5, SynthConfig.Kind.EVENTS),
                dir.resolve("events"), 2, Progress.NONE);
        Interactions events = DataLoader.load(DataSpec.of(e.resolve("events.csv")).withColumns(ColumnSpec
                .parseInteractions("user=userId,item=movieId,event=event,time=timestamp")).withEventWeights(
                org.embrec.data.EventWeights.parse("view=1,cart=3,purchase=10")), Progress.NONE).interactions();
        long boughtFavourites = 0;
        long bought = 0;
        for (int r = 0; r < events.size(); r++) {
            if (events.weight(r) == 10f) {
                bought++;
                boughtFavourites += ratings.rating(r) >= 4 ? 1 : 0;
            }
        }
        assertThat((double) boughtFavourites / bought).isGreaterThan(0.9); // 0.6 x 0.4 against 0.4 x 0.05
    }

    @Test
    void popularityIsSkewedInsideClusters() {
        SynthConfig config = new SynthConfig(2_000, 1_000, 100_000, 5, 4);
        SynthModel model = new SynthModel(config);
        String text = new String(SynthGenerator.ratingsBytes(config), StandardCharsets.US_ASCII);
        int[] count = new int[config.items()];
        for (String line : text.split("\n")) {
            count[Integer.parseInt(line.split(",")[1]) - 1]++;
        }
        int top = count[model.members[model.start[0]]];
        int tail = count[model.members[model.start[1] - 1]];
        assertThat(top).isGreaterThan(10 * Math.max(1, tail));
    }

    @Test
    void refusesAnExistingNonEmptyDirectoryAndBadSizes() throws IOException {
        Path out = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(out.resolve("x"), "x");
        assertThatThrownBy(() -> SynthGenerator.write(new SynthConfig(2, 2, 2, 1, 1), out, 1, Progress.NONE))
                .isInstanceOf(EmbrecException.class).hasMessageContaining("exists and is not an empty directory");
        assertThatThrownBy(() -> new SynthConfig(2, 3, 7, 1, 1)).isInstanceOf(EmbrecException.class)
                .hasMessage("--rows 7 is more than --users x --items (6): each user rates an item at most once");
        assertThatThrownBy(() -> new SynthConfig(0, 3, 1, 1, 1)).hasMessage("--users must be >= 1, got 0");
        assertThatThrownBy(() -> new SynthConfig(2, 3, 1, 4, 1))
                .hasMessage("--clusters must be between 1 and --items (3), got 4");
        // Every pair used: users rate all items.
        Path full = SynthGenerator.write(new SynthConfig(2, 3, 6, 1, 1), dir.resolve("full"), 1, Progress.NONE);
        assertThat(Files.readAllLines(full.resolve("ratings.csv"))).hasSize(7);
    }
}
