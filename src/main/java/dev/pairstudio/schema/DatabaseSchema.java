package dev.pairstudio.schema;

import java.util.List;
import java.util.Optional;

/**
 * The tables of one database (a pair's {@code database_name}) and the dialect its DDL or
 * source named, which picks H2's compatibility mode for the does-not-run check.
 */
public record DatabaseSchema(String databaseName, String dialect, List<SchemaTable> tables) {
    public DatabaseSchema {
        dialect = dialect == null ? "" : dialect;
        tables = List.copyOf(tables);
    }

    public Optional<SchemaTable> table(String name) {
        String key = Names.key(name);
        return tables.stream().filter(t -> Names.key(t.name()).equals(key)).findFirst();
    }

    public int columnCount() {
        return tables.stream().mapToInt(t -> t.columns().size()).sum();
    }

    public DatabaseSchema named(String newName) {
        return new DatabaseSchema(newName, dialect, tables);
    }
}
