package dev.pairstudio.sql;

import net.sf.jsqlparser.parser.CCJSqlParser;

/** Whether SQL parses as the analyzer reads it for a pair's {@code database_type}: its dialect's switches, else the generic grammar. */
public final class DialectParse {
    private DialectParse() {}

    public static boolean parses(String sql, String databaseType) {
        ParserDialect dialect = ParserDialect.of(databaseType);
        return parses(sql, dialect) || dialect != ParserDialect.GENERIC && parses(sql, ParserDialect.GENERIC);
    }

    private static boolean parses(String sql, ParserDialect dialect) {
        try {
            // the parser directly, not CCJSqlParserUtil.parseStatements: that one starts a thread per
            // call (for its timeout), which costs more than the parse itself
            CCJSqlParser parser = new CCJSqlParser(sql);
            dialect.configure(parser);
            parser.Statements();
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
}
