package org.embrec.server;

import org.embrec.model.ColdStartSettings;
import org.embrec.model.ColdStartSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.embrec.data.Catalog;
import org.embrec.data.IdMap;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelManifest;
import org.embrec.vectors.EmbeddingStore;

/** Small models for server tests: clustered random vectors over a catalog with known titles. */
final class ServerFixtures {
    static final String[] GENRES = {"Comedy", "Drama", "Horror", "Sci-Fi"};

    private ServerFixtures() {}

    /**
     * Items "1".."n" with vectors near one of 4 cluster centres (item i in cluster (i - 1) % 4,
     * genre {@code GENRES[(i - 1) % 4]}, year 1950 + i % 60), and catalog entries for them plus
     * items "n+1".."n+3" without vectors. Item 1 is "What Women Want (2000)".
     */
    static EmbeddingModel clustered(String algo, int n, int dim, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] centres = new float[4][dim];
        for (float[] c : centres) {
            for (int j = 0; j < dim; j++) {
                c[j] = (float) rnd.nextGaussian();
            }
        }
        String[] ids = new String[n];
        float[] v = new float[n * dim];
        for (int i = 0; i < n; i++) {
            ids[i] = Integer.toString(i + 1);
            for (int j = 0; j < dim; j++) {
                v[i * dim + j] = centres[i % 4][j] + 0.3f * (float) rnd.nextGaussian();
            }
        }
        EmbeddingStore store = EmbeddingStore.of(IdMap.of(ids), v, dim);
        Map<String, Object> metrics = Map.of("k", 10, "results", List.of(
                Map.of("model", algo, "task", "i2i", "hr", 0.1, "ndcg", 0.05),
                Map.of("model", "popularity", "task", "i2i", "hr", 0.02, "ndcg", 0.01)));
        return EmbeddingModel.of(algo, store, Map.of("dim", dim, "seed", seed), catalog(n),
                new ModelManifest.DataSource("test-data", "sha256:abc"), Map.of("train_seconds", 0.5))
                .withMetrics(metrics);
    }

    /** Users of {@link #withUsers}: their liked items, oldest first. */
    static final Map<String, List<String>> USERS = new java.util.LinkedHashMap<>();

    static {
        USERS.put("u1", List.of("1", "5", "9"));
        USERS.put("u2", List.of("2", "6", "10", "14", "1"));
        USERS.put("u3", List.of("3", "1"));
        USERS.put("u4", List.of("2", "1", "5"));
    }

    /** Items {@link #withUsers} marks as given a vector by cold start. */
    static final List<String> COLD = List.of("13", "17");

    /**
     * The model with {@link #USERS}' histories, plus user "u9" whose only item ({@code extra},
     * a catalog item without a vector) cannot make a user vector; and {@link #COLD} marked cold.
     */
    static EmbeddingModel withUsers(EmbeddingModel model, String extra) {
        IdMap.Builder items = new IdMap.Builder();
        IdMap.Builder users = new IdMap.Builder();
        List<Integer> flat = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>(List.of(0));
        List<Integer> owner = new ArrayList<>();
        Map<String, List<String>> all = new java.util.LinkedHashMap<>(USERS);
        all.put("u9", List.of(extra));
        all.forEach((user, liked) -> {
            owner.add(users.add(user));
            liked.forEach(id -> flat.add(items.add(id)));
            offsets.add(flat.size());
        });
        org.embrec.sequence.Sequences histories = new org.embrec.sequence.Sequences(
                offsets.stream().mapToInt(Integer::intValue).toArray(), flat.stream().mapToInt(Integer::intValue).toArray(),
                owner.stream().mapToInt(Integer::intValue).toArray(), items.build(), users.build());
        return model.withHistories(histories).withColdStart(model.vectors(),
                new ColdStartSection(COLD, ColdStartSettings.defaults().withPenalty(0), Map.of()));
    }

    static Catalog catalog(int n) {
        Map<String, Catalog.Item> items = new LinkedHashMap<>();
        for (int i = 1; i <= n + 3; i++) {
            String title = switch (i) {
                case 1 -> "What Women Want (2000)";
                case 2 -> "Matrix, The (1999)";
                case 3 -> "Amélie (Fabuleux destin d'Amélie Poulain, Le) (2001)";
                case 4 -> "What Dreams May Come (1998)";
                default -> "Movie " + i + " (" + (1950 + i % 60) + ")";
            };
            List<String> g = new ArrayList<>(List.of(GENRES[(i - 1) % 4]));
            items.put(Integer.toString(i), new Catalog.Item(Integer.toString(i), title, g, year(i)));
        }
        return new Catalog(items, List.of());
    }

    static int year(int i) {
        return switch (i) {
            case 1 -> 2000;
            case 2 -> 1999;
            case 3 -> 2001;
            case 4 -> 1998;
            default -> 1950 + i % 60;
        };
    }
}
