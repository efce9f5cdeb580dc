package dev.pairstudio.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2's migrations (V1–V5, then the shared ones) and PostgreSQL's (V5 at once, then the shared
 * ones) must end in the same tables with the same columns, the same nullability and the same
 * primary keys: the released scripts cannot be merged into one source without changing their
 * Flyway checksums (DECISIONS.md, 2026-12-07), so this test is what keeps the two copies equal.
 */
class MigrationParityTest {
    @TempDir
    Path dir;

    @Test
    void bothDatabasesEndInTheSameTablesColumnsAndKeys() throws SQLException {
        Map<String, Set<String>> h2;
        try (JdbcPairStore store =
                        (JdbcPairStore) Databases.open(dir.resolve("parity").toString());
                Connection c = store.dataSource().getConnection()) {
            h2 = layout(c, "PUBLIC");
        }
        Map<String, Set<String>> postgres;
        try (JdbcPairStore store =
                        (JdbcPairStore) Databases.open(TestPostgres.get().newDatabase());
                Connection c = store.dataSource().getConnection()) {
            postgres = layout(c, "public");
        }

        assertThat(h2.keySet())
                .as("tables")
                .contains(
                        "pairs", "analysis", "trash", "settings", "schemas", "validation", "change_log", "store_clock");
        assertThat(postgres).isEqualTo(h2);
    }

    /** Per table (lower case, Flyway's history left out): each column with its nullability, and the primary key. */
    private static Map<String, Set<String>> layout(Connection c, String schema) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        Map<String, Set<String>> tables = new TreeMap<>();
        try (ResultSet r = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (r.next()) {
                String table = r.getString("TABLE_NAME");
                if (!table.equalsIgnoreCase(Schema.HISTORY_TABLE)) {
                    tables.put(table.toLowerCase(Locale.ROOT), describe(meta, schema, table));
                }
            }
        }
        return tables;
    }

    private static Set<String> describe(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Set<String> facts = new TreeSet<>();
        try (ResultSet r = meta.getColumns(null, schema, table, "%")) {
            while (r.next()) {
                facts.add(r.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)
                        + (r.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? " not null" : " null"));
            }
        }
        try (ResultSet r = meta.getPrimaryKeys(null, schema, table)) {
            while (r.next()) {
                facts.add("primary key " + r.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return facts;
    }
}
