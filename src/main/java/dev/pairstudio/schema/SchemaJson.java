package dev.pairstudio.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The stored form of a schema: one JSON document per version (the store keeps it as text). */
public final class SchemaJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaJson() {}

    public static String write(DatabaseSchema schema) {
        try {
            return JSON.writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a schema as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static DatabaseSchema read(String json) {
        try {
            return JSON.readValue(json, DatabaseSchema.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A stored schema is unreadable (" + e.getOriginalMessage() + ")", e);
        }
    }
}
