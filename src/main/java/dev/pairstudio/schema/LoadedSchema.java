package dev.pairstudio.schema;

import dev.pairstudio.store.StoredSchema;

/** A stored schema version read and prepared for validation. */
public record LoadedSchema(long id, int version, DatabaseSchema schema, SchemaCatalog catalog) {
    public static LoadedSchema of(StoredSchema stored) {
        DatabaseSchema schema = SchemaJson.read(stored.definition());
        return new LoadedSchema(stored.id(), stored.version(), schema, new SchemaCatalog(schema));
    }

    /** A schema not stored (tests, benchmarks): {@code id} stands for its version. */
    public static LoadedSchema of(long id, DatabaseSchema schema) {
        return new LoadedSchema(id, 1, schema, new SchemaCatalog(schema));
    }
}
