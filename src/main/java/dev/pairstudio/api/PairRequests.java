package dev.pairstudio.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the body of {@code POST /api/training-data/pairs}: one object or an array of objects with
 * the seed's fields (SEED-CONTRACT.md §2.1), type-checked (§6). A batch is all or nothing: one
 * bad element refuses the request, and every problem is listed with its index and field.
 * Other keys (including the server-assigned {@code pair_id}, {@code timestamp} and
 * {@code table_names}) are ignored, as by the seed, and named in the answer's
 * {@code ignored_fields}.
 */
final class PairRequests {
    /** The seed's message when a required field is missing or empty. */
    static final String REQUIRED = "natural_language_query and sql_query are required";
    /** H2's VARCHAR limit; the importer refuses longer text too. */
    static final int MAX_TEXT = 1_000_000;

    static final Set<String> FIELDS = Set.of(
            "natural_language_query",
            "sql_query",
            "database_type",
            "database_name",
            "success",
            "execution_time_ms",
            "metadata");

    /** One pair as sent, checked, before the server assigns its id, time and analysis. */
    record Draft(
            String question,
            String sql,
            String databaseType,
            String databaseName,
            boolean success,
            BigDecimal executionTimeMs,
            Map<String, Object> metadata) {}

    /**
     * @param batch   the body was an array (answered with {@code {"pairs", "count"}})
     * @param ignored keys that were not seed fields, sorted
     */
    record Parsed(boolean batch, List<Draft> drafts, List<String> ignored) {}

    private PairRequests() {}

    static Parsed parse(JsonNode root, int maxBatch) {
        if (root == null || !(root.isObject() || root.isArray())) {
            throw ApiException.badRequest("The body must be a JSON object (one pair) or an array of objects (a batch)");
        }
        boolean batch = root.isArray();
        if (batch && root.size() > maxBatch) {
            throw new ApiException(413, "A batch holds at most " + maxBatch + " pairs; this one has " + root.size());
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        List<Draft> drafts = new ArrayList<>(root.size());
        TreeSet<String> ignored = new TreeSet<>();
        boolean missingRequired = false;
        if (batch) {
            for (int i = 0; i < root.size(); i++) {
                Checker c = new Checker(i, errors);
                drafts.add(c.draft(root.get(i), ignored));
                missingRequired |= c.missingRequired;
            }
        } else {
            Checker c = new Checker(null, errors);
            drafts.add(c.draft(root, ignored));
            missingRequired = c.missingRequired;
        }
        if (!errors.isEmpty()) {
            String message;
            if (batch) {
                message = errors.size() + (errors.size() == 1 ? " problem" : " problems")
                        + " in the batch; nothing was stored";
            } else if (missingRequired) {
                message = REQUIRED;
            } else {
                StringBuilder sb = new StringBuilder("Invalid fields: ");
                for (int i = 0; i < errors.size(); i++) {
                    sb.append(i == 0 ? "" : "; ")
                            .append(errors.get(i).get("field"))
                            .append(' ')
                            .append(errors.get(i).get("message"));
                }
                message = sb.toString();
            }
            throw new ApiException(400, message, errors);
        }
        return new Parsed(batch, drafts, List.copyOf(ignored));
    }

    /** Checks one element, collecting every problem rather than stopping at the first. */
    private static final class Checker {
        private final Integer index;
        private final List<Map<String, Object>> errors;
        boolean missingRequired;
        private boolean bad;

        Checker(Integer index, List<Map<String, Object>> errors) {
            this.index = index;
            this.errors = errors;
        }

        Draft draft(JsonNode n, Set<String> ignored) {
            if (n == null || !n.isObject()) {
                error(null, "must be a JSON object, found " + kind(n));
                return null;
            }
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!FIELDS.contains(key)) {
                    ignored.add(key);
                }
            }
            String question = required(n, "natural_language_query");
            String sql = required(n, "sql_query");
            String dbType = optionalText(n, "database_type");
            String dbName = optionalText(n, "database_name");
            boolean success = bool(n, "success");
            BigDecimal ms = number(n, "execution_time_ms");
            Map<String, Object> metadata = object(n, "metadata");
            return bad ? null : new Draft(question, sql, dbType, dbName, success, ms, metadata);
        }

        private String required(JsonNode n, String key) {
            JsonNode v = n.get(key);
            if (v == null || v.isNull() || v.isTextual() && v.asText().isEmpty()) {
                missingRequired = true;
                error(key, "is required");
                return null;
            }
            if (!v.isTextual()) {
                error(key, "must be a string, found " + kind(v));
                return null;
            }
            String s = v.asText();
            if (s.isBlank()) {
                error(key, "must not be blank");
                return null;
            }
            return checked(key, s);
        }

        private String optionalText(JsonNode n, String key) {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                error(key, "must be a string or null, found " + kind(v));
                return null;
            }
            return v.asText().isEmpty() ? null : checked(key, v.asText());
        }

        private String checked(String key, String s) {
            if (s.length() > MAX_TEXT) {
                error(key, "is longer than " + MAX_TEXT + " characters");
                return null;
            }
            if (s.indexOf('\0') >= 0) {
                error(key, "contains a NUL character");
                return null;
            }
            return s;
        }

        private boolean bool(JsonNode n, String key) {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                return true;
            }
            if (!v.isBoolean()) {
                error(key, "must be a boolean (true or false), found " + kind(v));
                return true;
            }
            return v.booleanValue();
        }

        private BigDecimal number(JsonNode n, String key) {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isNumber()) {
                error(key, "must be a number or null, found " + kind(v));
                return null;
            }
            return v.decimalValue();
        }

        private Map<String, Object> object(JsonNode n, String key) {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                return Map.of();
            }
            if (!v.isObject()) {
                error(key, "must be an object or null, found " + kind(v));
                return Map.of();
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), ApiJson.MAPPER.convertValue(e.getValue(), Object.class));
            }
            return out;
        }

        private void error(String field, String message) {
            bad = true;
            Map<String, Object> e = new LinkedHashMap<>();
            if (index != null) {
                e.put("index", index);
            }
            e.put("field", field);
            e.put("message", message);
            errors.add(e);
        }
    }

    static String kind(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        return switch (v.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> v.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
