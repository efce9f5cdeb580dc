package dev.pairstudio.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pairstudio.pair.ComplexityLevel;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Timestamps;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * A filter as JSON, for saved filters, export profiles and manifests. Only the fields that are
 * set are written, so a saved filter reads like what the user chose.
 */
public final class PairFilterJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PairFilterJson() {}

    public static ObjectNode toJson(PairFilter f) {
        ObjectNode o = MAPPER.createObjectNode();
        if (f.from() != null) {
            o.put("from", Timestamps.format(f.from()));
        }
        if (f.to() != null) {
            o.put("to", Timestamps.format(f.to()));
        }
        if (f.success() != null) {
            o.put("success", f.success());
        }
        strings(o, "database_types", f.databaseTypes());
        strings(o, "database_names", f.databaseNames());
        strings(o, "query_types", f.queryTypes());
        strings(o, "statuses", f.statuses());
        strings(o, "flags", f.flags());
        strings(o, "complexity", f.complexity());
        strings(o, "pii_types", f.piiTypes());
        strings(o, "tables", f.tables());
        if (f.text() != null) {
            o.put("text", f.text());
            o.put("regex", f.textIsRegex());
        }
        if (f.trash()) {
            o.put("trash", true);
        }
        if (f.duplicateGroup() != null) {
            o.put("duplicate_group", f.duplicateGroup());
        }
        if (!f.ids().isEmpty()) {
            ArrayNode a = o.putArray("ids");
            f.ids().stream().sorted().forEach(a::add);
        }
        if (f.changedSince() != null) {
            o.put("changed_since", Timestamps.format(f.changedSince()));
        }
        return o;
    }

    public static String toString(PairFilter f) {
        return toJson(f).toString();
    }

    /** Reads a filter; unknown enum values are an error naming the field and the value. */
    public static PairFilter fromJson(JsonNode o) {
        PairFilter f = PairFilter.ALL
                .withDates(instant(o, "from"), instant(o, "to"))
                .withSuccess(o.hasNonNull("success") ? o.get("success").asBoolean() : null)
                .withDatabaseTypes(set(o, "database_types", s -> s))
                .withDatabaseNames(set(o, "database_names", s -> s))
                .withQueryTypes(set(o, "query_types", s -> enumValue(QueryType.class, "query_types", s)))
                .withStatuses(set(o, "statuses", s -> enumValue(ReviewStatus.class, "statuses", s)))
                .withFlags(set(o, "flags", s -> enumValue(QualityFlag.class, "flags", s)))
                .withComplexity(set(o, "complexity", s -> enumValue(ComplexityLevel.class, "complexity", s)))
                .withPiiTypes(set(o, "pii_types", s -> s))
                .withTables(set(o, "tables", s -> s))
                .withText(
                        o.hasNonNull("text") ? o.get("text").asText() : null,
                        o.path("regex").asBoolean(false))
                .withTrash(o.path("trash").asBoolean(false))
                .withDuplicateGroup(
                        o.hasNonNull("duplicate_group")
                                ? o.get("duplicate_group").asLong()
                                : null)
                .withChangedSince(instant(o, "changed_since"));
        if (o.has("ids")) {
            Set<Long> ids = new LinkedHashSet<>();
            o.get("ids").forEach(n -> ids.add(n.asLong()));
            f = f.withIds(ids);
        }
        return f;
    }

    public static PairFilter fromString(String json) {
        try {
            return fromJson(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Saved filter is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void strings(ObjectNode o, String key, Collection<?> values) {
        if (!values.isEmpty()) {
            ArrayNode a = o.putArray(key);
            values.stream()
                    .map(v -> v instanceof Enum<?> e ? e.name() : v.toString())
                    .sorted()
                    .forEach(a::add);
        }
    }

    private static Instant instant(JsonNode o, String key) {
        if (!o.hasNonNull(key)) {
            return null;
        }
        String text = o.get(key).asText();
        return Timestamps.parse(text)
                .orElseThrow(() -> new IllegalArgumentException("\"" + key + "\" is not a timestamp: \"" + text
                        + "\" (use YYYY-MM-DD or an ISO-8601 timestamp)"));
    }

    private static <T> Set<T> set(JsonNode o, String key, Function<String, T> parse) {
        Set<T> out = new LinkedHashSet<>();
        o.path(key).forEach(n -> out.add(parse.apply(n.asText())));
        return out;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + field + "\" has an unknown value \"" + value + "\"", e);
        }
    }
}
