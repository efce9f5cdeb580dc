package dev.pairstudio.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

    private Schema() {
    }

    static void migrate(DataSource dataSource, StoreDialect where) {
        boolean empty;
        boolean ours;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(where.tablesQuery())) {
            empty = true;
            ours = false;
            while (r.next()) {
                empty = false;
                ours |= HISTORY_TABLE.equalsIgnoreCase(r.getString(1));
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the database " + where.display() + ": " + OpenFailures.firstLine(e), e);
        }
        if (!empty && !ours) {
            throw new StoreException(where.notOursMessage());
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
}
