package dev.pairstudio.store;

import java.time.Instant;

/**
 * One stored version of a database's schema.
 *
 * @param id         the store's key; a validation names the schema version it used by this id
 * @param version    1, 2, … per database name
 * @param source     where it came from (a file name, "spider:tables.json", a JDBC URL without password)
 * @param definition the tables, columns and keys as JSON (the schema package reads and writes it)
 */
public record StoredSchema(
        long id, String databaseName, int version, String source, Instant importedAt, String definition) {}
