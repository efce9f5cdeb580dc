package dev.pairstudio.schema;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.sql.ParsedSql;
import dev.pairstudio.sql.SqlAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Validates one pair against its database's schema: names (tables, columns, ambiguity), whether
 * it runs (read statements only: real SQLite's EXPLAIN for SQLite pairs, which is the judge — a
 * query it accepts gets no error flag, one it rejects always gets one, with SQLite's message —
 * H2's EXPLAIN in the matching mode for other dialects, or a live database's), writes in a read-only dataset, LIMIT without ORDER
 * BY, and question/SQL consistency. Thread-safe; share one per run. SQL that does not parse is
 * never valid against its schema: its validation says UNPARSEABLE, with the parser's reason.
 */
public final class PairValidator implements AutoCloseable {
    /** Stored setting: "true" when the dataset's questions are read-only (DML/DDL is then flagged). */
    public static final String READ_ONLY_SETTING = "validation.read_only";

    private final SqlAnalyzer analyzer;
    private final Predicate<String> readOnly;
    private final ExplainCheck explain;
    private final SqliteCheck sqlite;
    private final Map<String, LiveExplain> live;

    /**
     * @param readOnly       flag DML/DDL as {@link QualityFlag#WRITE_STATEMENT}
     * @param explainMillis  time limit of one EXPLAIN
     */
    public PairValidator(SqlAnalyzer analyzer, boolean readOnly, long explainMillis) {
        this(analyzer, database -> readOnly, explainMillis);
    }

    /** @param readOnly which database names hold read-only questions ({@link ReadOnlyDatabases}) */
    public PairValidator(SqlAnalyzer analyzer, Predicate<String> readOnly, long explainMillis) {
        this(analyzer, readOnly, explainMillis, Map.of());
    }

    /** @param live live connections by database name: their pairs are EXPLAINed there instead of in H2 */
    public PairValidator(
            SqlAnalyzer analyzer, Predicate<String> readOnly, long explainMillis, Map<String, LiveExplain> live) {
        this.analyzer = analyzer;
        this.readOnly = readOnly;
        this.live = Map.copyOf(live);
        this.explain = new ExplainCheck(explainMillis);
        this.sqlite = new SqliteCheck(explainMillis);
    }

    private static boolean isSqlite(String databaseType) {
        return databaseType != null && databaseType.toLowerCase(Locale.ROOT).contains("sqlite");
    }

    public Validation validate(Pair pair, LoadedSchema schema) {
        Findings findings = new Findings(pair.sql(), pair.question());
        String dialect = pair.databaseType() != null
                ? pair.databaseType()
                : schema.schema().dialect();
        ParsedSql parsed = analyzer.parse(pair.sql(), pair.databaseType());
        LiveExplain liveDb = pair.databaseName() == null ? null : live.get(pair.databaseName());
        Optional<SqliteCheck.Verdict> judge =
                liveDb == null && isSqlite(dialect) && SqlAnalyzer.singleRead(pair.sql(), dialect)
                        ? sqlite.explain(pair.sql(), schema.id(), schema.schema())
                        : Optional.empty();
        if (!parsed.parsed()) {
            if (judge.isPresent() && judge.get().accepted()) {
                return new Validation(schema.id(), findings.messages()); // real SQLite runs it: that is the verdict
            }
            if (judge.isPresent() && analyzer.analyze(pair.sql(), dialect).parsed()) {
                // SQLite reads its syntax (which JSqlParser lacks) but not its names: no parse tree of ours to say more
                findings.inSql(
                        QualityFlag.DOES_NOT_RUN,
                        judge.get().offendingPart(),
                        "does not run in SQLite: " + judge.get().reason());
                return new Validation(schema.id(), findings.messages());
            }
            findings.inSql(
                    QualityFlag.UNPARSEABLE,
                    judge.map(SqliteCheck.Verdict::offendingPart).orElse(null),
                    "does not parse (" + parsed.error() + ")"
                            + judge.map(v -> "; SQLite: " + v.reason()).orElse("")
                            + ", so its tables and columns cannot be checked against the schema");
            return new Validation(schema.id(), findings.messages());
        }
        boolean reads = true;
        boolean readOnlyDataset = readOnly.test(pair.databaseName());
        List<String> values = new ArrayList<>();
        boolean unordered = false;
        for (Statement s : parsed.statements()) {
            NameResolver resolver = new NameResolver(schema.catalog(), findings, dialect);
            try {
                resolver.check(s);
            } catch (RuntimeException e) {
                // a statement shape the resolver does not know: no verdict on its names
            }
            values.addAll(resolver.conditionValues());
            unordered |= resolver.unorderedLimit();
            if (!(s instanceof Select)) {
                reads = false;
                if (readOnlyDataset) {
                    String kind = s.getClass().getSimpleName().toUpperCase(Locale.ROOT);
                    findings.inSql(
                            QualityFlag.WRITE_STATEMENT,
                            firstWord(pair.sql()),
                            kind + " in a dataset whose questions are read-only: it is never run");
                }
            }
        }
        if (unordered) {
            findings.inSql(
                    QualityFlag.NON_DETERMINISTIC, "limit", "LIMIT without ORDER BY: which rows come back may vary");
        }
        Optional<String> mode = H2Mode.of(dialect);
        boolean namesOk = !findings.any(QualityFlag.UNKNOWN_TABLE)
                && !findings.any(QualityFlag.UNKNOWN_COLUMN)
                && !findings.any(QualityFlag.AMBIGUOUS_COLUMN);
        if (judge.isPresent()) {
            SqliteCheck.Verdict verdict = judge.get();
            if (verdict.accepted()) {
                findings.dropSchemaErrors(); // SQLite runs it, so what our resolver found is a false alarm
            } else {
                findings.inSql(
                        QualityFlag.DOES_NOT_RUN,
                        verdict.offendingPart(),
                        "does not run in SQLite: " + verdict.reason());
            }
        } else if (liveDb != null) {
            // a write is sent only where allowed, and never in a dataset of read-only questions
            if (namesOk && parsed.statements().size() == 1 && (reads || !readOnlyDataset)) {
                liveDb.explain(pair.sql(), !reads)
                        .ifPresent(reason -> findings.inSql(
                                QualityFlag.DOES_NOT_RUN,
                                null,
                                "does not run against the live database of " + liveDb.databaseName() + ": " + reason));
            }
        } else if (reads && namesOk && mode.isPresent() && parsed.statements().size() == 1) {
            explain.explain(pair.sql(), schema.id(), schema.schema(), mode.get())
                    .ifPresent(reason -> findings.inSql(
                            QualityFlag.DOES_NOT_RUN, null, "does not run in H2's " + mode.get() + " mode: " + reason));
        }
        Object evidence = pair.metadata().get("evidence");
        ConsistencyCheck.check(
                pair.question(), evidence == null ? null : evidence.toString(), pair.sql(), values, findings);
        return new Validation(schema.id(), findings.messages());
    }

    private static String firstWord(String sql) {
        String s = sql == null ? "" : sql.strip();
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return s.substring(0, end);
    }

    @Override
    public void close() {
        explain.close();
        sqlite.close();
    }
}
