package org.embrec.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.content.ContentField;
import org.embrec.content.ItemTokenizer;
import org.embrec.model.CatalogTsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catalogue attributes end to end in the core: the {@code --item-columns} syntax, reading them
 * from an items file (categories, lists with their separator, numbers, texts, a year column),
 * storing them in {@code catalog.tsv} (and reading an old one), and content tokens from them.
 */
class CatalogAttributesTest {
    @TempDir
    Path tmp;

    @Test
    void theColumnSyntaxNamesKindsAndSeparators() {
        ColumnSpec c = ColumnSpec.parseItems("id=1,title=name,Country=land,tags=tags:list;,styles=s:list,price=p:number,"
                + "description=d:text,year=y,label=x:category");
        assertThat(c.attributes()).containsExactly(
                new Catalog.Attribute("country", Catalog.Attribute.Kind.CATEGORY, null),
                new Catalog.Attribute("tags", Catalog.Attribute.Kind.LIST, ";"),
                new Catalog.Attribute("styles", Catalog.Attribute.Kind.LIST, "|"),
                new Catalog.Attribute("price", Catalog.Attribute.Kind.NUMBER, null),
                new Catalog.Attribute("description", Catalog.Attribute.Kind.TEXT, null),
                new Catalog.Attribute("label", Catalog.Attribute.Kind.CATEGORY, null));
        assertThat(c.get("tags").name()).isEqualTo("tags");
        assertThat(c.get("year").name()).isEqualTo("y");
        assertThat(c.toString()).isEqualTo("id=1,title=name,country=land,tags=tags:list;,styles=s:list|,price=p:number,"
                + "description=d:text,year=y,label=x");
        assertThatThrownBy(() -> ColumnSpec.parseItems("id=1,title=2,genre=3")).isInstanceOf(EmbrecException.class)
                .hasMessageStartingWith("--item-columns: 'genre' is reserved");
        assertThatThrownBy(() -> ColumnSpec.parseItems("id=1,title=2,9lives=3"))
                .hasMessageContaining("attribute name '9lives' must start with a letter");
        assertThatThrownBy(() -> ColumnSpec.parseItems("id=1,title=2,tags=3:list;;;;"))
                .hasMessageContaining("a list separator is 1 to 3 characters");
        assertThatThrownBy(() -> ColumnSpec.parseItems("id=1,title=2,a=3,a=4")).hasMessage("--item-columns: a= given twice");
    }

    private Dataset artists() throws IOException {
        Path items = Files.writeString(tmp.resolve("artists.tsv"), "id\tname\tcountry\ttags\tlisteners\tbio\tformed\n"
                + "Sigur Rós\tSigur Rós\tIS\tpost-rock; ambient ;\t1200\tIcelandic band.\t1994\n"
                + "a2\t\"Weird Al\" Yankovic\tUS\tcomedy\t\t\t\n"
                + "a3\tBad number\tUS\trock\tmany\tx\t1990\n");
        Path plays = Files.writeString(tmp.resolve("plays.tsv"), "user\tartist\nu1\tSigur Rós\nu1\ta2\nu2\ta2\n");
        return DataLoader.load(DataSpec.of(plays).withColumns(ColumnSpec.parseInteractions("user=user,item=artist"))
                .withItems(items, ColumnSpec.parseItems("id=id,title=name,country=country,tags=tags:list;,"
                        + "listeners=listeners:number,bio=bio:text,year=formed")).withSkipBadRows(true),
                Progress.NONE, w -> { }, 1);
    }

    @Test
    void anItemsFileGivesEveryKindOfAttribute() throws IOException {
        Catalog c = artists().catalog();
        assertThat(c.attributes()).extracting(Catalog.Attribute::name).containsExactly("country", "tags", "listeners", "bio");
        Catalog.Item sigur = c.get("Sigur Rós");
        assertThat(sigur.attributes()).isEqualTo(Map.of("country", List.of("IS"), "tags", List.of("post-rock", "ambient"),
                "listeners", List.of("1200"), "bio", List.of("Icelandic band.")));
        assertThat(sigur.year()).isEqualTo(1994);
        Catalog.Item al = c.get("a2");
        assertThat(al.attributes()).containsOnlyKeys("country", "tags");
        assertThat(al.year()).isZero();
        assertThat(c.get("a3")).as("'many' is not a number: a bad row").isNull();
    }

    @Test
    void aBadNumberIsABadRowNamingTheLine() throws IOException {
        Path items = Files.writeString(tmp.resolve("i.csv"), "id,name,price\n1,A,3.5\n2,B,cheap\n");
        Path plays = Files.writeString(tmp.resolve("p.csv"), "user,item\nu,1\n");
        assertThatThrownBy(() -> DataLoader.load(DataSpec.of(plays).withColumns(ColumnSpec.parseInteractions("user=user,item=item"))
                .withItems(items, ColumnSpec.parseItems("id=id,title=name,price=price:number")), Progress.NONE, w -> { }, 1))
                .isInstanceOf(EmbrecException.class).hasMessageContaining("i.csv:3: price 'cheap' in field 3 is not a number");
    }

    @Test
    void catalogTsvStoresAttributesAfterTheFourthColumnAndReadsOldFiles() throws IOException {
        Catalog c = artists().catalog();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CatalogTsv.write(c, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("id\ttitle\tgenres\tyear\tcountry:category\ttags:list\tlisteners:number\tbio:text\n"
                + "Sigur Rós\tSigur Rós\t\t1994\tIS\tpost-rock|ambient\t1200\tIcelandic band.\n");
        Catalog back = CatalogTsv.read(new ByteArrayInputStream(out.toByteArray()), "catalog.tsv");
        assertThat(back.attributes()).isEqualTo(c.attributes().stream()
                .map(a -> new Catalog.Attribute(a.name(), a.kind(), null)).toList());
        for (Catalog.Item it : c.items()) {
            assertThat(back.get(it.id())).isEqualTo(it);
        }
        // A list value holding '|' and a text with a tab survive.
        Catalog odd = new Catalog(Map.of("x", new Catalog.Item("x", "X", List.of(), 0,
                Map.of("tags", List.of("a|b", "c"), "bio", List.of("tab\there")))), List.of(),
                List.of(new Catalog.Attribute("tags", Catalog.Attribute.Kind.LIST, ";"),
                        new Catalog.Attribute("bio", Catalog.Attribute.Kind.TEXT, null)));
        ByteArrayOutputStream o2 = new ByteArrayOutputStream();
        CatalogTsv.write(odd, o2);
        assertThat(CatalogTsv.read(new ByteArrayInputStream(o2.toByteArray()), "c").get("x")).isEqualTo(odd.get("x"));
        // An old file (four columns) and one with an unknown fifth column read without attributes.
        Catalog old = CatalogTsv.read(new ByteArrayInputStream("id\ttitle\tgenres\tyear\tlater\n1\tHeat (1995)\tAction\t1995\tz\n"
                .getBytes(StandardCharsets.UTF_8)), "old");
        assertThat(old.attributes()).isEmpty();
        assertThatThrownBy(() -> CatalogTsv.read(new ByteArrayInputStream("id\ttitle\tgenres\tyear\tprice:number\n1\tA\t\t\tcheap\n"
                .getBytes(StandardCharsets.UTF_8)), "m/catalog.tsv")).isInstanceOf(EmbrecException.class)
                .hasMessage("m/catalog.tsv:2: price 'cheap' is not a number");
        assertThat(old.get("1")).isEqualTo(new Catalog.Item("1", "Heat (1995)", List.of("Action"), 1995));
    }

    @Test
    void attributesBecomeContentTokens() throws IOException {
        Catalog c = artists().catalog();
        try (ItemTokenizer t = new ItemTokenizer()) {
            assertThat(t.tokens(c.get("Sigur Rós"), List.of(), ContentField.all(), c.attributes())).containsExactly(
                    "sigur", "ros", "year:1994", "country:is", "tags:post-rock", "tags:ambient", "icelandic", "band");
            assertThat(t.tokens(c.get("Sigur Rós"), List.of(), java.util.Set.of(ContentField.TITLE), c.attributes()))
                    .containsExactly("sigur", "ros");
        }
        assertThat(ContentField.parse("title,attributes")).containsExactly(ContentField.TITLE, ContentField.ATTRIBUTES);
    }
}
