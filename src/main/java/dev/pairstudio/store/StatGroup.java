package dev.pairstudio.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.pairstudio.pair.ComplexityLevel;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.store.index.PairRows;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The filterable dimensions that a group of pairs shares in the statistics tables: everything a
 * {@link PairFilter} can select on except time, text, ids, duplicate group and change time.
 *
 * @param queryType     the stored (analysed) type, null when not analysed; filters use it
 * @param statementType the type the statistics report: {@code queryType}, or for unanalysed pairs
 *                      the seed's rule (first keyword of the trimmed SQL, else OTHER)
 * @param flags         the quality flags as bits ({@link PairAnalysis#flagBits()})
 * @param tables        the pair's table names as stored
 */
public record StatGroup(
        String databaseType,
        String databaseName,
        boolean success,
        QueryType queryType,
        QueryType statementType,
        ReviewStatus status,
        ComplexityLevel complexity,
        long flags,
        Set<String> piiTypes,
        List<String> tables) {

    /**
     * Set in {@link #flags} when the pair has been validated against a schema (issue 15), so that
     * statistics can tell "valid" from "not checked". Never a {@code QualityFlag}: the enum's bits
     * stay far below it, and flag filters and labels only look at those.
     */
    public static final long VALIDATED = 1L << 62;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final QueryType[] SEED_TYPES = {
        QueryType.SELECT,
        QueryType.INSERT,
        QueryType.UPDATE,
        QueryType.DELETE,
        QueryType.MERGE,
        QueryType.CREATE,
        QueryType.ALTER,
        QueryType.DROP
    };

    public StatGroup withStatus(ReviewStatus newStatus) {
        return with(newStatus, flags);
    }

    public StatGroup withFlags(long newFlags) {
        return with(status, newFlags);
    }

    /** This group with another review status and flags: the two things an edit of a pair changes here. */
    private StatGroup with(ReviewStatus newStatus, long newFlags) {
        return new StatGroup(
                databaseType,
                databaseName,
                success,
                queryType,
                statementType,
                newStatus,
                complexity,
                newFlags,
                piiTypes,
                tables);
    }

    /** Whether {@link #matches} can be false for some group: the filter names a dimension. */
    public static boolean narrows(PairFilter f) {
        return f.success() != null
                || !f.databaseTypes().isEmpty()
                || !f.databaseNames().isEmpty()
                || !f.queryTypes().isEmpty()
                || !f.statuses().isEmpty()
                || !f.complexity().isEmpty()
                || !f.flags().isEmpty()
                || !f.piiTypes().isEmpty()
                || !f.tables().isEmpty();
    }

    /** Whether every pair of this group passes the dimensions of {@code f} (time, text and ids are not checked here). */
    public boolean matches(PairFilter f) {
        if (f.success() != null && f.success() != success) {
            return false;
        }
        if (!f.databaseTypes().isEmpty()
                && (databaseType == null || !f.databaseTypes().contains(databaseType))) {
            return false;
        }
        if (!f.databaseNames().isEmpty()
                && (databaseName == null || !f.databaseNames().contains(databaseName))) {
            return false;
        }
        if (!f.queryTypes().isEmpty() && (queryType == null || !f.queryTypes().contains(queryType))) {
            return false;
        }
        if (!f.statuses().isEmpty() && !f.statuses().contains(status)) {
            return false;
        }
        if (!f.complexity().isEmpty() && (complexity == null || !f.complexity().contains(complexity))) {
            return false;
        }
        if (!f.flags().isEmpty()) {
            long mask = new PairAnalysis(null, null, null, f.flags(), null, null, null).flagBits();
            if ((flags & mask) != mask) {
                return false;
            }
        }
        if (!f.piiTypes().isEmpty() && f.piiTypes().stream().noneMatch(piiTypes::contains)) {
            return false;
        }
        return f.tables().isEmpty() || f.tables().stream().anyMatch(tables::contains);
    }

    /** The seed's query type rule on the trimmed, upper-cased SQL (plus MERGE), for pairs not analysed yet. */
    public static QueryType guessType(String sql) {
        String s = sql.strip();
        int n = Math.min(s.length(), 6);
        String head = s.substring(0, n).toUpperCase(Locale.ROOT);
        for (QueryType t : SEED_TYPES) {
            if (head.startsWith(t.name())) {
                return t;
            }
        }
        return QueryType.OTHER;
    }

    /**
     * The key of a group from the stored column values, one string (a JSON array) so that it can
     * be a unique column and a map key; the raw table and PII columns are kept as stored.
     */
    static String key(
            String databaseType,
            String databaseName,
            boolean success,
            String queryType,
            String statementType,
            String status,
            Integer complexity,
            long flags,
            String piiColumn,
            String tablesJson) {
        ArrayNode a = JSON.createArrayNode();
        a.add(databaseType)
                .add(databaseName)
                .add(success)
                .add(queryType)
                .add(statementType)
                .add(status)
                .add(complexity)
                .add(flags)
                .add(piiColumn)
                .add(tablesJson);
        return a.toString();
    }

    static StatGroup decode(String key) {
        try {
            JsonNode a = JSON.readTree(key);
            return new StatGroup(
                    text(a.get(0)),
                    text(a.get(1)),
                    a.get(2).asBoolean(),
                    type(a.get(3)),
                    type(a.get(4)),
                    ReviewStatus.valueOf(a.get(5).asText()),
                    a.get(6).isNull() ? null : ComplexityLevel.values()[a.get(6).asInt()],
                    a.get(7).asLong(),
                    PairRows.piiTypes(text(a.get(8))),
                    JSON.readValue(a.get(9).asText(), STRINGS));
        } catch (JsonProcessingException e) {
            throw new StoreException("A statistics profile is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static QueryType type(JsonNode n) {
        return n == null || n.isNull() ? null : QueryType.valueOf(n.asText());
    }
}
