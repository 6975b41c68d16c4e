package org.embrec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    /** A pid no live process has (above the Linux maximum, 2^22). */
    private static final long GONE = 9_999_999L;
    private static final OutputDirectory ANY = new OutputDirectory("test directory", "", d -> true);

    @TempDir
    Path tmp;
    private final List<String> notices = new ArrayList<>();
    private Consumer<String> previous;

    @BeforeEach
    void captureNotices() {
        previous = Notices.setSink(notices::add);
    }

    @AfterEach
    void restoreNotices() {
        Notices.setSink(previous);
    }

    /** A temp name as a process {@code pid} of this host would have made it. */
    private static String tempOf(String target, String kind, long pid) {
        String mine = StaleTemps.name(target, kind);
        return mine.replaceFirst("-" + ProcessHandle.current().pid() + "-", "-" + pid + "-");
    }

    @Test
    void staleTempsOfAGoneProcessAreRemovedOnTheNextWriteAndLiveOnesKept() throws IOException {
        Path tmpDir = Files.createDirectories(tmp.resolve(tempOf("model", "tmp", GONE)));
        Files.writeString(tmpDir.resolve("vectors.bin"), "half");
        Path tmpFile = Files.writeString(tmp.resolve(tempOf("nn.jsonl", "tmp", GONE)), "half");
        long live = ProcessHandle.current().parent().orElseThrow().pid();
        Path liveTmp = Files.createDirectories(tmp.resolve(tempOf("model", "tmp", live)));
        Path lookalike = Files.writeString(tmp.resolve(".model.tmp-notes"), "the user's");
        Path otherHost = Files.writeString(tmp.resolve(".x.tmp-" + GONE + "-00000000-1f"), "another host's");

        AtomicFiles.write(tmp.resolve("out.txt"), out -> out.write('x'));

        assertThat(tmpDir).doesNotExist();
        assertThat(tmpFile).doesNotExist();
        assertThat(liveTmp).isDirectory();
        assertThat(lookalike).hasContent("the user's");
        assertThat(otherHost).hasContent("another host's");
        assertThat(notices).hasSize(2).allSatisfy(n -> assertThat(n).contains("process " + GONE + ", which is gone"));
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("out.txt",
                    liveTmp.getFileName().toString(), lookalike.getFileName().toString(),
                    otherHost.getFileName().toString());
        }
    }

    @Test
    void aKillBetweenTheTwoRenamesPutsThePreviousDirectoryBack() throws IOException {
        // killed after "model" was moved aside and before the new one took its name
        Path old = Files.createDirectories(tmp.resolve(tempOf("model", "old", GONE)));
        Files.writeString(old.resolve("manifest.json"), "previous");
        Path half = Files.createDirectories(tmp.resolve(tempOf("model", "tmp", GONE)));
        Files.writeString(half.resolve("manifest.json"), "new");

        AtomicFiles.write(tmp.resolve("other.txt"), out -> out.write('x'));

        assertThat(tmp.resolve("model/manifest.json")).hasContent("previous");
        assertThat(old).doesNotExist();
        assertThat(half).doesNotExist();
        assertThat(notices).anySatisfy(n -> assertThat(n).contains("put back the previous version"));
    }

    @Test
    void anIoErrorInsideTheBodyComesOutAsAnIoExceptionAndLeavesNothing() throws IOException {
        // issue 15 item 5: Lucene's writer wraps "No space left on device" in an UncheckedIOException
        IOException full = new IOException("No space left on device");
        assertThatThrownBy(() -> AtomicFiles.replaceDirectory(tmp.resolve("index"), ANY, dir -> {
            Files.writeString(dir.resolve("part"), "x");
            throw new UncheckedIOException("writing index", full);
        })).isSameAs(full);
        assertThatThrownBy(() -> AtomicFiles.write(tmp.resolve("f"), out -> {
            throw new UncheckedIOException("writing", full);
        })).isSameAs(full);
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void aDirectoryIsNeverReplacedByAFileNorALinkByADirectory() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("d"));
        assertThatThrownBy(() -> AtomicFiles.write(dir, out -> out.write('x'))).isInstanceOf(EmbrecException.class)
                .hasMessage(dir + ": is a directory; give a file name");
        Path target = Files.createDirectories(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), target);
        assertThatThrownBy(() -> ANY.checkReplaceable(link)).isInstanceOf(EmbrecException.class)
                .hasMessageStartingWith(link + ": is a symbolic link");
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThatThrownBy(() -> ANY.checkReplaceable(file.resolve("sub"))).isInstanceOf(EmbrecException.class)
                .hasMessageContaining(file + " is not a directory");
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("a"), "a");
        OutputDirectory strict = OutputDirectory.newOnly("empty directory");
        assertThatThrownBy(() -> AtomicFiles.replaceDirectory(mine, strict, d -> Files.writeString(d.resolve("b"), "b")))
                .isInstanceOf(EmbrecException.class).hasMessageContaining("refusing to replace it");
        assertThat(mine.resolve("a")).hasContent("a");
    }
}
