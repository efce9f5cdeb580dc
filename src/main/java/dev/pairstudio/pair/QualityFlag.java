package dev.pairstudio.pair;

/**
 * Data-quality signals a curator filters on. Stored as a bit set: the ordinal is the bit,
 * so new flags are only ever appended.
 */
public enum QualityFlag {
    /** The SQL did not parse in its dialect nor in the generic grammar. */
    UNPARSEABLE("SQL does not parse"),
    /** The assistant reported that the SQL failed when it ran. */
    FAILED_EXECUTION("Execution failed"),
    /** Same normalised question and SQL fingerprint as another pair. */
    DUPLICATE("Exact duplicate"),
    /** Same normalised question as another pair, different SQL: a reviewer must decide. */
    CONFLICT("Conflict (same question, other SQL)"),
    /** A question at least as similar as the near-duplicate threshold to another pair's. */
    NEAR_DUPLICATE("Near-duplicate question"),
    /** The privacy engine found personal data in the question or the SQL. */
    CONTAINS_PII("Contains personal data"),
    /** The question is shorter than 10 characters. */
    SHORT_QUESTION("Question under 10 characters"),
    /** Soft hint: the statement type contradicts the question ("delete" in an INSERT pair). */
    TYPE_MISMATCH("Statement type contradicts question"),
    /** Checked against the database's schema: the SQL names a table the schema lacks. */
    UNKNOWN_TABLE("Table not in the schema"),
    /** Checked against the schema: a column no table in scope has. */
    UNKNOWN_COLUMN("Column not in the schema"),
    /** Checked against the schema: an unqualified column that more than one table in scope has. */
    AMBIGUOUS_COLUMN("Ambiguous column"),
    /** Checked against the schema: EXPLAIN in H2's matching compatibility mode rejects the SQL. */
    DOES_NOT_RUN("Does not run against the schema"),
    /** DML or DDL in a dataset whose setting says its questions are read-only. */
    WRITE_STATEMENT("Writes in a read-only dataset"),
    /** Soft hint: LIMIT (TOP, FETCH FIRST) without ORDER BY, so the rows returned may vary. */
    NON_DETERMINISTIC("LIMIT without ORDER BY"),
    /** Soft hint: a WHERE/HAVING literal that neither the question nor its evidence mentions. */
    LITERAL_NOT_IN_QUESTION("SQL value not in the question"),
    /** Soft hint: a quoted value in the question that the SQL does not contain. */
    QUESTION_VALUE_NOT_IN_SQL("Question value not in the SQL");

    private final String label;

    QualityFlag(String label) {
        this.label = label;
    }

    /** What the window and the command line call this flag ("Column not in the schema"). */
    public String label() {
        return label;
    }

    /**
     * Whether this flag means the SQL is wrong against its schema (the other validation flags are
     * hints): SQL that does not parse is never valid against its schema.
     */
    public boolean schemaError() {
        return this == UNPARSEABLE
                || this == UNKNOWN_TABLE
                || this == UNKNOWN_COLUMN
                || this == AMBIGUOUS_COLUMN
                || this == DOES_NOT_RUN
                || this == WRITE_STATEMENT;
    }

    public long bit() {
        return 1L << ordinal();
    }
}
