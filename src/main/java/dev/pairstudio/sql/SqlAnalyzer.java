package dev.pairstudio.sql;

import dev.pairstudio.pair.QueryType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import net.sf.jsqlparser.statement.Statement;

/**
 * Analyses one pair's SQL: statement type, tables, literal spans, template fingerprint and
 * complexity. Thread-safe and meant to be shared (one per application). It never throws out of
 * {@link #analyze} and answers within about the parse time-out: oversized or absurdly nested
 * input is not handed to the parser at all, and its result says why.
 *
 * <p>Many pairs share a template (the same question shape with other values), so the parsed
 * facts are cached; a cache hit costs one lexer pass. The cache key is not the template: a
 * template forgets what can make a text unparseable (a string left open, an empty IN-list item,
 * {@code < =} against {@code <=}), so the key is a {@link #parseKey} that keeps everything the
 * parser can see except the values themselves. Literal spans are always computed from the pair's
 * own text.
 */
public final class SqlAnalyzer implements AutoCloseable {
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    /**
     * @param parseTimeoutMillis time allowed for parsing one SQL field, all dialect attempts together
     * @param maxLength          longer SQL is not parsed
     * @param maxNesting         SQL with parentheses nested deeper than this is not parsed
     * @param cacheSize          templates whose parse results are kept; 0: none (every text parsed, the reference
     *                           the cache is tested against)
     */
    public record Options(long parseTimeoutMillis, int maxLength, int maxNesting, int cacheSize) {
        public static final Options DEFAULTS = new Options(2_000, 100_000, 200, 100_000);
    }

    /** The parsed facts of one template, shared by all pairs with that template. */
    private record Shape(QueryType type, List<String> tables, Complexity complexity, int statementCount) {}

    private final Options options;
    private final StatementParser parser;
    private final Map<String, Shape> cache = new ConcurrentHashMap<>();

    public SqlAnalyzer() {
        this(Options.DEFAULTS);
    }

    public SqlAnalyzer(Options options) {
        this.options = options;
        this.parser = new StatementParser(options.parseTimeoutMillis());
    }

    /**
     * @param sql          the pair's SQL; null and blank give an unparsed, empty analysis
     * @param databaseType the pair's {@code database_type} (postgresql, mysql, sqlite, sqlserver,
     *                     oracle, …); null or unknown uses the generic grammar
     */
    public SqlAnalysis analyze(String sql, String databaseType) {
        String text = sql == null ? "" : sql;
        ParserDialect dialect = ParserDialect.of(databaseType);
        List<SqlLiteral> literals = List.of();
        try {
            literals = SqlLiterals.find(text, dialect.lexical);
            return analyze(text, dialect, literals);
        } catch (RuntimeException | StackOverflowError e) {
            // a bug of ours must not lose the pair: report it like a parse failure
            return new SqlAnalysis(
                    QueryType.OTHER,
                    List.of(),
                    literals,
                    SqlTemplate.hash(""),
                    Complexity.NONE,
                    false,
                    "analysis failed (" + e.getClass().getSimpleName() + ")",
                    0);
        }
    }

    /**
     * Parses SQL (or a script of statements) in the dialect of {@code databaseType}, with the
     * analysis's time and size limits; never throws. The statements are fresh objects the caller owns.
     */
    public ParsedSql parse(String sql, String databaseType) {
        String text = sql == null ? "" : sql;
        if (text.length() > options.maxLength()) {
            return new ParsedSql(List.of(), "SQL longer than " + options.maxLength() + " characters is not parsed");
        }
        try {
            ParserDialect dialect = ParserDialect.of(databaseType);
            int nesting =
                    maxNesting(SqlTokenizer.tokenize(text, SqlLiterals.find(text, dialect.lexical), dialect.lexical));
            if (nesting > options.maxNesting()) {
                return new ParsedSql(
                        List.of(),
                        "parentheses nested " + nesting + " deep (limit " + options.maxNesting() + ") are not parsed");
            }
            StatementParser.Outcome outcome = parser.parse(text, dialect, nesting);
            return new ParsedSql(outcome.statements(), outcome.error());
        } catch (RuntimeException | StackOverflowError e) {
            return new ParsedSql(List.of(), "parser failure (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Whether {@code sql} is, lexically, one reading statement (SELECT, WITH … SELECT, VALUES):
     * what may be handed to a database's EXPLAIN without any risk of a write. Works on unparseable text.
     */
    public static boolean singleRead(String sql, String databaseType) {
        if (sql == null) {
            return false;
        }
        SqlLiterals.Dialect lexical = ParserDialect.of(databaseType).lexical;
        return singleRead(SqlTokenizer.tokenize(sql, SqlLiterals.find(sql, lexical), lexical));
    }

    private static boolean singleRead(List<SqlToken> tokens) {
        return countStatements(tokens) == 1 && StatementTypes.guess(tokens) == QueryType.SELECT;
    }

    /** The literal spans of {@code sql} as the lexer of {@code databaseType}'s dialect reads them. */
    public static List<SqlLiteral> literals(String sql, String databaseType) {
        return SqlLiterals.find(sql, ParserDialect.of(databaseType).lexical);
    }

    /** SQL past a parsing limit: typed by its first keyword, nothing else read from it. */
    private static SqlAnalysis tooLarge(
            List<SqlToken> tokens, List<SqlLiteral> literals, String fingerprint, String reason) {
        return unparsed(
                StatementTypes.guess(tokens),
                List.of(),
                literals,
                fingerprint,
                Complexity.NONE,
                reason,
                countStatements(tokens));
    }

    private SqlAnalysis analyze(String sql, ParserDialect dialect, List<SqlLiteral> literals) {
        List<SqlToken> tokens = SqlTokenizer.tokenize(sql, literals, dialect.lexical);
        String fingerprint = SqlTemplate.hash(SqlTemplate.of(tokens));
        if (tokens.stream().allMatch(t -> t.isSymbol(';'))) {
            return unparsed(QueryType.OTHER, List.of(), literals, fingerprint, Complexity.NONE, "empty SQL", 0);
        }
        if (sql.length() > options.maxLength()) {
            return tooLarge(
                    tokens,
                    literals,
                    fingerprint,
                    "SQL longer than " + options.maxLength() + " characters is not parsed");
        }
        int nesting = maxNesting(tokens);
        if (nesting > options.maxNesting()) {
            return tooLarge(
                    tokens,
                    literals,
                    fingerprint,
                    "parentheses nested " + nesting + " deep (limit " + options.maxNesting() + ") are not parsed");
        }
        String key = dialect.ordinal() + ":" + SqlTemplate.hash(parseKey(sql, tokens, literals));
        Shape shape = options.cacheSize() > 0 ? cache.get(key) : null;
        if (shape == null) {
            StatementParser.Outcome outcome = parser.parse(sql, dialect, nesting);
            LexicalEstimate estimate = outcome.parsed() ? null : LexicalEstimate.of(tokens);
            if (!outcome.parsed() && !sqliteReads(sql, dialect, tokens)) {
                return unparsed(
                        StatementTypes.guess(tokens),
                        estimate.tables(),
                        literals,
                        fingerprint,
                        estimate.complexity(),
                        outcome.error(),
                        countStatements(tokens));
            }
            // parsed by JSqlParser, or SQLite's own syntax that JSqlParser lacks (its facts then estimated from the
            // tokens)
            shape = outcome.parsed()
                    ? inspect(outcome.statements(), tokens)
                    : new Shape(StatementTypes.guess(tokens), estimate.tables(), estimate.complexity(), 1);
            if (options.cacheSize() > 0) {
                if (cache.size() >= options.cacheSize()) {
                    cache.clear(); // crude but bounded; a rebuild costs one parse per template
                }
                cache.put(key, shape);
            }
        }
        return new SqlAnalysis(
                shape.type(),
                shape.tables(),
                literals,
                fingerprint,
                shape.complexity(),
                true,
                null,
                shape.statementCount());
    }

    /** A SQLite pair's single reading statement that real SQLite reads whole ({@link SqliteSyntax}). */
    private static boolean sqliteReads(String sql, ParserDialect dialect, List<SqlToken> tokens) {
        return dialect == ParserDialect.SQLITE && singleRead(tokens) && SqliteSyntax.accepts(sql);
    }

    /**
     * What decides whether (and how) a text parses, without its values: every token as written
     * (words lower-cased), string literals reduced to their prefix, quotes and whether they are
     * closed (kept whole when they hold a backslash: dialects read escapes differently), numbers
     * with their digit runs reduced to one digit, whether two neighbouring tokens of the same class (symbols, or non-symbols) touch
     * ({@code <=} vs {@code < =}, {@code 1x} vs {@code 1 x}), and any block comment left open.
     * Two texts with the same key differ only in string contents and digits, which the grammar
     * does not look at.
     */
    static String parseKey(String sql, List<SqlToken> tokens, List<SqlLiteral> literals) {
        StringBuilder key = new StringBuilder(sql.length());
        int lit = 0;
        SqlToken previous = null;
        for (SqlToken t : tokens) {
            if (previous != null) {
                boolean sameClass = (previous.kind() == SqlToken.Kind.SYMBOL) == (t.kind() == SqlToken.Kind.SYMBOL);
                key.append(sameClass && previous.end() == t.start() ? "" : " ");
            }
            switch (t.kind()) {
                case STRING -> {
                    while (lit < literals.size() && literals.get(lit).start() < t.start()) {
                        lit++;
                    }
                    SqlLiteral l = literals.get(lit);
                    int backslash = sql.indexOf('\\', l.valueStart());
                    if (backslash >= 0 && backslash < l.valueEnd()) {
                        key.append(sql, l.start(), l.end());
                    } else {
                        key.append(sql, l.start(), l.valueStart())
                                .append(l.valueEnd() < l.end() ? sql.substring(l.valueEnd(), l.end()) : "<open>");
                    }
                }
                case NUMBER -> key.append(DIGITS.matcher(t.text()).replaceAll("9"));
                case QUOTED_IDENTIFIER -> key.append(sql, t.start(), t.end());
                case WORD -> key.append(t.text().toLowerCase(Locale.ROOT));
                default -> key.append(t.text());
            }
            previous = t;
        }
        for (SqlLiteral l : literals) {
            if (l.kind() == SqlLiteral.Kind.COMMENT && sql.startsWith("/*", l.start()) && l.valueEnd() == l.end()) {
                key.append(" <open comment>");
            }
        }
        return key.toString();
    }

    private static Shape inspect(List<Statement> statements, List<SqlToken> tokens) {
        StatementInspector inspector = new StatementInspector();
        try {
            for (Statement s : statements) {
                inspector.inspect(s);
            }
        } catch (RuntimeException e) {
            // JSqlParser's finder refuses a few statement kinds: read their tables from the tokens
            LexicalEstimate estimate = LexicalEstimate.of(tokens);
            TreeSet<String> tables = new TreeSet<>(inspector.tables());
            tables.addAll(estimate.tables());
            return new Shape(
                    StatementTypes.of(statements.get(0)),
                    List.copyOf(tables),
                    estimate.complexity(),
                    statements.size());
        }
        return new Shape(
                StatementTypes.of(statements.get(0)), inspector.tables(), inspector.complexity(), statements.size());
    }

    private static SqlAnalysis unparsed(
            QueryType type,
            List<String> tables,
            List<SqlLiteral> literals,
            String fingerprint,
            Complexity complexity,
            String error,
            int statements) {
        return new SqlAnalysis(type, tables, literals, fingerprint, complexity, false, error, statements);
    }

    private static int maxNesting(List<SqlToken> tokens) {
        int depth = 0;
        int max = 0;
        for (SqlToken t : tokens) {
            if (t.isSymbol('(')) {
                max = Math.max(max, ++depth);
            } else if (t.isSymbol(')')) {
                depth = Math.max(0, depth - 1);
            }
        }
        return max;
    }

    /** Non-empty statements separated by semicolons outside parentheses. */
    private static int countStatements(List<SqlToken> tokens) {
        int count = 0;
        boolean content = false;
        int depth = 0;
        for (SqlToken t : tokens) {
            if (t.isSymbol(';') && depth == 0) {
                count += content ? 1 : 0;
                content = false;
            } else {
                content = true;
                if (t.isSymbol('(')) {
                    depth++;
                } else if (t.isSymbol(')')) {
                    depth = Math.max(0, depth - 1);
                }
            }
        }
        return count + (content ? 1 : 0);
    }

    @Override
    public void close() {
        parser.close();
    }
}
