package org.embrec.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.embrec.data.ColumnSpec;
import org.embrec.data.DataSpec;

/**
 * Fuzzes the catalog readers ({@code DataLoader} reading item metadata beside a small valid
 * interaction file): MovieLens {@code movies.csv} / {@code tags.csv}, {@code movies.dat} /
 * {@code tags.dat}, the 100k {@code u.item} with {@code u.genre}, and a generic {@code --items}
 * file with {@code --item-columns}.
 */
class CatalogFuzzTest {
    private static final byte[] RATINGS_CSV = bytes("""
            userId,movieId,rating,timestamp
            1,1,4.0,964982703
            1,2,3.5,964981247
            2,1,5.0,964983815
            """);
    private static final byte[] RATINGS_DAT = bytes("1::1::4::978300760\n1::2::3::978302109\n2::1::5::978301968\n");
    private static final byte[] U_DATA = bytes("1\t1\t4\t874965758\n1\t2\t3\t876893171\n2\t1\t5\t878542960\n");
    private static final String[] ITEM_COLUMNS = {
        "id=1,title=2", "id=1,title=2,genres=3", "id=movieId,title=title,genres=genres", "id=2,title=1,header=no",
        "id=1,title=3,genres=2,header=yes", "id=id,title=name",
    };

    /** {@code movies.csv} (or, by the first choice, {@code tags.csv}) of a MovieLens CSV directory. */
    @FuzzTest
    void movieLensCsv(FuzzedDataProvider in) {
        boolean tags = in.consumeBoolean();
        boolean skip = in.consumeBoolean();
        Path dir = Scratch.fresh();
        Scratch.write(dir, "ratings.csv", RATINGS_CSV);
        Scratch.write(dir, tags ? "tags.csv" : "movies.csv", in.consumeRemainingAsBytes());
        Contract.holds(() -> Loads.load(DataSpec.of(dir).withSkipBadRows(skip)));
    }

    /** {@code movies.dat} (or {@code tags.dat}) of a MovieLens 1M/10M directory. */
    @FuzzTest
    void movieLensDat(FuzzedDataProvider in) {
        boolean tags = in.consumeBoolean();
        boolean skip = in.consumeBoolean();
        Path dir = Scratch.fresh();
        Scratch.write(dir, "ratings.dat", RATINGS_DAT);
        Scratch.write(dir, tags ? "tags.dat" : "movies.dat", in.consumeRemainingAsBytes());
        Contract.holds(() -> Loads.load(DataSpec.of(dir).withSkipBadRows(skip)));
    }

    /** {@code u.item} and, when the first choice says so, {@code u.genre} (the first bytes) of a 100k directory. */
    @FuzzTest
    void movieLens100k(FuzzedDataProvider in) {
        boolean genres = in.consumeBoolean();
        boolean skip = in.consumeBoolean();
        Path dir = Scratch.fresh();
        Scratch.write(dir, "u.data", U_DATA);
        if (genres) {
            Scratch.write(dir, "u.genre", in.consumeBytes(in.consumeInt(0, 1024)));
        }
        Scratch.write(dir, "u.item", in.consumeRemainingAsBytes());
        Contract.holds(() -> Loads.load(DataSpec.of(dir).withSkipBadRows(skip)));
    }

    /** A generic items file ({@code --items} with {@code --item-columns} drawn from typical values). */
    @FuzzTest
    void itemsFile(FuzzedDataProvider in) {
        String columns = in.pickValue(ITEM_COLUMNS);
        boolean skip = in.consumeBoolean();
        Path dir = Scratch.fresh();
        Path ratings = Scratch.write(dir, "ratings.csv", RATINGS_CSV);
        Path items = Scratch.write(dir, "items.csv", in.consumeRemainingAsBytes());
        Contract.holds(() -> Loads.load(DataSpec.of(ratings).withSkipBadRows(skip)
                .withItems(items, ColumnSpec.parseItems(columns))));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
