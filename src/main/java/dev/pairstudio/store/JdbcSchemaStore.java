package dev.pairstudio.store;

import dev.pairstudio.store.JdbcPairStore.Written;
import dev.pairstudio.store.index.PairRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Stored schemas and validation results for {@link JdbcPairStore} (the SQL is in {@link SchemaTables}).
 * Schemas change no pair, so they are written outside the store clock and change log; what
 * changes a pair's flags (validations, deleting a schema someone validated against) goes through
 * the write transaction like any pair change.
 */
final class JdbcSchemaStore implements SchemaStore {
    private final JdbcPairStore store;
    private final StoreDialect dialect;

    JdbcSchemaStore(JdbcPairStore store) {
        this.store = store;
        this.dialect = store.dialect();
    }

    @Override
    public StoredSchema saveSchema(String databaseName, String source, String definition) {
        // no pair changes, so no store clock or change log; the version number is unique per name, and
        // another process that took the same number first makes this one try the next
        synchronized (store.writeLock()) {
            for (int attempt = 1; ; attempt++) {
                try (Connection c = store.dataSource().getConnection()) {
                    return store.transaction(
                            c,
                            t -> SchemaTables.insertSchema(
                                    t, databaseName, source, definition, dialect.generatedIdColumn()));
                } catch (SQLException e) {
                    if (attempt < 3 && "23505".equals(e.getSQLState())) {
                        continue;
                    }
                    throw store.failure("store the schema of " + databaseName, e);
                }
            }
        }
    }

    @Override
    public List<StoredSchema> latestSchemas() {
        return store.read("read the schemas", SchemaTables::latest);
    }

    @Override
    public Optional<StoredSchema> schema(long id) {
        return store.read("read a schema", c -> SchemaTables.byId(c, id));
    }

    @Override
    public long validationsAgainst(String databaseName) {
        return store.read(
                "count the validations against " + databaseName, c -> SchemaTables.validationsAgainst(c, databaseName));
    }

    @Override
    public long deleteSchema(String databaseName) {
        // through the write path when pairs lose flags (change log: open windows drop them too); a
        // schema no pair was checked against touches no pair, and store.write() rolls back what touches none
        long cleared = store.write("delete the schema of " + databaseName, c -> {
            List<Long> ids = SchemaTables.deleteValidationsAgainst(c, databaseName);
            SchemaTables.deleteSchemas(c, databaseName);
            return new Written<>((long) ids.size(), ids);
        });
        if (cleared == 0) {
            synchronized (store.writeLock()) {
                try (Connection c = store.dataSource().getConnection()) {
                    store.transaction(c, t -> {
                        SchemaTables.deleteSchemas(t, databaseName);
                        return null;
                    });
                } catch (SQLException e) {
                    throw store.failure("delete the schema of " + databaseName, e);
                }
            }
        }
        return cleared;
    }

    @Override
    public void saveValidations(List<ValidationResult> results) {
        if (results.isEmpty()) {
            return;
        }
        // derived data like analyses: not forced to disk at once (validating again restores it)
        store.write(
                "store validation results",
                false,
                c -> new Written<>(null, SchemaTables.replaceValidations(c, results)));
    }

    @Override
    public Optional<ValidationResult> validation(long pairId) {
        return store.read("read a validation", c -> SchemaTables.validation(c, pairId));
    }

    @Override
    public List<StoredPair> unvalidated(long afterId, int limit) {
        try (Connection c = store.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT " + PairRows.COLUMNS
                                + PairRows.FROM + " JOIN schemas s ON s.database_name = p.database_name"
                                + " AND s.version = (SELECT MAX(o.version) FROM schemas o WHERE o.database_name = p.database_name)"
                                + " WHERE p.id > ? AND t.id IS NULL AND (v.id IS NULL OR v.schema_id <> s.id) ORDER BY p.id LIMIT ?")) {
            s.setLong(1, afterId);
            s.setInt(2, limit);
            return JdbcPairReader.readRows(s);
        } catch (SQLException e) {
            throw store.failure("find pairs to validate", e);
        }
    }
}
