package dev.pairstudio.schema;

import java.util.List;
import java.util.Optional;

/** A table: its columns in declared order, its primary key columns and foreign keys. */
public record SchemaTable(String name, List<SchemaColumn> columns, List<String> primaryKey, List<ForeignKey> foreignKeys) {
    public SchemaTable {
        columns = List.copyOf(columns);
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
    }

    public Optional<SchemaColumn> column(String name) {
        String key = Names.key(name);
        return columns.stream().filter(c -> Names.key(c.name()).equals(key)).findFirst();
    }
}
