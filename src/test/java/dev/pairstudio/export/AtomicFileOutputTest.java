package dev.pairstudio.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairstudio.testing.Fifos;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileOutputTest {
    @TempDir
    Path dir;

    @Test
    void commitRenamesAndReportsTheChecksum() throws Exception {
        Path f = dir.resolve("a.txt");
        try (AtomicFileOutput out = AtomicFileOutput.open(f, false)) {
            out.stream().write("hello".getBytes(StandardCharsets.UTF_8));
            assertThat(f).doesNotExist();
            out.commit(false);
            assertThat(out.sha256()).isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
            assertThat(out.bytes()).isEqualTo(5);
        }
        assertThat(Files.readString(f)).isEqualTo("hello");
        assertThat(Files.list(dir).count()).isEqualTo(1);
    }

    @Test
    void closeWithoutCommitLeavesNothingAndAnExistingTargetIsKept() throws Exception {
        Path f = dir.resolve("b.txt");
        Files.writeString(f, "old");
        try (AtomicFileOutput out = AtomicFileOutput.open(f, false)) {
            out.stream().write("new".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> out.commit(false)).isInstanceOf(FileAlreadyExistsException.class);
        }
        assertThat(Files.readString(f)).isEqualTo("old");
        assertThat(Files.list(dir).count()).isEqualTo(1);
    }

    @Test
    void aFailingDiskDeletesTheTemporaryFile() throws Exception {
        Path f = dir.resolve("c.txt");
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        assertThatThrownBy(() -> AtomicFileOutput.openWithSink(f, true, failing))
                .hasMessageContaining("No space");
        AtomicFileOutput out = AtomicFileOutput.openWithSink(f, false, failing);
        assertThatThrownBy(() -> {
                    out.stream().write(new byte[200_000]);
                    out.commit(true);
                })
                .hasMessageContaining("No space");
        out.close();
        assertThat(Files.list(dir).count()).isZero();
    }

    @Test
    void aSymbolicLinkStaysALinkAndTheFileItPointsToIsReplaced() throws Exception {
        Path real = Files.writeString(dir.resolve("real.jsonl"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), real.getFileName());
        try (AtomicFileOutput out = AtomicFileOutput.open(link, false)) {
            out.stream().write("new\n".getBytes(StandardCharsets.UTF_8));
            out.commit(true);
        }
        assertThat(Files.isSymbolicLink(link)).as("the link is not replaced").isTrue();
        assertThat(Files.readString(real)).isEqualTo("new\n");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("real.jsonl", "link.jsonl");

        // without replace, the file behind the link is kept like any existing file
        try (AtomicFileOutput out = AtomicFileOutput.open(link, false)) {
            out.stream().write("newer\n".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> out.commit(false)).isInstanceOf(FileAlreadyExistsException.class);
        }
        assertThat(Files.readString(real)).isEqualTo("new\n");

        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.jsonl"), Path.of("created.jsonl"));
        try (AtomicFileOutput out = AtomicFileOutput.open(dangling, false)) {
            out.stream().write("x".getBytes(StandardCharsets.UTF_8));
            out.commit(false);
        }
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
        assertThat(Files.readString(dir.resolve("created.jsonl"))).isEqualTo("x");
    }

    @Test
    void aFifoIsWrittenThroughNeverReplaced() throws Exception {
        Path fifo = Fifos.make(dir.resolve("pipe"));
        // a link to a FIFO is what /dev/stdout is when a shell pipes the output
        Path link = Files.createSymbolicLink(dir.resolve("stdout"), fifo);
        for (Path target : List.of(fifo, link)) {
            var read = Fifos.readAll(fifo);
            try (AtomicFileOutput out = AtomicFileOutput.open(target, false)) {
                out.stream().write(("through " + target.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
                out.commit(false); // a stream exists, and is written all the same: nothing is replaced
                assertThat(out.bytes()).isEqualTo(("through " + target.getFileName() + "\n").length());
            }
            assertThat(new String(read.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8))
                    .isEqualTo("through " + target.getFileName() + "\n");
            assertThat(Files.isRegularFile(fifo)).isFalse();
            assertThat(AtomicFileOutput.isStream(fifo)).isTrue();
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
                .as("no temporary file, nothing beside")
                .containsExactlyInAnyOrder("pipe", "stdout");
    }

    @Test
    void aFolderIsRefusedClearly() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("out"));
        Path link = Files.createSymbolicLink(dir.resolve("to-folder"), folder);
        assertThatThrownBy(() -> AtomicFileOutput.open(link, false)).hasMessageContaining("is a folder");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }
}
