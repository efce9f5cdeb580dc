package dev.pairstudio.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.Timestamps;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Turns one read record into a {@link Pair}: the seed's keys (SEED-CONTRACT.md §1), Spider's
 * {@code question/query/db_id} or BIRD's {@code question/SQL/db_id}. Types are checked; a
 * missing pair_id gets a UUID derived from the record's content, a missing timestamp "now".
 */
final class PairMapper {
    /** H2's VARCHAR limit; a longer question or SQL is not a training pair anyway. */
    static final int MAX_TEXT = 1_000_000;

    private final ObjectMapper json;
    private final ImportFormat format;

    PairMapper(ObjectMapper json, ImportFormat format) {
        this.json = json;
        this.format = format;
    }

    Pair fromJson(JsonNode node) throws BadRecordException {
        if (node == null || !node.isObject()) {
            throw new BadRecordException("expected a JSON object with a pair, found " + kind(node));
        }
        ImportFormat shape = format == ImportFormat.SPIDER || format == ImportFormat.BIRD ? format : shapeOf(node);
        return switch (shape) {
            case SPIDER -> benchmark(node, "query", "spider", List.of());
            case BIRD -> benchmark(node, "SQL", "bird", List.of("evidence", "difficulty", "question_id"));
            default -> seed(node);
        };
    }

    /** Seed keys win; Spider and BIRD are recognised by their own. */
    private static ImportFormat shapeOf(JsonNode node) {
        if (node.has("natural_language_query") || node.has("sql_query")) {
            return ImportFormat.JSON;
        }
        if (node.has("question") && node.has("SQL")) {
            return ImportFormat.BIRD;
        }
        if (node.has("question") && node.has("query")) {
            return ImportFormat.SPIDER;
        }
        return ImportFormat.JSON;
    }

    private Pair seed(JsonNode n) throws BadRecordException {
        String question = requiredText(n, "natural_language_query");
        String sql = requiredText(n, "sql_query");
        String timestamp = optionalText(n, "timestamp");
        String database = optionalText(n, "database_name");
        return new Pair(
                pairId(optionalText(n, "pair_id"), question, sql, database, timestamp),
                question,
                sql,
                timestamp(timestamp),
                optionalText(n, "database_type"),
                database,
                tableNames(n.get("table_names")),
                bool(n.get("success")),
                number(n.get("execution_time_ms")),
                metadata(n.get("metadata")));
    }

    /** Spider and BIRD databases are SQLite files; db_id names the database. */
    private Pair benchmark(JsonNode n, String sqlKey, String dataset, List<String> kept) throws BadRecordException {
        String question = requiredText(n, "question");
        String sql = requiredText(n, sqlKey);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("dataset", dataset);
        for (String key : kept) {
            JsonNode v = n.get(key);
            if (v != null && !v.isNull()) {
                meta.put(key, json.convertValue(v, Object.class));
            }
        }
        String database = optionalText(n, "db_id");
        return new Pair(
                pairId(optionalText(n, "pair_id"), question, sql, dataset + ":" + database, null),
                question,
                sql,
                Timestamps.now(),
                "sqlite",
                database,
                List.of(),
                true,
                null,
                meta);
    }

    /** A CSV row with the seed's columns ({@code query_type} is derived, so ignored). */
    static Pair fromCsv(Map<String, String> row) throws BadRecordException {
        String question = requiredCell(row, "natural_language_query");
        String sql = requiredCell(row, "sql_query");
        String tables = cell(row, "table_names");
        List<String> tableNames = new ArrayList<>();
        if (tables != null) {
            for (String t : tables.split(",")) {
                if (!t.isBlank()) {
                    tableNames.add(t.trim());
                }
            }
        }
        String success = cell(row, "success");
        boolean ok;
        if (success == null || success.equalsIgnoreCase("true") || success.equals("1")) {
            ok = true;
        } else if (success.equalsIgnoreCase("false") || success.equals("0")) {
            ok = false;
        } else {
            throw new BadRecordException("success must be True or False, found \"" + shorten(success) + "\"");
        }
        String exec = cell(row, "execution_time_ms");
        BigDecimal ms;
        try {
            ms = exec == null ? null : new BigDecimal(exec);
        } catch (NumberFormatException e) {
            throw new BadRecordException("execution_time_ms must be a number, found \"" + shorten(exec) + "\"");
        }
        return new Pair(
                pairId(cell(row, "pair_id"), question, sql, cell(row, "database_name"), cell(row, "timestamp")),
                question,
                sql,
                timestamp(cell(row, "timestamp")),
                cell(row, "database_type"),
                cell(row, "database_name"),
                tableNames,
                ok,
                ms,
                Map.of());
    }

    // ---- field rules -----------------------------------------------------------------------

    /**
     * The record's own pair_id, or one derived from its content (a name-based UUID) so that
     * importing the same file again adds nothing, also for Spider and BIRD files, which carry no
     * ids. Identical records without ids are therefore one pair.
     */
    private static String pairId(String given, String question, String sql, String database, String timestamp)
            throws BadRecordException {
        if (given == null) {
            String content = String.join("\u0000", question, sql, String.valueOf(database), String.valueOf(timestamp));
            return UUID.nameUUIDFromBytes(content.getBytes(StandardCharsets.UTF_8))
                    .toString();
        }
        if (given.length() > 200) {
            throw new BadRecordException("pair_id is longer than 200 characters");
        }
        return given;
    }

    private static Instant timestamp(String text) throws BadRecordException {
        if (text == null) {
            return Timestamps.now();
        }
        return Timestamps.parse(text)
                .orElseThrow(() -> new BadRecordException(
                        "timestamp \"" + shorten(text) + "\" is not an ISO-8601 date or date-time"));
    }

    private static String requiredText(JsonNode n, String key) throws BadRecordException {
        String s = optionalText(n, key);
        if (s == null || s.isBlank()) {
            throw new BadRecordException(key + " is missing or empty");
        }
        return checkLength(key, s);
    }

    private static String optionalText(JsonNode n, String key) throws BadRecordException {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new BadRecordException(key + " must be a string, found " + kind(v));
        }
        String s = v.asText();
        return s.isEmpty() ? null : s;
    }

    private static String checkLength(String key, String s) throws BadRecordException {
        if (s.length() > MAX_TEXT) {
            throw new BadRecordException(key + " is longer than " + MAX_TEXT + " characters");
        }
        if (s.indexOf('\0') >= 0) {
            throw new BadRecordException(key + " contains a NUL character");
        }
        return s;
    }

    private static List<String> tableNames(JsonNode v) throws BadRecordException {
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new BadRecordException("table_names must be an array of strings, found " + kind(v));
        }
        List<String> out = new ArrayList<>();
        for (JsonNode t : v) {
            if (!t.isTextual()) {
                throw new BadRecordException(
                        "table_names must be an array of strings, found an element that is " + kind(t));
            }
            out.add(t.asText());
        }
        return out;
    }

    private static boolean bool(JsonNode v) throws BadRecordException {
        if (v == null || v.isNull()) {
            return true;
        }
        if (!v.isBoolean()) {
            throw new BadRecordException("success must be true or false, found " + kind(v));
        }
        return v.asBoolean();
    }

    private static BigDecimal number(JsonNode v) throws BadRecordException {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new BadRecordException("execution_time_ms must be a number, found " + kind(v));
        }
        return v.decimalValue();
    }

    private Map<String, Object> metadata(JsonNode v) throws BadRecordException {
        if (v == null || v.isNull()) {
            return Map.of();
        }
        if (!v.isObject()) {
            throw new BadRecordException("metadata must be an object, found " + kind(v));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), json.convertValue(e.getValue(), Object.class));
        }
        return out;
    }

    private static String requiredCell(Map<String, String> row, String column) throws BadRecordException {
        String s = cell(row, column);
        if (s == null || s.isBlank()) {
            throw new BadRecordException(column + " is missing or empty");
        }
        return checkLength(column, s);
    }

    private static String cell(Map<String, String> row, String column) {
        String s = row.get(column);
        return s == null || s.isEmpty() ? null : s;
    }

    static String kind(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        return switch (v.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> v.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
