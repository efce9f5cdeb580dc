package dev.pairstudio.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A table: its columns in declared order, its primary key columns, foreign keys, and unique keys
 * (column sets the schema declares UNIQUE, besides the primary key). Schemas stored before unique
 * keys were kept have none ({@code uniqueKeys} absent from their JSON).
 */
public record SchemaTable(
        String name,
        List<SchemaColumn> columns,
        List<String> primaryKey,
        List<ForeignKey> foreignKeys,
        List<List<String>> uniqueKeys) {
    public SchemaTable {
        columns = List.copyOf(columns);
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
        uniqueKeys = distinctKeys(uniqueKeys, primaryKey);
    }

    /** A table without unique keys. */
    public SchemaTable(String name, List<SchemaColumn> columns, List<String> primaryKey, List<ForeignKey> foreignKeys) {
        this(name, columns, primaryKey, foreignKeys, List.of());
    }

    public Optional<SchemaColumn> column(String name) {
        String key = Names.key(name);
        return columns.stream().filter(c -> Names.key(c.name()).equals(key)).findFirst();
    }

    /** The primary key (when there is one) and every unique key: column sets no two rows share. */
    public List<List<String>> keys() {
        List<List<String>> all = new ArrayList<>();
        if (!primaryKey.isEmpty()) {
            all.add(primaryKey);
        }
        all.addAll(uniqueKeys);
        return all;
    }

    /** Each key once, in declared order, without the primary key again (a UNIQUE on the key column, say). */
    private static List<List<String>> distinctKeys(List<List<String>> keys, List<String> primaryKey) {
        if (keys == null || keys.isEmpty()) {
            return List.of();
        }
        Set<Set<String>> seen = new HashSet<>();
        seen.add(keySet(primaryKey));
        List<List<String>> out = new ArrayList<>();
        for (List<String> k : keys) {
            if (k != null && !k.isEmpty() && seen.add(keySet(k))) {
                out.add(List.copyOf(k));
            }
        }
        return List.copyOf(out);
    }

    private static Set<String> keySet(List<String> columns) {
        Set<String> set = new HashSet<>();
        columns.forEach(c -> set.add(Names.key(c)));
        return set;
    }
}
