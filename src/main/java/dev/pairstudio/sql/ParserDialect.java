package dev.pairstudio.sql;

import java.util.Locale;
import net.sf.jsqlparser.parser.CCJSqlParser;

/**
 * How a pair's {@code database_type} configures JSqlParser and the literal lexer. Only the
 * lexical switches that change what parses are set; the generic grammar is the fallback.
 */
enum ParserDialect {
    GENERIC(SqlLiterals.Dialect.STANDARD),
    POSTGRESQL(SqlLiterals.Dialect.POSTGRESQL),
    /** Backslash escapes and {@code "text"} strings: MySQL's default sql_mode. */
    MYSQL(SqlLiterals.Dialect.MYSQL),
    /** SQLite accepts {@code [name]} identifiers like SQL Server. */
    SQLITE(SqlLiterals.Dialect.SQLITE),
    SQLSERVER(SqlLiterals.Dialect.SQLSERVER),
    ORACLE(SqlLiterals.Dialect.STANDARD);

    final SqlLiterals.Dialect lexical;

    ParserDialect(SqlLiterals.Dialect lexical) {
        this.lexical = lexical;
    }

    static ParserDialect of(String databaseType) {
        if (databaseType == null) {
            return GENERIC;
        }
        String t = databaseType.toLowerCase(Locale.ROOT);
        if (t.contains("oracle")) {
            return ORACLE;
        }
        return switch (SqlLiterals.Dialect.of(databaseType)) {
            case POSTGRESQL -> POSTGRESQL;
            case MYSQL -> MYSQL;
            case SQLITE -> SQLITE;
            case SQLSERVER -> SQLSERVER;
            case STANDARD -> GENERIC;
        };
    }

    /** Applies this dialect's switches to a fresh parser. */
    void configure(CCJSqlParser parser) {
        switch (this) {
            case SQLSERVER, SQLITE -> parser.withSquareBracketQuotation(true);
            case MYSQL -> parser.withBackslashEscapeCharacter(true).withDoubleQuotedStrings(true);
            default -> {
                // the generic grammar already covers PostgreSQL's and Oracle's common syntax
            }
        }
    }
}
