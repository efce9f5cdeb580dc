package dev.pairstudio.schema;

import dev.pairstudio.store.Database;
import dev.pairstudio.store.StoredSchema;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schema context an export writes beside a pair ({@code {{schema}}} in presets): the
 * {@code CREATE TABLE} statements of the tables its SQL uses, from the newest schema of its
 * database, or of the whole database when none of its tables is known or the profile asks for the
 * whole database. Thread-safe; the text of
 * each (database, tables) combination is built once.
 */
public final class SchemaContext {
    private final Map<String, DatabaseSchema> schemas;
    private final boolean wholeDatabase;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public SchemaContext(Map<String, DatabaseSchema> schemas) {
        this(schemas, false);
    }

    /** @param wholeDatabase every table of the database, not only those the SQL uses */
    public SchemaContext(Map<String, DatabaseSchema> schemas, boolean wholeDatabase) {
        this.schemas = Map.copyOf(schemas);
        this.wholeDatabase = wholeDatabase;
    }

    /** The newest schema of every database in the store. */
    public static SchemaContext of(Database store) {
        return of(store, false);
    }

    /** The newest schema of every database in the store; {@code wholeDatabase}: every table in {@code {{schema}}}. */
    public static SchemaContext of(Database store, boolean wholeDatabase) {
        Map<String, DatabaseSchema> byName = new HashMap<>();
        for (StoredSchema s : store.latestSchemas()) {
            byName.put(s.databaseName(), SchemaJson.read(s.definition()));
        }
        return new SchemaContext(byName, wholeDatabase);
    }

    /** The newest stored schema of a database, null without one. */
    public DatabaseSchema schema(String databaseName) {
        return databaseName == null ? null : schemas.get(databaseName);
    }

    public boolean isEmpty() {
        return schemas.isEmpty();
    }

    /** CREATE TABLE statements for a pair's tables; null when its database has no schema. */
    public String createTables(String databaseName, List<String> tableNames) {
        DatabaseSchema schema = databaseName == null ? null : schemas.get(databaseName);
        if (schema == null) {
            return null;
        }
        if (wholeDatabase) {
            return cache.computeIfAbsent(databaseName, k -> render(schema.tables()));
        }
        return cache.computeIfAbsent(databaseName + "\u0000\u0000" + String.join("\u0000", tableNames), k -> {
            Set<SchemaTable> used = new LinkedHashSet<>();
            for (String t : tableNames) {
                String last = t.contains(".") ? t.substring(t.lastIndexOf('.') + 1) : t;
                schema.table(last).ifPresent(used::add);
            }
            return render(used.isEmpty() ? schema.tables() : List.copyOf(used));
        });
    }

    /** One statement per table, in the schema's order, with its keys ({@link DdlWriter}). */
    public static String render(List<SchemaTable> tables) {
        return DdlWriter.oneLinePerTable(tables);
    }
}
