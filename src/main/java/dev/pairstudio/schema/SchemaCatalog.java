package dev.pairstudio.schema;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A schema prepared for lookups: table and column names by their comparison key. Immutable, shared by threads. */
public final class SchemaCatalog {
    private final Map<String, SchemaTable> tables = new HashMap<>();
    private final Map<String, Set<String>> columns = new HashMap<>();

    SchemaCatalog(DatabaseSchema schema) {
        for (SchemaTable t : schema.tables()) {
            String key = Names.key(t.name());
            tables.put(key, t);
            Set<String> names = new HashSet<>();
            t.columns().forEach(c -> names.add(Names.key(c.name())));
            columns.put(key, Set.copyOf(names));
        }
    }

    /** Every table's name as declared. */
    List<String> tableNames() {
        return tables.values().stream().map(SchemaTable::name).toList();
    }

    SchemaTable table(String name) {
        return tables.get(Names.key(name));
    }

    /** The column keys of a table, or null when the schema has no such table. */
    Set<String> columns(String table) {
        return columns.get(Names.key(table));
    }
}
