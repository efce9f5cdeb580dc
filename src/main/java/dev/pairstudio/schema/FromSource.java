package dev.pairstudio.schema;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The columns a FROM item offers; {@code columns == null} accepts any column. {@code base}: the
 * schema table it is (null for CTEs, derived tables and unknown tables), whose keys tell
 * whether ordering by a column can tie.
 */
record FromSource(String name, Set<String> columns, SchemaTable base) {
    FromSource(String name, Set<String> columns) {
        this(name, columns, null);
    }

    boolean has(String key) {
        return columns == null || columns.contains(key);
    }

    boolean definitelyHas(String key) {
        return columns != null && columns.contains(key);
    }

    /** The column names as declared (a schema table's), or their keys (a CTE's, a derived table's): what "did you mean" offers. */
    Collection<String> columnNames() {
        if (base != null) {
            return base.columns().stream().map(SchemaColumn::name).toList();
        }
        return columns == null ? List.of() : columns;
    }
}
