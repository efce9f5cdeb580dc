package dev.pairstudio.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** The stored form of a validation's messages: a JSON list of {flag, field, start, end, text}. */
public final class ValidationMessages {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ValidationMessage>> LIST = new TypeReference<>() {};

    private ValidationMessages() {}

    public static String write(List<ValidationMessage> messages) {
        try {
            return JSON.writeValueAsString(messages);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write validation messages: " + e.getOriginalMessage(), e);
        }
    }

    public static List<ValidationMessage> read(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Stored validation messages are unreadable (" + e.getOriginalMessage() + ")", e);
        }
    }
}
