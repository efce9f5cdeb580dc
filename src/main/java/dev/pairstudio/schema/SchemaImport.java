package dev.pairstudio.schema;

import java.util.List;

/**
 * What reading a schema file gave: the schemas (one per database), what could not be read,
 * and how many statements were not table definitions (indexes, inserts) and were left aside.
 */
public record SchemaImport(List<DatabaseSchema> schemas, List<SchemaProblem> problems, int skippedStatements) {
    public SchemaImport {
        schemas = List.copyOf(schemas);
        problems = List.copyOf(problems);
    }
}
