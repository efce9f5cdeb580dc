package dev.pairstudio.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque keyset position handed to callers: the last row's sort value and id, plus the sort
 * it belongs to so that a cursor from another sort is refused instead of silently skipping rows.
 * Base64url of a small JSON object.
 */
public record Cursor(PairSort sort, Object value, long id) {
    private static final ObjectMapper JSON = new ObjectMapper();

    String encode() {
        ObjectNode node = JSON.createObjectNode();
        node.put("s", sort.column().name());
        node.put("d", sort.descending());
        node.set("v", JSON.valueToTree(value));
        node.put("i", id);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String text, PairSort expected) {
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(text));
            PairSort sort = new PairSort(
                    SortColumn.valueOf(node.get("s").asText()), node.get("d").asBoolean());
            if (!sort.equals(expected)) {
                throw new IllegalArgumentException("The cursor belongs to another sort order (" + sort.column()
                        + (sort.descending() ? " descending" : "") + "); start again from the first page");
            }
            JsonNode v = node.get("v");
            Object value = v == null || v.isNull()
                    ? null
                    : v.isBoolean()
                            ? v.asBoolean()
                            : v.isIntegralNumber() ? v.asLong() : v.isNumber() ? v.asDouble() : v.asText();
            return new Cursor(sort, value, node.get("i").asLong());
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae
                    && iae.getMessage() != null
                    && iae.getMessage().startsWith("The cursor")) {
                throw iae;
            }
            throw new IllegalArgumentException("Not a valid cursor: " + text, e);
        }
    }
}
