package org.embrec.cli;

import java.util.Locale;
import org.embrec.EmbrecException;
import org.embrec.content.ContentConfig;
import org.embrec.content.ContentField;
import org.embrec.data.Catalog;
import org.embrec.pipeline.Algorithms;
import org.embrec.pipeline.ContentAlgorithm;
import org.embrec.model.ColdStartSettings;
import org.embrec.train.Word2VecConfig;
import picocli.CommandLine.Option;

/**
 * The content and cold-start flags of {@code train} and {@code evaluate} (a mixin): which
 * metadata fields become tokens, how token vectors are combined ({@code --algo content}), and
 * whether items without a behaviour vector get one from their content ({@code --cold-start}).
 */
public final class ContentOptions {
    @Option(names = "--content-fields", paramLabel = "LIST", defaultValue = "title,year,genres,tags,attributes",
            description = "Item metadata used as content tokens (default: ${DEFAULT-VALUE}).")
    String fields;

    @Option(names = "--content-weighting", paramLabel = "mean|sif", defaultValue = "mean",
            description = "Item vector from token vectors: mean (default) or sif (smooth inverse frequency,"
                    + " first principal component removed).")
    String weighting;

    @Option(names = "--sif-a", paramLabel = "X", defaultValue = "1e-3",
            description = "SIF's a in a/(a+p(w)) (default: ${DEFAULT-VALUE}).")
    double sifA;

    @Option(names = "--cold-start", paramLabel = "off|content",
            description = "Give items below --min-count (or absent from training) a vector mapped from their content."
                    + " Default: train off (with the tuned defaults it lowers overall HR, docs/CONTENT.md); evaluate"
                    + " reports it beside the model when item metadata is loaded.")
    String coldStart;

    @Option(names = "--cold-lambda", paramLabel = "X", defaultValue = "1000",
            description = "Ridge penalty of the content-to-behaviour map (default: ${DEFAULT-VALUE}).")
    double coldLambda;

    @Option(names = "--cold-penalty", paramLabel = "X",
            description = "Subtracted from a cold-start item's cosine when items are ranked, so it needs that much"
                    + " more similarity than a warm item to enter a list (default: " + ColdStartSettings.DEFAULT_PENALTY
                    + "; 0: rank by cosine alone).")
    Double coldPenalty;

    /** The content model's settings with the given token-model word2vec settings. */
    public ContentConfig config(Word2VecConfig word2vec) {
        return new ContentConfig(ContentField.parse(fields), ContentConfig.Weighting.parse(weighting), sifA, word2vec);
    }

    /**
     * The content settings of cold start: the default token model, with the threads and seed of
     * the behaviour model's settings.
     */
    public ContentConfig coldStartContent(Word2VecConfig behaviour) {
        return config(ContentConfig.defaultWord2Vec().withThreads(behaviour.threads()).withSeed(behaviour.seed()));
    }

    /** The cold-start settings. */
    public ColdStartSettings coldStartConfig() {
        ColdStartSettings c = ColdStartSettings.defaults().withLambda(coldLambda);
        return coldPenalty == null ? c : c.withPenalty(coldPenalty);
    }

    /**
     * Whether cold start applies: {@code --cold-start content}, or, when the flag is not given and
     * {@code byDefault}, when the catalog has items; never for the content model itself nor for ALS.
     *
     * @throws EmbrecException on a bad {@code --cold-start} value, or {@code content} without items
     */
    public boolean coldStart(String algo, Catalog catalog, boolean byDefault) {
        String mode = mode();
        boolean asked = mode.equals("content");
        if (algo.equals(ContentAlgorithm.NAME)) {
            return false;
        }
        if (Algorithms.usesAls(algo)) {
            checkApplies(algo);
            return false;
        }
        if (asked && catalog.size() == 0) {
            throw new EmbrecException("--cold-start content needs item metadata (e.g. movies.csv, or --items FILE)");
        }
        return asked || (byDefault && mode.isEmpty() && catalog.size() > 0);
    }

    /**
     * Fails when {@code --cold-start content} is asked of ALS: cold start centres the vectors and
     * maps content into their cosine space, so an ALS model's inner products with user factors and
     * its fold-in would no longer hold.
     *
     * @throws EmbrecException naming the flag
     */
    public void checkApplies(String algo) {
        if (Algorithms.usesAls(algo) && mode().equals("content")) {
            throw new EmbrecException("--cold-start content does not apply to --algo als (it scores users by the"
                    + " inner product of factors, which cold start's centred, mapped vectors would change)");
        }
    }

    /**
     * Checks the flags' values before any data is read (cheap).
     *
     * @throws EmbrecException naming the flag
     */
    public void validate() {
        mode();
        ContentField.parse(fields);
        ContentConfig.Weighting.parse(weighting);
        coldStartConfig();
    }

    /** {@code --cold-start} lower-cased: "", "off" or "content". */
    private String mode() {
        String mode = coldStart == null ? "" : coldStart.trim().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "", "off", "content" -> mode;
            case "none" -> "off";
            default -> throw new EmbrecException("--cold-start must be off or content, got '" + coldStart + "'");
        };
    }
}
