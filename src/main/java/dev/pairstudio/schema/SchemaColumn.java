package dev.pairstudio.schema;

/** One column as the schema declares it; {@code type} is the declared type text ("VARCHAR(20)", "number"), may be empty. */
public record SchemaColumn(String name, String type) {
    public SchemaColumn {
        type = type == null ? "" : type;
    }
}
