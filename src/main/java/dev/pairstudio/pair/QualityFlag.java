package dev.pairstudio.pair;

/**
 * Data-quality signals a curator filters on. Stored as a bit set: the ordinal is the bit,
 * so new flags are only ever appended.
 */
public enum QualityFlag {
    /** The SQL did not parse in its dialect nor in the generic grammar. */
    UNPARSEABLE,
    /** The assistant reported that the SQL failed when it ran. */
    FAILED_EXECUTION,
    /** Same normalised question and SQL fingerprint as another pair. */
    DUPLICATE,
    /** Same normalised question as another pair, different SQL: a reviewer must decide. */
    CONFLICT,
    /** A question at least as similar as the near-duplicate threshold to another pair's. */
    NEAR_DUPLICATE,
    /** The privacy engine found personal data in the question or the SQL. */
    CONTAINS_PII,
    /** The question is shorter than 10 characters. */
    SHORT_QUESTION,
    /** Soft hint: the statement type contradicts the question ("delete" in an INSERT pair). */
    TYPE_MISMATCH;

    public long bit() {
        return 1L << ordinal();
    }
}
