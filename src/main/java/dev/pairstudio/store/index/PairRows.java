package dev.pairstudio.store.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.pairstudio.pair.ComplexityLevel;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.StoreException;
import dev.pairstudio.store.StoredPair;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Reads and writes the stored form of a pair: one SELECT list, one mapping, one JSON codec. */
public final class PairRows {
    public static final String COLUMNS =
            "p.id, p.pair_id, p.question, p.sql_text, p.ts, p.database_type, p.database_name, "
                    + "COALESCE(a.table_names, p.table_names), p.success, p.execution_ms_text, p.metadata, p.status, p.note, p.original_question, p.original_sql, "
                    + "p.source, p.import_batch, t.deleted_at, t.batch, p.updated_at, p.version, a.query_type, a.fingerprint, "
                    + "a.complexity, COALESCE(a.flags, 0), a.duplicate_group, a.pii_types, a.parse_error, COALESCE(v.flags, 0)";
    private static final String JOINS = " LEFT JOIN trash t ON t.id = p.id LEFT JOIN analysis a ON a.id = p.id"
            + " LEFT JOIN validation v ON v.id = p.id";
    /** A pair with its trash entry, analysis and validation, if any: select {@link #COLUMNS} from this. */
    public static final String FROM = " FROM pairs p" + JOINS;
    /**
     * {@link #FROM} for the ids of one array parameter. H2 checks {@code p.id = ANY(?)} on a join
     * against the whole array for every row (1,000 ids: 170-290 ms at 1M pairs); a join with the
     * unnested array looks each id up (7-22 ms).
     */
    public static final String FROM_IDS = " FROM UNNEST(?) AS u(id) JOIN pairs p ON p.id = u.id" + JOINS;
    /** 1-based index of the first column after {@link #COLUMNS} (the sort key in list queries). */
    static final int NEXT = 30;

    private static final ObjectMapper JSON = new ObjectMapper();
    // Readers resolved once: readValue(text, TypeReference) resolves the type again for every cell.
    private static final ObjectReader STRINGS = JSON.readerFor(new TypeReference<List<String>>() {});
    private static final ObjectReader OBJECT = JSON.readerFor(new TypeReference<LinkedHashMap<String, Object>>() {});

    private PairRows() {}

    public static StoredPair read(ResultSet r) throws SQLException {
        String exec = r.getString(10);
        Pair pair = new Pair(
                r.getString(2),
                r.getString(3),
                r.getString(4),
                instant(r, 5),
                r.getString(6),
                r.getString(7),
                tableNames(r.getString(8)),
                r.getBoolean(9),
                exec == null ? null : new BigDecimal(exec),
                metadata(r.getString(11)));
        String queryType = r.getString(22);
        int complexity = r.getInt(24);
        ComplexityLevel level = r.wasNull() ? null : ComplexityLevel.values()[complexity];
        long group = r.getLong(26);
        Long duplicateGroup = r.wasNull() ? null : group;
        PairAnalysis analysis = new PairAnalysis(
                queryType == null ? null : QueryType.valueOf(queryType),
                r.getString(23),
                level,
                PairAnalysis.flagsOf(r.getLong(25) | r.getLong(29)),
                duplicateGroup,
                piiTypes(r.getString(27)),
                r.getString(28));
        return new StoredPair(
                r.getLong(1),
                pair,
                ReviewStatus.valueOf(r.getString(12)),
                r.getString(13),
                r.getString(14),
                r.getString(15),
                Source.valueOf(r.getString(16)),
                r.getString(17),
                instant(r, 18),
                r.getString(19),
                instant(r, 20),
                r.getLong(21),
                analysis);
    }

    static Instant instant(ResultSet r, int index) throws SQLException {
        LocalDateTime t = r.getObject(index, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    /** ",EMAIL,PHONE," so that a filter on one type is a single LIKE; null when none. */
    public static String piiColumn(Set<String> types) {
        return types.isEmpty() ? null : types.stream().sorted().collect(Collectors.joining(",", ",", ","));
    }

    public static Set<String> piiTypes(String column) {
        return column == null
                ? Set.of()
                : Arrays.stream(column.split(",")).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot store value as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A dataset has few table combinations, so their stored lists repeat: each is parsed once.
     * Setting up a Jackson parser for every cell was a fifth of what reading 1M pairs allocated.
     */
    private static final Map<String, List<String>> TABLE_LISTS = new ConcurrentHashMap<>();

    private static final int TABLE_LISTS_KEPT = 10_000;

    static List<String> tableNames(String json) {
        List<String> known = TABLE_LISTS.get(json);
        if (known != null) {
            return known;
        }
        List<String> parsed = fromJson(json, STRINGS);
        if (parsed.contains(null)) {
            return parsed;
        }
        List<String> kept = List.copyOf(parsed);
        if (TABLE_LISTS.size() < TABLE_LISTS_KEPT) {
            TABLE_LISTS.put(json, kept);
        }
        return kept;
    }

    /** Most pairs have no metadata: "{}" needs no parser. */
    static Map<String, Object> metadata(String json) {
        return "{}".equals(json) ? Map.of() : fromJson(json, OBJECT);
    }

    private static <T> T fromJson(String text, ObjectReader type) {
        try {
            return type.readValue(text);
        } catch (JsonProcessingException e) {
            throw new StoreException("A stored pair has unreadable JSON (" + e.getOriginalMessage() + ")", e);
        }
    }
}
