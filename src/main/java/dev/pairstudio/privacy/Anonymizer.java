package dev.pairstudio.privacy;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.sql.SqlLiteral;
import dev.pairstudio.sql.SqlLiterals;
import java.util.ArrayList;
import java.util.List;

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
        List<SqlLiteral> literals = SqlLiterals.find(sql, dialect);
        // A database named like one of the SQL's own identifiers ("flights" in FROM flights) is
        // schema vocabulary: replacing it in the question would make question and SQL disagree.
        Detector dbDetector = dbName == null || dbName.length() < 2 || namesAnIdentifier(sql, literals, dbName)
                ? null : new DatabaseNameDetector(dbName);
        AnonymizedText q = rewrite(Field.QUESTION, question,
                detectors.detect(question, 0, question.length(), Field.QUESTION, dbDetector), null, false);

        List<Finding> sqlFindings = new ArrayList<>(0);
        List<SqlLiteral> owners = new ArrayList<>(0);
        for (SqlLiteral lit : literals) {
            for (Finding f : detectors.detect(sql, lit.valueStart(), lit.valueEnd(), Field.SQL, dbDetector)) {
                sqlFindings.add(f);
                owners.add(lit);
            }
        }
        SqlCheck check = SqlCheck.UNCHANGED;
        AnonymizedText s = rewrite(Field.SQL, sql, sqlFindings, new SqlContext(sql, owners, dialect), false);
        if (s.changed()) {
            check = SqlCheck.PARSES;
            if (!ReparseCheck.holdsCheaply(sql, s.after(), dialect, inserted(s))) {
                s = rewrite(Field.SQL, sql, sqlFindings, new SqlContext(sql, owners, dialect), true);
                if (!ReparseCheck.holds(sql, s.after(), dialect)) {
                    throw new AnonymizationException("the anonymized SQL no longer parses, even with plain redaction");
                }
                check = SqlCheck.REDACTED_TO_PARSE;
            }
        }
        AnonymizedText db = null;
        if (dbName != null) {
            Finding f = new Finding(Field.DATABASE_NAME, 0, dbName.length(), PiiType.DB_NAME, 1.0);
            db = rewrite(Field.DATABASE_NAME, dbName, List.of(f), null, false);
        }
        return new AnonymizedPair(q, s, db, check);
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
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        int from = 0;
        for (SqlLiteral lit : literals) {
            if (containsWord(sql.substring(from, lit.start()).toLowerCase(java.util.Locale.ROOT), lower)) {
                return true;
            }
            from = lit.end();
        }
        return containsWord(sql.substring(from).toLowerCase(java.util.Locale.ROOT), lower);
    }

    private static boolean containsWord(String text, String word) {
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            int end = i + word.length();
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '_';
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '_';
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }

    /** The SQL literal each finding lies in, for decoding and re-encoding its value. */
    private record SqlContext(String sql, List<SqlLiteral> owners, SqlLiterals.Dialect dialect) {
    }

    private AnonymizedText rewrite(Field field, String text, List<Finding> findings, SqlContext sql, boolean plain) {
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
            if (sql == null) {
                replacement = replace(f.type(), raw, op, false);
            } else {
                SqlValueCodec codec = new SqlValueCodec(sql.sql(), sql.owners().get(i), sql.dialect());
                String value = codec.decode(raw);
                String fresh = plain && op != Operator.KEEP ? (codec.numeric() ? "0" : "REDACTED")
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
            case PSEUDONYMIZE -> numeric ? numeric(pseudonymizer.pseudonym(type, value), type, value)
                    : pseudonymizer.pseudonym(type, value);
            case MASK -> mask(value, numeric ? '0' : '*');
            case REDACT -> numeric ? "0" : "<" + type.label() + ">";
            case HASH -> numeric ? pseudonymizer.hashDigits(type, value, Shapes.digitsOf(value).length())
                    : pseudonymizer.hashToken(type, value);
        };
    }

    /** A surrogate for a numeric literal: its digits, or keyed digits when it has none. */
    private String numeric(String surrogate, PiiType type, String value) {
        String d = Shapes.digitsOf(surrogate);
        return d.isEmpty() ? pseudonymizer.hashDigits(type, value, Shapes.digitsOf(value).length()) : d;
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
