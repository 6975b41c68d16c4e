package org.embrec.data;

import java.nio.file.Files;
import java.nio.file.Path;
import org.embrec.Progress;
import org.embrec.sequence.LikedFilter;
import org.embrec.sequence.SequenceBuilder;

/** The bundled ml-latest-small and the figures every layout of it must reproduce. */
final class Bundled {
    private Bundled() {}

    static Path dir() {
        String repo = System.getProperty("embrec.repo");
        Path root = repo != null ? Path.of(repo) : Path.of("").toAbsolutePath().getParent();
        Path d = root.resolve("data/ml-latest-small");
        if (!Files.isDirectory(d)) {
            throw new IllegalStateException("bundled data not found at " + d);
        }
        return d;
    }

    static Dataset load() {
        return DataLoader.load(DataSpec.of(dir()), Progress.NONE);
    }

    /** rows, users, items, mean rating (4 decimals) and liked rows under the default filter. */
    record Figures(int rows, int users, int items, String meanRating, long likedRows) {
        static Figures of(Dataset d) {
            Interactions in = d.interactions();
            return new Figures(in.size(), in.userIds().size(), in.itemIds().size(),
                    String.format(java.util.Locale.ROOT, "%.4f", in.meanRating()),
                    SequenceBuilder.build(in, LikedFilter.DEFAULT).tokens());
        }
    }

    static final Figures EXPECTED = new Figures(100_836, 610, 9_724, "3.5016", 48_580);
}
