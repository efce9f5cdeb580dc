package dev.pairstudio.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * The stored column behind each {@link SortColumn}, and how to read its value for a cursor.
 * Question, SQL and tables sort by a stored 32/64-character prefix (see V1__pairs.sql): a full
 * text index per column would double the file for an order nobody reads past the first words.
 */
enum SortKey {
    ID("id", Kind.LONG, false),
    TIMESTAMP("ts", Kind.TIME, false),
    QUESTION("question_key", Kind.TEXT, false),
    SQL("sql_key", Kind.TEXT, false),
    DATABASE_TYPE("database_type", Kind.TEXT, true),
    DATABASE_NAME("database_name", Kind.TEXT, true),
    QUERY_TYPE("query_type", Kind.TEXT, true),
    TABLES("tables_key", Kind.TEXT, false),
    SUCCESS("success", Kind.BOOLEAN, false),
    EXECUTION_TIME("execution_ms", Kind.DOUBLE, true),
    STATUS("status", Kind.TEXT, false),
    COMPLEXITY("complexity", Kind.LONG, true),
    FLAGS("flags", Kind.LONG, false),
    UPDATED("updated_at", Kind.TIME, false);

    enum Kind { LONG, DOUBLE, TEXT, BOOLEAN, TIME }

    final String column;
    final Kind kind;
    /** H2 sorts NULL first ascending and last descending; keyset steps must visit NULLs explicitly. */
    final boolean nullable;

    SortKey(String column, Kind kind, boolean nullable) {
        this.column = column;
        this.kind = kind;
        this.nullable = nullable;
    }

    static SortKey of(SortColumn c) {
        return valueOf(c.name());
    }

    /** The cursor value of the current row (JSON-friendly: numbers, strings, booleans, null). */
    Object read(ResultSet r, int index) throws SQLException {
        Object v = switch (kind) {
            case LONG -> r.getLong(index);
            case DOUBLE -> r.getDouble(index);
            case TEXT -> r.getString(index);
            case BOOLEAN -> r.getBoolean(index);
            case TIME -> r.getObject(index, LocalDateTime.class).toString();
        };
        return r.wasNull() ? null : v;
    }

    /** A cursor value back to a JDBC parameter. */
    Object parameter(Object cursorValue) {
        if (cursorValue == null) {
            return null;
        }
        return switch (kind) {
            case LONG -> ((Number) cursorValue).longValue();
            case DOUBLE -> ((Number) cursorValue).doubleValue();
            case TEXT -> (String) cursorValue;
            case BOOLEAN -> (Boolean) cursorValue;
            case TIME -> LocalDateTime.parse((String) cursorValue);
        };
    }
}
