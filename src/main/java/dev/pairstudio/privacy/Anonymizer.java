package dev.pairstudio.privacy;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.sql.SqlLiteral;
import dev.pairstudio.sql.SqlLiterals;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Anonymizes texts and pairs under a {@link Policy}: detection in the question and inside the SQL's
 * literal spans only (identifiers and keywords are never touched), one operator per type, and a
 * check that the anonymized SQL still parses. Thread-safe; build one per policy and key.
 */
public final class Anonymizer {
    /** Per text and custom rule; a rule that needs longer fails the text instead of skipping it. */
    public static final long DEFAULT_RULE_TIME_LIMIT_MS = 200;

    private final Policy policy;
    private final Pseudonymizer pseudonymizer;
    private final DetectorSet detectors;

    /** @throws InvalidRuleException when a custom rule, allow-list pattern or phone region is unusable */
    public Anonymizer(Policy policy, Pseudonymizer pseudonymizer) {
        this(policy, pseudonymizer, DEFAULT_RULE_TIME_LIMIT_MS);
    }

    public Anonymizer(Policy policy, Pseudonymizer pseudonymizer, long ruleTimeLimitMs) {
        this.policy = policy;
        this.pseudonymizer = pseudonymizer;
        this.detectors = new DetectorSet(policy, ruleTimeLimitMs * 1_000_000L);
    }

    public Policy policy() {
        return policy;
    }

    /** Findings in a plain text, without changing it. */
    public List<Finding> detect(String text, Field field) {
        return detectors.detect(text, 0, text.length(), field, null);
    }

    public AnonymizedText anonymizeText(String text) {
        return anonymizeText(text, Field.TEXT);
    }

    /** @throws AnonymizationException when a custom rule runs out of time on this text */
    public AnonymizedText anonymizeText(String text, Field field) {
        return rewrite(field, text, detectors.detect(text, 0, text.length(), field, null), null, false);
    }

    public AnonymizedPair anonymize(Pair pair) {
        return anonymizePair(pair.question(), pair.sql(), pair.databaseType(), pair.databaseName());
    }

    /**
     * The question, the SQL's literals and the database name, with one surrogate per value across
     * all three.
     *
     * @throws AnonymizationException when a custom rule runs out of time, or no replacement keeps the SQL parsing
     */
    public AnonymizedPair anonymizePair(String question, String sql, String databaseType, String databaseName) {
        String dbName = databaseName == null || databaseName.isBlank() ? null : databaseName;
        SqlLiterals.Dialect dialect = SqlLiterals.Dialect.of(databaseType);
        // A database named like one of the SQL's own identifiers ("flights" in FROM flights) is
        // schema vocabulary: replacing it in the question would make question and SQL disagree.
        Detector dbDetector =
                dbName == null || dbName.length() < 2 || namesAnIdentifier(sql, SqlLiterals.find(sql, dialect), dbName)
                        ? null
                        : new DatabaseNameDetector(dbName);
        AnonymizedText q = rewrite(
                Field.QUESTION,
                question,
                detectors.detect(question, 0, question.length(), Field.QUESTION, dbDetector),
                null,
                false);
        SqlResult s = anonymizeSql(sql, dialect, databaseType, dbDetector);
        if (s.leaked() != null && dialect == SqlLiterals.Dialect.STANDARD) {
            // no known dialect: the value may sit in a string that MySQL's backslash escapes delimit
            SqlResult mysql = anonymizeSql(sql, SqlLiterals.Dialect.MYSQL, databaseType, dbDetector);
            s = mysql.leaked() == null ? mysql : s;
        }
        if (s.leaked() != null) {
            throw new AnonymizationException("a value the policy anonymizes ("
                    + s.leaked().label() + ") sits where no SQL literal can be rewritten safely");
        }
        AnonymizedText db = null;
        if (dbName != null) {
            Finding f = new Finding(Field.DATABASE_NAME, 0, dbName.length(), PiiType.DB_NAME, 1.0);
            db = rewrite(Field.DATABASE_NAME, dbName, List.of(f), null, false);
        }
        return new AnonymizedPair(q, s.text(), db, s.check());
    }

    /** The anonymized SQL, how it was checked, and the type of a value it would still hold (null: none). */
    private record SqlResult(AnonymizedText text, SqlCheck check, PiiType leaked) {}

    private SqlResult anonymizeSql(String sql, SqlLiterals.Dialect dialect, String databaseType, Detector dbDetector) {
        SqlValues values = SqlValues.of(sql, dialect);
        List<Finding> sqlFindings = new ArrayList<>(0);
        List<SqlValueCodec> codecs = new ArrayList<>(0);
        for (int k = 0; k < values.size(); k++) {
            SqlLiteral lit = values.get(k);
            boolean name = values.isName(k);
            SqlValueCodec codec = new SqlValueCodec(sql, lit, dialect, name);
            for (Finding f : detectInValue(sql, lit, codec, name ? null : dbDetector)) {
                if (name && !f.type().isValidated()) {
                    continue; // a quoted name is a value only when a validated detector says so
                }
                sqlFindings.add(f);
                codecs.add(codec);
            }
        }
        PiiType leaked = leaked(sql, sqlFindings);
        SqlCheck check = SqlCheck.UNCHANGED;
        AnonymizedText s = rewrite(Field.SQL, sql, sqlFindings, codecs, false);
        if (s.changed()) {
            check = SqlCheck.PARSES;
            if (!ReparseCheck.holdsCheaply(sql, s.after(), dialect, databaseType, inserted(s))) {
                s = rewrite(Field.SQL, sql, sqlFindings, codecs, true);
                if (!ReparseCheck.holds(sql, s.after(), dialect, databaseType)) {
                    throw new AnonymizationException("the anonymized SQL no longer parses, even with plain redaction");
                }
                check = SqlCheck.REDACTED_TO_PARSE;
            }
        }
        return new SqlResult(s, check, leaked);
    }

    /**
     * Findings in a literal's value, read as the database reads it: a value with escapes
     * ({@code O''Brien}) is detected in its decoded form, so that it matches the question's
     * spelling, and each finding then covers whole escapes of the raw text.
     */
    private List<Finding> detectInValue(String sql, SqlLiteral lit, SqlValueCodec codec, Detector dbDetector) {
        int vs = lit.valueStart();
        int[] raw = codec.rawOffsets(lit.value(sql));
        if (raw == null) {
            return detectors.detect(sql, vs, lit.valueEnd(), Field.SQL, dbDetector);
        }
        String decoded = codec.decode(lit.value(sql));
        String text = sql.substring(0, vs) + decoded + sql.substring(lit.valueEnd());
        List<Finding> out = new ArrayList<>();
        for (Finding f : detectors.detect(text, vs, vs + decoded.length(), Field.SQL, dbDetector)) {
            out.add(f.at(vs + raw[f.start() - vs], vs + raw[f.end() - vs]));
        }
        return out;
    }

    /**
     * A validated value that the whole SQL shows but no replaced finding covers (a lexer that reads
     * the quoting differently from the database would leave it), or null.
     */
    private PiiType leaked(String sql, List<Finding> replaced) {
        for (Finding f : detectors.detect(sql, 0, sql.length(), Field.SQL, null)) {
            if (!f.type().isValidated() || policy.operatorFor(f.type()) == Operator.KEEP) {
                continue;
            }
            boolean covered = false;
            for (Finding r : replaced) {
                covered |= r.overlaps(f);
            }
            if (!covered) {
                return f.type();
            }
        }
        return null;
    }

    private static List<String> inserted(AnonymizedText t) {
        List<String> out = new ArrayList<>(t.replacements().size());
        for (Replacement r : t.replacements()) {
            out.add(t.after().substring(r.afterStart(), r.afterEnd()));
        }
        return out;
    }

    /** Whether {@code name} occurs as a whole word in the SQL outside its literals and comments. */
    static boolean namesAnIdentifier(String sql, List<SqlLiteral> literals, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int from = 0;
        for (SqlLiteral lit : literals) {
            if (containsWord(sql.substring(from, lit.start()).toLowerCase(Locale.ROOT), lower)) {
                return true;
            }
            from = lit.end();
        }
        return containsWord(sql.substring(from).toLowerCase(Locale.ROOT), lower);
    }

    private static boolean containsWord(String text, String word) {
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            int end = i + word.length();
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '_';
            boolean endOk =
                    end == text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '_';
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }

    /** @param codecs for SQL, per finding the codec of the literal it lies in; null for plain text */
    private AnonymizedText rewrite(
            Field field, String text, List<Finding> findings, List<SqlValueCodec> codecs, boolean plain) {
        if (findings.isEmpty()) {
            return new AnonymizedText(field, text, text, List.of());
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        List<Replacement> reps = new ArrayList<>(findings.size());
        int pos = 0;
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            out.append(text, pos, f.start());
            String raw = text.substring(f.start(), f.end());
            Operator op = policy.operatorFor(f.type());
            String replacement;
            if (codecs == null) {
                replacement = replace(f.type(), raw, op, false);
            } else {
                SqlValueCodec codec = codecs.get(i);
                String value = codec.decode(raw);
                String fresh = plain && op != Operator.KEEP
                        ? (codec.numeric() ? "0" : "REDACTED")
                        : replace(f.type(), value, op, codec.numeric());
                replacement = op == Operator.KEEP ? raw : codec.encode(fresh);
            }
            int start = out.length();
            out.append(replacement);
            reps.add(new Replacement(f, op, start, out.length()));
            pos = f.end();
        }
        out.append(text, pos, text.length());
        return new AnonymizedText(field, text, out.toString(), reps);
    }

    private String replace(PiiType type, String value, Operator op, boolean numeric) {
        return switch (op) {
            case KEEP -> value;
            case PSEUDONYMIZE ->
                numeric
                        ? numeric(pseudonymizer.pseudonym(type, value), type, value)
                        : pseudonymizer.pseudonym(type, value);
            case MASK -> mask(value, numeric ? '0' : '*');
            case REDACT -> numeric ? "0" : "<" + type.label() + ">";
            case HASH ->
                numeric
                        ? pseudonymizer.hashDigits(
                                type, value, Shapes.digitsOf(value).length())
                        : pseudonymizer.hashToken(type, value);
        };
    }

    /** A surrogate for a numeric literal: its digits, or keyed digits when it has none. */
    private String numeric(String surrogate, PiiType type, String value) {
        String d = Shapes.digitsOf(surrogate);
        return d.isEmpty()
                ? pseudonymizer.hashDigits(type, value, Shapes.digitsOf(value).length())
                : d;
    }

    /** Letters and digits become {@code with}, except the last four. */
    static String mask(String value, char with) {
        int keep = 4;
        StringBuilder sb = new StringBuilder(value);
        for (int i = sb.length() - 1; i >= 0; i--) {
            char c = sb.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (keep > 0) {
                    keep--;
                } else {
                    sb.setCharAt(i, with);
                }
            }
        }
        return sb.toString();
    }
}
