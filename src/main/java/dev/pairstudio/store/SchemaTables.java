package dev.pairstudio.store;

import dev.pairstudio.pair.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of the {@code schemas} and {@code validation} tables (V6__schemas.sql), apart from the
 * store class so that a JDBC store for another database can call it as is: standard SQL only
 * (no MERGE, no H2 functions).
 */
final class SchemaTables {
    /** H2's VARCHAR limit; a longer definition is refused with a clear message rather than cut. */
    static final int MAX_DEFINITION = 1_000_000;

    private SchemaTables() {}

    /** Inserts the next version of a database's schema; the caller holds the writer lock and commits. */
    /** @param idColumn how the dialect names the generated key column ({@link StoreDialect#generatedIdColumn()}) */
    static StoredSchema insertSchema(
            Connection c, String databaseName, String source, String definition, String idColumn) throws SQLException {
        if (definition.length() > MAX_DEFINITION) {
            throw new IllegalArgumentException("The schema of " + databaseName + " is too large to store ("
                    + definition.length() + " characters of JSON, limit " + MAX_DEFINITION + ")");
        }
        int version;
        try (PreparedStatement s =
                c.prepareStatement("SELECT COALESCE(MAX(version), 0) + 1 FROM schemas WHERE database_name = ?")) {
            s.setString(1, databaseName);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                version = r.getInt(1);
            }
        }
        LocalDateTime now = LocalDateTime.ofInstant(Timestamps.now(), ZoneOffset.UTC);
        String cutSource = source.length() > 1000 ? source.substring(0, 1000) : source;
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO schemas (database_name, version, source, imported_at, definition) "
                        + "VALUES (?, ?, ?, ?, ?)",
                new String[] {idColumn})) {
            s.setString(1, databaseName);
            s.setInt(2, version);
            s.setString(3, cutSource);
            s.setObject(4, now);
            s.setString(5, definition);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return new StoredSchema(
                        keys.getLong(1), databaseName, version, cutSource, now.toInstant(ZoneOffset.UTC), definition);
            }
        }
    }

    /** The newest version per database name, by name. */
    static List<StoredSchema> latest(Connection c) throws SQLException {
        return list(
                c,
                "SELECT s.id, s.database_name, s.version, s.source, s.imported_at, s.definition FROM schemas s "
                        + "WHERE s.version = (SELECT MAX(o.version) FROM schemas o WHERE o.database_name = s.database_name) "
                        + "ORDER BY s.database_name");
    }

    private static final String AGAINST =
            "FROM validation WHERE schema_id IN (SELECT id FROM schemas WHERE database_name = ?)";

    static long validationsAgainst(Connection c, String databaseName) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) " + AGAINST)) {
            s.setString(1, databaseName);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Deletes the validations made against any version of a database's schema; returns the pair ids, for the change log. */
    static List<Long> deleteValidationsAgainst(Connection c, String databaseName) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id " + AGAINST + " ORDER BY id")) {
            s.setString(1, databaseName);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("DELETE " + AGAINST)) {
            s.setString(1, databaseName);
            s.executeUpdate();
        }
        return ids;
    }

    static void deleteSchemas(Connection c, String databaseName) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM schemas WHERE database_name = ?")) {
            s.setString(1, databaseName);
            s.executeUpdate();
        }
    }

    static Optional<StoredSchema> byId(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, database_name, version, source, imported_at, definition " + "FROM schemas WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        }
    }

    private static List<StoredSchema> list(Connection c, String sql) throws SQLException {
        List<StoredSchema> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(read(r));
            }
        }
        return out;
    }

    private static StoredSchema read(ResultSet r) throws SQLException {
        return new StoredSchema(
                r.getLong(1),
                r.getString(2),
                r.getInt(3),
                r.getString(4),
                r.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                r.getString(6));
    }

    /**
     * Replaces the validation rows of the given pairs (in id order); a pair no longer stored, or a
     * result against a schema version no longer stored, gets none. Returns the ids written (their
     * old row removed or a new one stored), for the change log.
     */
    static List<Long> replaceValidations(Connection c, List<ValidationResult> results) throws SQLException {
        List<ValidationResult> inIdOrder = new ArrayList<>(results);
        inIdOrder.sort(Comparator.comparingLong(ValidationResult::pairId));
        int[] deleted;
        try (PreparedStatement s = c.prepareStatement("DELETE FROM validation WHERE id = ?")) {
            for (ValidationResult v : inIdOrder) {
                s.setLong(1, v.pairId());
                s.addBatch();
            }
            deleted = s.executeBatch();
        }
        LocalDateTime now = LocalDateTime.ofInstant(Timestamps.now(), ZoneOffset.UTC);
        List<Long> written = new ArrayList<>();
        // a run that loaded a schema version deleted meanwhile (Schemas › Delete) must not leave flags
        // that no schema backs: such a result is dropped, and the pair is checked when a schema returns
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO validation (id, schema_id, flags, messages, validated_at) "
                        + "SELECT id, ?, ?, ?, ? FROM pairs WHERE id = ? AND EXISTS (SELECT 1 FROM schemas WHERE schemas.id = ?)")) {
            for (ValidationResult v : inIdOrder) {
                s.setLong(1, v.schemaId());
                s.setLong(2, v.flags() & ValidationResult.FLAGS);
                s.setString(3, v.messages());
                s.setObject(4, now);
                s.setLong(5, v.pairId());
                s.setLong(6, v.schemaId());
                s.addBatch();
            }
            int[] counts = s.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 0 || deleted[i] > 0) {
                    written.add(inIdOrder.get(i).pairId());
                }
            }
        }
        return written;
    }

    static Optional<ValidationResult> validation(Connection c, long pairId) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT id, schema_id, flags, messages FROM validation WHERE id = ?")) {
            s.setLong(1, pairId);
            try (ResultSet r = s.executeQuery()) {
                return r.next()
                        ? Optional.of(new ValidationResult(r.getLong(1), r.getLong(2), r.getLong(3), r.getString(4)))
                        : Optional.empty();
            }
        }
    }
}
