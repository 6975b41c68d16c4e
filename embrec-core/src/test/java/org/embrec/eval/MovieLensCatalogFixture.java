package org.embrec.eval;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embrec.content.ItemTokenizer;
import org.embrec.data.Catalog;

/**
 * The bundled ml-latest-small movies.csv and tags.csv as a {@link Catalog}, read with FastCSV
 * (titles are quoted when they hold commas), so content tests do not depend on the data
 * package's readers.
 */
public final class MovieLensCatalogFixture {
    private static Catalog catalog;

    private MovieLensCatalogFixture() {}

    /** Movies (title with its year, genres, year) and all tags. */
    public static synchronized Catalog catalog() {
        if (catalog == null) {
            Path dir = MovieLensFixture.repo().resolve("data/ml-latest-small");
            Map<String, Catalog.Item> items = new LinkedHashMap<>();
            for (CsvRecord r : rows(dir.resolve("movies.csv"))) {
                String title = r.getField(1).trim();
                List<String> genres = Arrays.asList(r.getField(2).split("\\|"));
                items.put(r.getField(0), new Catalog.Item(r.getField(0), title, genres, ItemTokenizer.yearOf(title)));
            }
            List<Catalog.Tag> tags = new ArrayList<>();
            for (CsvRecord r : rows(dir.resolve("tags.csv"))) {
                tags.add(new Catalog.Tag(r.getField(0), r.getField(1), r.getField(2), Long.parseLong(r.getField(3))));
            }
            catalog = new Catalog(items, tags);
        }
        return catalog;
    }

    private static List<CsvRecord> rows(Path file) {
        List<CsvRecord> out = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file, StandardCharsets.UTF_8)) {
            boolean header = true;
            for (CsvRecord r : reader) {
                if (!header) {
                    out.add(r);
                }
                header = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
