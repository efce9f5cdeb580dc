package dev.pairstudio.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
            assertThatThrownBy(() -> out.commit(false)).isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
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
        assertThatThrownBy(() -> AtomicFileOutput.openWithSink(f, true, failing)).hasMessageContaining("No space");
        AtomicFileOutput out = AtomicFileOutput.openWithSink(f, false, failing);
        assertThatThrownBy(() -> {
            out.stream().write(new byte[200_000]);
            out.commit(true);
        }).hasMessageContaining("No space");
        out.close();
        assertThat(Files.list(dir).count()).isZero();
    }
}
