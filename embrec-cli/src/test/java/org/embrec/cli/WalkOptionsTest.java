package org.embrec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.embrec.EmbrecException;
import org.embrec.graph.WalkConfig;
import org.embrec.pipeline.EmbeddingAlgorithm;
import org.embrec.pipeline.GraphWalkAlgorithm;
import org.embrec.pipeline.Item2VecAlgorithm;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

class WalkOptionsTest {
    /** The flags as {@code train} and {@code evaluate} mix them in. */
    @Command(name = "probe")
    static final class Probe {
        @Mixin
        AlgorithmOption algorithm;

        @Mixin
        TrainingOptions training;

        @Mixin
        ContentOptions content;
    }

    private static EmbeddingAlgorithm parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.algorithm.build(probe.training.config(), probe.content);
    }

    @Test
    void deepWalkGetsTheReferenceWalksByDefault() {
        EmbeddingAlgorithm a = parse("--algo", "deepwalk", "--dim", "16");
        assertThat(a).isInstanceOf(GraphWalkAlgorithm.class);
        GraphWalkAlgorithm g = (GraphWalkAlgorithm) a;
        assertThat(g.name()).isEqualTo("deepwalk");
        assertThat(g.walks()).isEqualTo(WalkConfig.defaults());
        assertThat(g.config().dim()).isEqualTo(16);
    }

    @Test
    void everyWalkFlagMapsToItsField() {
        GraphWalkAlgorithm g = (GraphWalkAlgorithm) parse("--algo", "node2vec", "--graph-window", "3", "--directed",
                "--walks-per-node", "7", "--walk-length", "40", "--p", "0.5", "--q", "2");
        assertThat(g.name()).isEqualTo("node2vec");
        assertThat(g.walks()).isEqualTo(new WalkConfig(3, true, 7, 40, 0.5, 2.0));
    }

    @Test
    void misplacedFlagsAreClearErrors() {
        assertThatThrownBy(() -> parse("--algo", "item2vec", "--walk-length", "10", "--directed"))
                .isInstanceOf(EmbrecException.class)
                .hasMessage("--directed, --walk-length apply to --algo deepwalk or node2vec, not item2vec");
        assertThatThrownBy(() -> parse("--algo", "deepwalk", "--q", "2"))
                .isInstanceOf(EmbrecException.class)
                .hasMessageStartingWith("--p and --q apply to --algo node2vec");
        assertThatThrownBy(() -> parse("--algo", "node2vec", "--p", "0"))
                .isInstanceOf(EmbrecException.class)
                .hasMessage("--p must be a finite number > 0, got 0.0");
        assertThat(parse("--algo", "item2vec")).isInstanceOf(Item2VecAlgorithm.class);
    }
}
