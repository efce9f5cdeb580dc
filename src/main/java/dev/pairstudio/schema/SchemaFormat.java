package dev.pairstudio.schema;

import java.nio.file.Path;
import java.util.Locale;

/** What a schema file holds: CREATE TABLE statements, or a Spider/BIRD tables.json. */
public enum SchemaFormat {
    DDL,
    SPIDER;

    /** By the file name: {@code .json} is a tables.json, anything else DDL. */
    public static SchemaFormat guess(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? SPIDER : DDL;
    }
}
