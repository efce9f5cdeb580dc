package dev.pairstudio.privacy;

/** How the anonymized SQL was checked (see {@link ReparseCheck}). */
public enum SqlCheck {
    /** No literal changed. */
    UNCHANGED,
    /**
     * The anonymized SQL is as valid as the original: it parses, or only literal values changed, in
     * ways no SQL lexer reads differently, or (original unparseable) the literals kept number and kind.
     */
    PARSES,
    /** The first replacement broke the SQL; every SQL finding was redacted to plain text instead. */
    REDACTED_TO_PARSE
}
