package org.embrec.eval;

import java.nio.file.Path;
import org.embrec.Progress;
import org.embrec.data.DataLoader;
import org.embrec.data.DataSpec;
import org.embrec.sequence.LikedFilter;
import org.embrec.sequence.SequenceBuilder;
import org.embrec.sequence.Sequences;

/** The bundled ml-latest-small as liked sequences, loaded as {@code evaluate} loads it. */
public final class MovieLensFixture {
    private static Sequences liked;

    private MovieLensFixture() {}

    public static Path repo() {
        String repo = System.getProperty("embrec.repo");
        return Path.of(repo == null ? "." : repo);
    }

    /** Liked sequences (rating above the global mean, ordered by time then file row). */
    public static synchronized Sequences liked() {
        if (liked == null) {
            DataSpec spec = DataSpec.of(repo().resolve("data/ml-latest-small"));
            liked = SequenceBuilder.build(DataLoader.load(spec, Progress.NONE).interactions(), LikedFilter.DEFAULT);
        }
        return liked;
    }
}
