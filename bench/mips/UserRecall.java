// Recall@10 of recommendations for stored users through a model's stored index against exact search.
// Run: java --add-modules jdk.incubator.vector -cp embrec-cli/target/embrec.jar bench/mips/UserRecall.java MODEL_DIR
// (build the jar first, e.g. ./embrec --version; MODEL_DIR holds an index from ./embrec index). Timings are indicative only.
import org.embrec.model.*;
import org.embrec.model.UserVectors;
import org.embrec.recommend.*;
import org.embrec.index.*;
import org.embrec.vectors.*;
import java.nio.file.Path;
import java.util.*;
public class UserRecall {
  public static void main(String[] a) {
    Path dir = Path.of(a[0]);
    EmbeddingModel m = ModelDirectory.read(dir);
    try (Recommender exact = Recommender.open(m, null, UserVectors.DEFAULT);
         Recommender hnsw = Recommender.open(m, dir, UserVectors.DEFAULT)) {
      System.out.println("exact=" + exact.index().type() + " stored=" + hnsw.index().type());
      int users = 0; double hits = 0; long te = 0, th = 0;
      for (int u = 1; users < 1000 && u < 40000; u += 7) {
        List<String> h = exact.history(Integer.toString(u));
        if (h == null || h.isEmpty()) continue;
        long t0 = System.nanoTime();
        List<Neighbor> e = exact.forUser(h, 10, ItemFilter.NONE).items();
        long t1 = System.nanoTime();
        List<Neighbor> g = hnsw.forUser(h, 10, ItemFilter.NONE).items();
        long t2 = System.nanoTime();
        te += t1 - t0; th += t2 - t1;
        Set<String> truth = new HashSet<>(); e.forEach(n -> truth.add(n.id()));
        for (Neighbor n : g) if (truth.contains(n.id())) hits++;
        users++;
      }
      System.out.printf("users %d recall@10 %.4f exact %.3f ms/query hnsw %.3f ms/query%n", users, hits / (10.0 * users), te / 1e6 / users, th / 1e6 / users);
    }
  }
}
