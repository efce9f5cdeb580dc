package dev.pairstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One window per database: a second one is refused (and told which file), and the lock frees on close. */
class GuiLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondWindowOnTheSameDatabaseIsRefusedUntilTheFirstCloses() throws Exception {
        Path db = dir.resolve("pairs");
        Optional<GuiLock> first = GuiLock.tryAcquire(db);
        assertThat(first).isPresent();
        assertThat(GuiLock.tryAcquire(db)).isEmpty();
        assertThat(GuiLock.tryAcquire(dir.resolve("other"))).isPresent().get().satisfies(GuiLock::close);
        first.get().close();
        Optional<GuiLock> again = GuiLock.tryAcquire(db);
        assertThat(again).isPresent();
        again.get().close();
    }
}
