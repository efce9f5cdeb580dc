package dev.pairstudio.ui;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A window's late events (a collector's throttle, a first page arriving after File › Open) reach a watcher already closed. */
class ChangeWatcherTest {
    @TempDir
    Path dir;

    @Test
    void aClosedWatcherIgnoresLateCalls() {
        try (Database store = Databases.open(dir.resolve("pairs").toString())) {
            ChangeWatcher watcher = new ChangeWatcher(store, () -> {});
            watcher.start();
            watcher.close();
            assertThatCode(() -> {
                        watcher.shown();
                        watcher.start();
                    })
                    .doesNotThrowAnyException();
        }
    }
}
