package dev.pairstudio.store;

import dev.pairstudio.pair.ComplexityLevel;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.PairFilter;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@link PairFilter} as a WHERE clause over {@code pairs} with its parameters. Every field
 * becomes one AND-ed condition; the first is always {@code in_trash}, which leads every index.
 */
final class SqlFilter {
    final StringBuilder sql = new StringBuilder();
    final List<Object> params = new ArrayList<>();

    private SqlFilter() {
    }

    static SqlFilter of(PairFilter f) {
        SqlFilter w = new SqlFilter();
        w.and("in_trash = ?", f.trash());
        if (f.from() != null) {
            w.and("ts >= ?", time(f.from()));
        }
        if (f.to() != null) {
            w.and("ts < ?", time(f.to()));
        }
        if (f.success() != null) {
            w.and("success = ?", f.success());
        }
        w.in("database_type", f.databaseTypes());
        w.in("database_name", f.databaseNames());
        w.in("query_type", f.queryTypes().stream().map(Enum::name).toList());
        w.in("status", f.statuses().stream().map(Enum::name).toList());
        w.in("complexity", f.complexity().stream().map(ComplexityLevel::ordinal).toList());
        if (!f.flags().isEmpty()) {
            long mask = new PairAnalysis(null, null, null, f.flags(), null, null, null).flagBits();
            w.and("BITAND(flags, CAST(? AS BIGINT)) = CAST(? AS BIGINT)", mask, mask);
        }
        if (!f.piiTypes().isEmpty()) {
            // pii_types is stored as ",EMAIL,CUSTOM:x," so that one type is one LIKE.
            List<String> likes = new ArrayList<>();
            for (String t : f.piiTypes()) {
                likes.add("pii_types LIKE ? ESCAPE '\\'");
                w.params.add("%," + escapeLike(t) + ",%");
            }
            w.sql.append(" AND (").append(String.join(" OR ", likes)).append(')');
        }
        if (!f.tables().isEmpty()) {
            w.and("id IN (SELECT pair FROM pair_tables WHERE table_name = ANY(?))", (Object) f.tables().toArray(new String[0]));
        }
        if (f.text() != null) {
            if (f.textIsRegex()) {
                checkRegex(f.text());
                w.and("(REGEXP_LIKE(question, ?) OR REGEXP_LIKE(sql_text, ?))", f.text(), f.text());
            } else {
                String like = "%" + escapeLike(f.text()) + "%";
                w.and("(question ILIKE ? ESCAPE '\\' OR sql_text ILIKE ? ESCAPE '\\')", like, like);
            }
        }
        if (f.duplicateGroup() != null) {
            w.and("duplicate_group = ?", f.duplicateGroup());
        }
        if (!f.ids().isEmpty()) {
            w.and("id = ANY(?)", (Object) f.ids().toArray(new Long[0]));
        }
        if (f.changedSince() != null) {
            w.and("updated_at >= ?", time(f.changedSince()));
        }
        return w;
    }

    /** Adds a condition (with " AND " unless first). */
    SqlFilter and(String condition, Object... values) {
        sql.append(sql.length() == 0 ? "" : " AND ").append(condition);
        params.addAll(List.of(values));
        return this;
    }

    private void in(String column, Collection<?> values) {
        if (!values.isEmpty()) {
            and(column + " = ANY(?)", (Object) values.toArray());
        }
    }

    String where() {
        return " WHERE " + sql;
    }

    /** Binds the parameters from index 1; returns the next free index. */
    int bind(PreparedStatement s) throws SQLException {
        int i = 1;
        for (Object p : params) {
            s.setObject(i++, p);
        }
        return i;
    }

    static LocalDateTime time(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** H2's REGEXP_LIKE uses java.util.regex: check here so that the message names the regex. */
    static void checkRegex(String regex) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Invalid regular expression \"" + regex + "\": " + e.getDescription()
                    + (e.getIndex() >= 0 ? " near position " + e.getIndex() : ""), e);
        }
    }
}
