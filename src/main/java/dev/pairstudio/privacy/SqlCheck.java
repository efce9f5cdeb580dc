package dev.pairstudio.privacy;

/** How the anonymized SQL was checked (see {@link ReparseCheck}). */
public enum SqlCheck {
    /** No literal changed. */
    UNCHANGED,
    /** The anonymized SQL parses. */
    PARSES,
    /** The original did not parse either; the literals keep their number and kinds. */
    SAME_LITERALS,
    /** The first replacement broke the SQL; every SQL finding was redacted to plain text instead. */
    REDACTED_TO_PARSE
}
