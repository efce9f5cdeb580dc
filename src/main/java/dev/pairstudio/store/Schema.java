package dev.pairstudio.store;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * Brings a database to the current schema with Flyway, after refusing what it must never touch:
 * a database of some other application, or one written by a newer Pair Studio. H2 and PostgreSQL
 * have their own migration folders with the same version numbers ({@link StoreDialect#migrations()}).
 */
final class Schema {
    static final String HISTORY_TABLE = "flyway_schema_history";

    private Schema() {}

    static void migrate(DataSource dataSource, StoreDialect where) {
        boolean empty;
        boolean ours;
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(where.tablesQuery())) {
            empty = true;
            ours = false;
            while (r.next()) {
                empty = false;
                ours |= HISTORY_TABLE.equalsIgnoreCase(r.getString(1));
            }
        } catch (SQLException e) {
            throw new StoreException(
                    "Cannot read the database " + where.display() + ": " + OpenFailures.firstLine(e), e);
        }
        if (!empty && !ours) {
            throw new StoreException(where.notOursMessage());
        }
        if (ours && upToDate(dataSource, where)) {
            return; // Flyway's start-up (scanning the jar, reading and validating the history) was most of a CLI
            // command's fixed cost
        }
        Flyway flyway = Flyway.configure(Schema.class.getClassLoader())
                .dataSource(dataSource)
                .locations(where.migrations().toArray(String[]::new))
                .table(HISTORY_TABLE)
                .validateMigrationNaming(true)
                .load();
        for (MigrationInfo m : flyway.info().applied()) {
            if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
                // Never migrate or write: an older program would damage data it does not understand.
                throw new StoreException("The database " + where.display() + " was written by a newer version of "
                        + "Pair Studio (schema version " + m.getVersion() + "); update Pair Studio to open it");
            }
        }
        flyway.migrate();
    }

    /**
     * Whether the database's history holds exactly the migrations this version ships, each
     * successful: then there is nothing for Flyway to do. Anything else (older, newer, failed,
     * unknown) goes through Flyway, which migrates, refuses or explains.
     */
    private static boolean upToDate(DataSource dataSource, StoreDialect where) {
        Set<String> shipped = shippedVersions(where.migrations());
        if (shipped.isEmpty()) {
            return false;
        }
        Set<String> applied = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT \"version\", \"success\" FROM \"" + HISTORY_TABLE
                        + "\" WHERE \"version\" IS NOT NULL")) {
            while (r.next()) {
                if (!r.getBoolean(2)) {
                    return false;
                }
                applied.add(r.getString(1));
            }
        } catch (SQLException e) {
            return false; // Flyway reads it again and says what is wrong
        }
        return applied.equals(shipped);
    }

    private static final Pattern MIGRATION = Pattern.compile("V(\\d+(?:[._]\\d+)*)__[^/]*\\.sql");

    /**
     * The versions of the SQL migrations in the given {@code classpath:} folders, read from the
     * listing of the jar or folder this class came from (empty when it cannot be read: then Flyway decides).
     */
    static Set<String> shippedVersions(List<String> locations) {
        Set<String> versions = new HashSet<>();
        try {
            Path origin = Path.of(Schema.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            List<String> folders = locations.stream()
                    .map(l -> l.substring(l.indexOf(':') + 1) + "/")
                    .toList();
            if (Files.isDirectory(origin)) {
                for (String folder : folders) {
                    Path dir = origin.resolve(folder);
                    if (Files.isDirectory(dir)) {
                        try (var files = Files.list(dir)) {
                            files.forEach(
                                    f -> addVersion(versions, f.getFileName().toString()));
                        }
                    }
                }
            } else {
                try (ZipFile jar = new ZipFile(origin.toFile())) {
                    jar.stream().map(ZipEntry::getName).forEach(name -> {
                        int slash = name.lastIndexOf('/') + 1;
                        if (folders.contains(name.substring(0, slash))) {
                            addVersion(versions, name.substring(slash));
                        }
                    });
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Set.of();
        }
        return versions;
    }

    private static void addVersion(Set<String> versions, String fileName) {
        Matcher m = MIGRATION.matcher(fileName);
        if (m.matches()) {
            versions.add(m.group(1).replace('_', '.'));
        }
    }
}
