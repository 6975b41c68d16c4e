// Fixture of scripts/gensim-check.sh, run with the single-file source launcher and the embrec jar on
// the class path: `java -cp embrec-cli/target/embrec.jar scripts/gensim/GensimFixture.java write|verify DIR`.
//   write DIR:  DIR/model (an embrec model directory of clustered random vectors with numeric and
//               Unicode keys) and DIR/expected.json (keys and the exact float bits of every vector).
//   verify DIR: reads DIR/gensim.bin and DIR/gensim.txt (written by gensim's save_word2vec_format)
//               with embrec and checks keys and vectors against DIR/expected.json, bit for bit.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.embrec.data.Catalog;
import org.embrec.data.IdMap;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelDirectory;
import org.embrec.model.ModelManifest;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Word2VecFormat;

public class GensimFixture {
    static final String[] UNICODE_KEYS = {"Amélie", "東京物語", "😀", "naïve-café", "Ωmega_(1999)"};

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        if (args[0].equals("write")) {
            write(dir);
        } else {
            verify(dir);
        }
    }

    static void write(Path dir) throws Exception {
        int n = 500;
        int dim = 24;
        SplittableRandom rnd = new SplittableRandom(2020);
        float[][] centres = new float[8][dim];
        for (float[] c : centres) {
            for (int j = 0; j < dim; j++) {
                c[j] = (float) rnd.nextGaussian();
            }
        }
        String[] keys = new String[n];
        float[] v = new float[n * dim];
        Map<String, Catalog.Item> items = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            keys[i] = i < UNICODE_KEYS.length ? UNICODE_KEYS[i] : Integer.toString(i * 3 + 1);
            for (int j = 0; j < dim; j++) {
                // Values of every magnitude, as trained vectors have.
                v[i * dim + j] = (centres[i % 8][j] + 0.4f * (float) rnd.nextGaussian()) * (float) Math.pow(10, rnd.nextInt(-3, 2));
            }
            items.put(keys[i], new Catalog.Item(keys[i], "Item " + keys[i], List.of("G" + i % 8), 2000));
        }
        EmbeddingStore store = EmbeddingStore.of(IdMap.of(keys), v, dim);
        ModelDirectory.write(dir.resolve("model"), EmbeddingModel.of("item2vec", store, Map.of("dim", dim),
                new Catalog(items, List.of()), new ModelManifest.DataSource("gensim-fixture", "none"), Map.of()));
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode k = root.putArray("keys");
        ArrayNode bits = root.putArray("vector_bits");
        for (int i = 0; i < n; i++) {
            k.add(keys[i]);
            ArrayNode row = bits.addArray();
            for (int j = 0; j < dim; j++) {
                row.add(Integer.toUnsignedLong(Float.floatToRawIntBits(v[i * dim + j])));
            }
        }
        Files.write(dir.resolve("expected.json"), json.writeValueAsBytes(root));
    }

    static void verify(Path dir) throws Exception {
        JsonNode expected = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
        for (String name : List.of("gensim.bin", "gensim.txt")) {
            Word2VecFormat format = name.endsWith(".bin") ? Word2VecFormat.BINARY : Word2VecFormat.TEXT;
            EmbeddingStore s = format.read(dir.resolve(name));
            JsonNode keys = expected.get("keys");
            if (s.size() != keys.size()) {
                throw new AssertionError(name + ": " + s.size() + " vectors, expected " + keys.size());
            }
            for (int i = 0; i < s.size(); i++) {
                if (!s.id(i).equals(keys.get(i).asText())) {
                    throw new AssertionError(name + ": key " + i + " is '" + s.id(i) + "', expected '" + keys.get(i).asText() + "'");
                }
                float[] row = s.vector(i);
                for (int j = 0; j < row.length; j++) {
                    long bits = expected.get("vector_bits").get(i).get(j).asLong();
                    if (Integer.toUnsignedLong(Float.floatToRawIntBits(row[j])) != bits) {
                        throw new AssertionError(name + ": vector of '" + s.id(i) + "' differs at " + j);
                    }
                }
            }
            System.out.println("embrec read gensim's " + name + ": " + s.size() + " keys and vectors identical");
        }
    }
}
