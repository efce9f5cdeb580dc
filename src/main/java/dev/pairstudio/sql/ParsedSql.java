package dev.pairstudio.sql;

import java.util.List;
import net.sf.jsqlparser.statement.Statement;

/**
 * JSqlParser's statements for a SQL text, or the short reason it did not parse: what other
 * packages (schema validation, DDL import) build on, so that every parse goes through the
 * one time-limited, dialect-aware {@link StatementParser}.
 */
public record ParsedSql(List<Statement> statements, String error) {
    public boolean parsed() {
        return error == null;
    }
}
