package dev.pairstudio.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;

/**
 * Runs JSqlParser with a time limit: the dialect's features first, then the generic grammar.
 *
 * <p>Typical text-to-SQL queries (short, shallow) parse on the caller's thread: handing each
 * parse to another thread cost more than the parse itself (2,100 vs 6,000+ pairs/s on one core).
 * A watchdog raises the parser's stop flag when the time is up. Larger or deeper SQL, where
 * the parser's running time is less predictable, runs on a pooled worker thread (JSqlParser's own
 * time-out mechanism), so the caller gets an answer within the limit whatever the parser does;
 * workers get a large stack because the parser recurses once per nesting level.
 */
final class StatementParser implements AutoCloseable {
    private static final Pattern LINE_COLUMN = Pattern.compile("line (\\d+), column (\\d+)");
    private static final long WORKER_STACK_BYTES = 16L * 1024 * 1024;

    /** Up to this size and nesting, a parse runs on the caller's thread. */
    static final int INLINE_MAX_LENGTH = 4_000;

    static final int INLINE_MAX_NESTING = 40;

    private final long timeoutMillis;
    private final ExecutorService workers;
    private final ScheduledThreadPoolExecutor watchdog;

    StatementParser(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
        AtomicInteger count = new AtomicInteger();
        this.workers =
                new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(null, r, "sql-parser-" + count.incrementAndGet(), WORKER_STACK_BYTES);
                    t.setDaemon(true);
                    return t;
                });
        this.watchdog = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "sql-parse-watchdog");
            t.setDaemon(true);
            return t;
        });
        this.watchdog.setRemoveOnCancelPolicy(true);
    }

    /** Statements, or the reason they could not be read. */
    record Outcome(List<Statement> statements, String error) {
        boolean parsed() {
            return error == null;
        }
    }

    Outcome parse(String sql, ParserDialect dialect, int nesting) {
        Outcome outcome = parseAsWritten(sql, dialect, nesting);
        if (outcome.parsed()
                || dialect != ParserDialect.SQLITE
                || outcome.error().equals(timedOut())) {
            return outcome;
        }
        // SQLite reads uuid, long, map, … as names where JSqlParser reserves them: quote them and try again
        String quoted = KeywordNames.quote(sql, dialect.lexical);
        if (quoted.equals(sql)) {
            return outcome;
        }
        Outcome retry = parseAsWritten(quoted, dialect, nesting);
        return retry.parsed() ? retry : outcome;
    }

    private Outcome parseAsWritten(String sql, ParserDialect dialect, int nesting) {
        boolean inline = sql.length() <= INLINE_MAX_LENGTH && nesting <= INLINE_MAX_NESTING;
        List<ParserDialect> attempts = new ArrayList<>(2);
        attempts.add(dialect);
        if (dialect != ParserDialect.GENERIC) {
            attempts.add(ParserDialect.GENERIC);
        } else if (sql.indexOf('[') >= 0) {
            attempts.add(ParserDialect.SQLSERVER);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        String firstError = null;
        for (ParserDialect attempt : attempts) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return new Outcome(List.of(), firstError != null ? firstError : timedOut());
            }
            try {
                CCJSqlParser parser = CCJSqlParserUtil.newParser(sql).withTimeOut(left);
                attempt.configure(parser);
                Statements statements =
                        inline ? parseHere(parser, left) : CCJSqlParserUtil.parseStatements(parser, workers);
                List<Statement> list = new ArrayList<>(statements.size());
                for (Statement s : statements) {
                    if (s != null) {
                        list.add(s);
                    }
                }
                if (list.isEmpty()) {
                    return new Outcome(List.of(), "no statement");
                }
                return new Outcome(list, null);
            } catch (JSQLParserException | RuntimeException | StackOverflowError e) {
                String message = describe(e);
                if (message.equals(timedOut())) {
                    return new Outcome(List.of(), message);
                }
                firstError = firstError == null ? message : firstError;
            }
        }
        return new Outcome(List.of(), firstError);
    }

    private Statements parseHere(CCJSqlParser parser, long millis) throws JSQLParserException {
        ScheduledFuture<?> alarm = watchdog.schedule(
                () -> {
                    parser.interrupted = true;
                },
                millis,
                TimeUnit.MILLISECONDS);
        try {
            return parser.Statements();
        } catch (ParseException e) {
            if (parser.interrupted) {
                throw new JSQLParserException(new TimeoutException());
            }
            throw new JSQLParserException(e);
        } finally {
            alarm.cancel(false);
        }
    }

    private String timedOut() {
        return "parse timed out after " + timeoutMillis + " ms";
    }

    /** A short reason without the SQL's values: those may be personal data. */
    String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return timedOut();
            }
            if (t instanceof ParseException pe && pe.currentToken != null) {
                Token bad = pe.currentToken.next != null ? pe.currentToken.next : pe.currentToken;
                return "unexpected " + describe(bad) + afterKeywordName(pe.currentToken, bad) + " at line "
                        + bad.beginLine + ", column " + bad.beginColumn;
            }
            if (t instanceof TokenMgrException) {
                Matcher m = LINE_COLUMN.matcher(String.valueOf(t.getMessage()));
                return m.find()
                        ? "unreadable text at line " + m.group(1) + ", column " + m.group(2)
                        : "unreadable text";
            }
            if (t instanceof StackOverflowError) {
                return "too deeply nested to parse";
            }
        }
        return "parser failure (" + e.getClass().getSimpleName() + ")";
    }

    /** " after long (a keyword to the parser)" when the token before the bad one is such a word used as a name. */
    private static String afterKeywordName(Token before, Token bad) {
        if (before == bad
                || before.image == null
                || !KeywordNames.WORDS.contains(before.image.toLowerCase(Locale.ROOT))) {
            return "";
        }
        return " after " + before.image + " (a keyword to the parser: as a column write \"" + before.image + "\")";
    }

    private static String describe(Token token) {
        switch (token.kind) {
            case CCJSqlParserConstants.EOF:
                return "end of SQL";
            case CCJSqlParserConstants.S_CHAR_LITERAL:
                return "string literal";
            case CCJSqlParserConstants.S_LONG:
            case CCJSqlParserConstants.S_DOUBLE:
            case CCJSqlParserConstants.S_HEX:
                return "number";
            case CCJSqlParserConstants.S_QUOTED_IDENTIFIER:
                return "quoted identifier";
            default:
                String image = token.image == null ? "" : token.image;
                return image.length() <= 30 ? "\"" + image + "\"" : "token";
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        watchdog.shutdownNow();
    }
}
