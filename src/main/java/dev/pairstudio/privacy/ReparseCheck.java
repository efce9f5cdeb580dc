package dev.pairstudio.privacy;

import dev.pairstudio.sql.SqlLiteral;
import dev.pairstudio.sql.SqlLiterals;
import java.util.List;
import net.sf.jsqlparser.parser.CCJSqlParser;

/**
 * "The anonymized SQL must re-parse": if the original parses, the anonymized SQL must parse too;
 * if it does not (dialect features JSqlParser lacks), the lexer must see the same literals, in
 * number and kind. The only place the privacy engine calls JSqlParser, so it can move to the
 * shared SQL analyzer later.
 */
final class ReparseCheck {
    /** Larger statements get only the lexer check: the parser's time grows too fast with size. */
    static final int MAX_PARSE_CHARS = 100_000;

    private ReparseCheck() {
    }

    /** True when the replacement kept the SQL as valid as it was. */
    static boolean holds(String before, String after, SqlLiterals.Dialect dialect) {
        if (after.length() <= MAX_PARSE_CHARS && before.length() <= MAX_PARSE_CHARS) {
            if (parses(after)) {
                return true;
            }
            if (parses(before)) {
                return false;
            }
        }
        return sameLiterals(before, after, dialect);
    }

    static boolean parses(String sql) {
        try {
            // the parser directly, not CCJSqlParserUtil.parseStatements: that one starts a thread per
            // call (for its timeout), which costs more than the parse itself
            new CCJSqlParser(sql).Statements();
            return true;
        } catch (Exception | StackOverflowError e) {
            return false;
        } catch (Error e) {
            if (e instanceof VirtualMachineError) {
                throw e;
            }
            return false; // JavaCC's TokenMgrError
        }
    }

    static boolean sameLiterals(String before, String after, SqlLiterals.Dialect dialect) {
        List<SqlLiteral> a = SqlLiterals.find(before, dialect);
        List<SqlLiteral> b = SqlLiterals.find(after, dialect);
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).kind() != b.get(i).kind()) {
                return false;
            }
        }
        return true;
    }
}
