package dev.pairstudio.sql;

import dev.pairstudio.pair.QueryType;
import java.util.List;

/**
 * What a curator needs to know about one pair's SQL.
 *
 * @param type           statement type of the first statement; for SQL that did not parse, a
 *                       best guess from its leading keywords (see {@link #parsed})
 * @param tables         referenced tables of all statements: sorted, distinct, unquoted names kept
 *                       as written in quotes, others lower-cased, schema-qualified names kept
 *                       qualified ({@code public.users}); CTE names are not tables
 * @param literals       string and number literals and comments, as character spans of the SQL
 * @param fingerprint    32 hex digits identifying the query's {@link SqlTemplate template}
 * @param complexity     counts and level; lexical estimates when the SQL did not parse
 * @param parsed         whether JSqlParser accepted the SQL (in its dialect or the generic grammar), or,
 *                       for a SQLite pair's reading statement JSqlParser rejects, real SQLite reads
 *                       it whole (type, tables and complexity are then lexical estimates)
 * @param parseError     null when parsed; otherwise a short reason (never the SQL nor its values)
 * @param statementCount statements in the field; more than one is worth a look
 */
public record SqlAnalysis(
        QueryType type,
        List<String> tables,
        List<SqlLiteral> literals,
        String fingerprint,
        Complexity complexity,
        boolean parsed,
        String parseError,
        int statementCount) {

    public SqlAnalysis {
        tables = List.copyOf(tables);
        literals = List.copyOf(literals);
    }

    public boolean multipleStatements() {
        return statementCount > 1;
    }
}
