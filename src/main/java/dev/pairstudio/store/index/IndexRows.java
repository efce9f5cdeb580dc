package dev.pairstudio.store.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairstudio.pair.ComplexityLevel;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.store.StatGroup;
import dev.pairstudio.store.StoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@link IndexRow}s: the columns the in-memory index needs, one SELECT list. Table lists
 * and PII columns repeat across many rows, so their parsed forms are cached per reader.
 */
public final class IndexRows {
    /** Select from {@link PairRows#FROM}. */
    static final String COLUMNS =
            "p.id, p.pair_id, p.ts, p.updated_at, p.database_type, p.database_name, COALESCE(a.table_names, p.table_names), "
                    + "p.success, p.execution_ms_text, p.status, a.query_type, a.complexity, COALESCE(a.flags, 0), a.pii_types, a.duplicate_group, "
                    + "t.id IS NOT NULL, p.question, p.sql_text, v.flags";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final Map<String, List<String>> tables = new HashMap<>();
    private final Map<String, Set<String>> pii = new HashMap<>();

    IndexRow read(ResultSet r) throws SQLException {
        String question = r.getString(17);
        String sql = r.getString(18);
        String queryTypeName = r.getString(11);
        QueryType queryType = queryTypeName == null ? null : QueryType.valueOf(queryTypeName);
        int level = r.getInt(12);
        ComplexityLevel complexity = r.wasNull() ? null : ComplexityLevel.values()[level];
        String piiColumn = r.getString(14);
        StatGroup group = new StatGroup(
                r.getString(5),
                r.getString(6),
                r.getBoolean(8),
                queryType,
                queryType != null ? queryType : StatGroup.guessType(sql),
                ReviewStatus.valueOf(r.getString(10)),
                complexity,
                flags(r),
                piiColumn == null ? Set.of() : pii.computeIfAbsent(piiColumn, PairRows::piiTypes),
                tables.computeIfAbsent(r.getString(7), IndexRows::tableList));
        String exec = r.getString(9);
        long duplicate = r.getLong(15);
        Long duplicateGroup = r.wasNull() ? null : duplicate;
        return new IndexRow(
                r.getLong(1),
                r.getString(2),
                micros(r, 3),
                micros(r, 4),
                group,
                question.codePointCount(0, question.length()),
                sql.codePointCount(0, sql.length()),
                SortKeys.execution(exec == null ? null : parseDouble(exec)),
                duplicateGroup,
                r.getBoolean(16),
                question,
                sql);
    }

    /** The analysis flags OR the validation flags (each table owns its bits), plus {@link StatGroup#VALIDATED}. */
    private static long flags(ResultSet r) throws SQLException {
        long validation = r.getLong(19);
        boolean validated = !r.wasNull(); // before the next read: wasNull() answers for the last column read
        return r.getLong(13) | (validated ? validation | StatGroup.VALIDATED : 0);
    }

    private static Double parseDouble(String text) {
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> tableList(String json) {
        try {
            return List.copyOf(JSON.readValue(json, STRINGS));
        } catch (JsonProcessingException e) {
            throw new StoreException("A stored pair has an unreadable table list (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static long micros(ResultSet r, int index) throws SQLException {
        return micros(r.getObject(index, LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }

    public static long micros(Instant t) {
        try {
            return ChronoUnit.MICROS.between(Instant.EPOCH, t);
        } catch (ArithmeticException e) { // beyond ±292,000 years: a filter bound meaning "any"
            return t.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    public static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
