package org.embrec.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.embrec.EmbrecException;
import org.embrec.recommend.Controls;
import org.embrec.recommend.Exclusions;
import picocli.CommandLine.Option;

/**
 * {@code --mmr L} and {@code --exclude FILE|IDS} of {@code similar} and {@code recommend}
 * (docs/CONTROLS.md): diversity re-ranking and items never to return. Picocli mixin.
 */
final class ControlsOption {
    @Option(names = "--mmr", paramLabel = "L", defaultValue = "0",
            description = "Diversity: re-rank the best max(50, 5k) items by maximal marginal relevance,"
                    + " (1-L) x relevance - L x the largest cosine to an item already listed; L in [0, 1],"
                    + " 0 = off (default). See docs/CONTROLS.md.")
    double mmr;

    @Option(names = "--exclude", paramLabel = "FILE|ID,ID,...",
            description = "Items never to return: a file of ids (one a line, '#' comments, as a model's exclude.txt)"
                    + " or a comma-separated list; repeatable. The model directory's exclude.txt always applies.")
    List<String> exclude = new ArrayList<>();

    /** The controls the options ask for; {@code known} tells which ids the model knows (others are warned about in a file). */
    Controls controls(Predicate<String> known) {
        if (!(mmr >= 0 && mmr <= 1)) {
            throw new EmbrecException("--mmr must be a number in [0, 1] (0 = off), got " + mmr);
        }
        List<String> ids = new ArrayList<>();
        for (String e : exclude) {
            Path p = Path.of(e);
            if (Files.isRegularFile(p)) {
                try {
                    ids.addAll(Exclusions.parse(Files.readAllBytes(p), "--exclude " + p, known));
                } catch (IOException x) {
                    throw new EmbrecException("--exclude: cannot read " + p + ": " + x.getMessage(), x);
                }
            } else {
                for (String id : e.split(",")) {
                    if (!id.isBlank()) {
                        ids.add(id.trim());
                    }
                }
            }
        }
        return new Controls(false, mmr, List.of(), ids);
    }
}
