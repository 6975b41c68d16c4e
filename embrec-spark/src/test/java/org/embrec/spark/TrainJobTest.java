package org.embrec.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TrainJob}, the spark-submit entry point, on the session a cluster would give it: a
 * plain CSV and a Parquet copy of the bundled ratings (formats detected) give models of the
 * same vocabulary; the JSON summary carries the stage times.
 */
class TrainJobTest {
    @TempDir
    Path tmp;

    @Test
    void trainsFromCsvAndParquetAndSummarisesAsJson() throws Exception {
        Path csv = TestSpark.bundled().resolve("ratings.csv");
        Path parquet = tmp.resolve("ratings.parquet");
        TestSpark.session().read().option("header", "true").csv(csv.toString()).write().parquet(parquet.toString());
        String[] settings = {"--dim", "8", "--epochs", "1", "--min-count", "10", "--json", "--quiet"};
        JsonNode fromCsv = train(csv, tmp.resolve("csv-model"), settings);
        JsonNode fromParquet = train(parquet, tmp.resolve("parquet-model"), settings);
        assertThat(fromCsv.get("vocab").asInt()).isPositive().isEqualTo(fromParquet.get("vocab").asInt());
        assertThat(fromCsv.get("dim").asInt()).isEqualTo(8);
        assertThat(fromCsv.get("stage_seconds").fieldNames()).toIterable()
                .containsExactly("load", "sequences", "training", "write");
        EmbeddingModel m = ModelDirectory.read(tmp.resolve("parquet-model"));
        assertThat(m.manifest().data().name()).isEqualTo("ratings.parquet");
        assertThat(m.catalog().size()).isZero(); // only a MovieLens directory brings titles
        assertThat(m.vectors().size()).isEqualTo(fromParquet.get("vocab").asInt());
    }

    private static JsonNode train(Path input, Path out, String... settings) throws Exception {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        String[] args = new String[settings.length + 4];
        args[0] = "--input";
        args[1] = input.toString();
        args[2] = "--out";
        args[3] = out.toString();
        System.arraycopy(settings, 0, args, 4, settings.length);
        TestSpark.session(); // the job finds this session running and leaves it running
        int code = TrainJob.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
        assertThat(code).as(e.toString()).isZero();
        assertThat(Files.isRegularFile(out.resolve("manifest.json"))).isTrue();
        return new ObjectMapper().readTree(o.toString());
    }
}
