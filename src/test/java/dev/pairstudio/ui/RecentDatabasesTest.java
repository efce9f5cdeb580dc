package dev.pairstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recent-databases list in the user's settings: newest first, each once, bounded, kept across starts. */
class RecentDatabasesTest {
    @TempDir
    Path dir;

    @Test
    void theNewestComesFirstOnceAndTheListSurvivesARestart() throws Exception {
        Path settings = dir.resolve("ui.properties");
        RecentDatabases recent = new RecentDatabases(new UiSettings(settings));
        recent.opened("/data/a.mv.db");
        recent.opened("postgresql://anna@db.example.com:5432/pairs");
        recent.opened("/data/a.mv.db");
        recent.opened("jdbc:h2:mem:test"); // nothing to come back to
        assertThat(recent.list()).containsExactly("/data/a.mv.db", "postgresql://anna@db.example.com:5432/pairs");

        RecentDatabases afterRestart = new RecentDatabases(new UiSettings(settings));
        assertThat(afterRestart.list()).containsExactly("/data/a.mv.db", "postgresql://anna@db.example.com:5432/pairs");
        afterRestart.forget("/data/a.mv.db");
        assertThat(new RecentDatabases(new UiSettings(settings)).list())
                .containsExactly("postgresql://anna@db.example.com:5432/pairs");
    }

    @Test
    void onlyTheLastEightAreKept() {
        RecentDatabases recent = new RecentDatabases(new UiSettings(dir.resolve("ui.properties")));
        IntStream.range(0, 12).forEach(i -> recent.opened("/data/db" + i + ".mv.db"));
        assertThat(recent.list()).hasSize(RecentDatabases.LIMIT).first().isEqualTo("/data/db11.mv.db");
        assertThat(recent.list()).last().isEqualTo("/data/db4.mv.db");
    }

    @Test
    void aFileIsAvailableWhileItExistsATeamDatabaseAlways() throws Exception {
        Path file = Files.writeString(dir.resolve("pairs.mv.db"), "");
        assertThat(RecentDatabases.available(file.toString())).isTrue();
        Files.delete(file);
        assertThat(RecentDatabases.available(file.toString())).isFalse();
        assertThat(RecentDatabases.available("postgresql://anna@db.example.com:5432/pairs"))
                .isTrue();
    }
}
