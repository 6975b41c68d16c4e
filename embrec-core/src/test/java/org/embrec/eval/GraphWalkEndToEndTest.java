package org.embrec.eval;

import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.graph.WalkConfig;
import org.embrec.pipeline.GraphWalkAlgorithm;
import org.embrec.train.Word2VecConfig;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DeepWalk on the bundled data with the reference settings (window-1 graph of the
 * training sequences, 5 walks of 20 steps per node; dim 16, window 10, min-count 5, 10 epochs),
 * evaluated by PROTOCOL.md over two seeds. gensim's reference: i2i HR@10 0.044-0.049 per seed,
 * coverage 0.94. Walks give rare items context, so coverage is far above item2vec's ~0.70.
 * One training thread keeps the run reproducible.
 */
class GraphWalkEndToEndTest {
    @Test
    void deepWalkReachesTheReferenceQualityAndCoverage() {
        Split split = LeaveLastOutSplit.split(MovieLensFixture.liked());
        Word2VecConfig config = Word2VecConfig.notebook().withThreads(1);
        EvaluationReport report = new EvaluationSuite(split, new EvaluationOptions(10, 2020, 2, 2))
                .run("ml-latest-small", GraphWalkAlgorithm.deepWalk(config), Progress.NONE);

        ResultRow i2i = report.row(GraphWalkAlgorithm.DEEPWALK, Task.I2I);
        ResultRow popularity = report.row(PopularityBaseline.NAME, Task.I2I);
        assertThat(i2i.hr()).isGreaterThanOrEqualTo(0.043);
        assertThat(i2i.hr()).isGreaterThan(popularity.hr());
        assertThat(i2i.coverage()).isGreaterThanOrEqualTo(0.93);
        // most cold targets (below min-count in training) still get a vector through the walks
        assertThat(report.row(GraphWalkAlgorithm.DEEPWALK, Task.I2I, EvaluationSuite.COLD).coverage())
                .isGreaterThan(0.5);
    }

    @Test
    void deepWalkRejectsNode2vecParameters() {
        Word2VecConfig config = Word2VecConfig.notebook();
        assertThatThrownBy(() -> new GraphWalkAlgorithm(GraphWalkAlgorithm.DEEPWALK, config,
                WalkConfig.defaults().withPQ(0.5, 2)))
                .isInstanceOf(EmbrecException.class)
                .hasMessageStartingWith("--p and --q apply to --algo node2vec");
        assertThat(GraphWalkAlgorithm.node2vec(config).withWalks(WalkConfig.defaults().withPQ(0.5, 2)).walks().p())
                .isEqualTo(0.5);
    }
}
