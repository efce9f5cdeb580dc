package dev.pairstudio.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The versions the store compares with a database's history to skip Flyway when nothing is to do (issue 24). */
class SchemaVersionsTest {

    @Test
    void theShippedVersionsAreThoseOfTheMigrationFilesInEachDialectsFolders() throws IOException {
        assertThat(Schema.shippedVersions(new H2Dialect(H2Location.parse("mem:x"), null).migrations()))
                .isEqualTo(versionsIn("db/migration", "db/migration-common"))
                .contains("1", "5", "6");
        assertThat(Schema.shippedVersions(List.of("classpath:db/migration-postgresql", StoreDialect.COMMON_MIGRATIONS)))
                .isEqualTo(versionsIn("db/migration-postgresql", "db/migration-common"))
                .contains("5", "6")
                .doesNotContain("1");
    }

    /** An up-to-date file opens without Flyway; one the history does not match still goes through it and is refused. */
    @Test
    void aDatabaseOfANewerVersionIsStillRefused(@TempDir Path dir) throws Exception {
        String db = dir.resolve("pairs").toString();
        Databases.open(db).close();
        Databases.open(db).close(); // the quick path
        try (var c = DriverManager.getConnection("jdbc:h2:file:" + db, "sa", "");
                var s = c.createStatement()) {
            s.executeUpdate(
                    "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", \"script\", "
                            + "\"installed_by\", \"execution_time\", \"success\") VALUES (99, '99', 'future', 'SQL', 'V99__future.sql', 'sa', 0, TRUE)");
        }
        Assertions.assertThatThrownBy(() -> Databases.open(db))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("newer version");
    }

    private static Set<String> versionsIn(String... folders) throws IOException {
        try (Stream<Path> files = Stream.of(folders).flatMap(f -> list(Path.of("src/main/resources", f)))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__")))
                    .collect(Collectors.toSet());
        }
    }

    private static Stream<Path> list(Path dir) {
        try {
            return Files.list(dir).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
