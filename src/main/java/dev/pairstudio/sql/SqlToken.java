package dev.pairstudio.sql;

/**
 * One lexical token of a SQL text, comments left out.
 *
 * @param text the token as written, except quoted identifiers, which hold the unquoted name
 */
record SqlToken(Kind kind, int start, int end, String text) {

    enum Kind {
        /** Keyword or unquoted identifier. */
        WORD,
        /** {@code "x"}, {@code `x`} or {@code [x]}; {@link #text} is the name without quotes. */
        QUOTED_IDENTIFIER,
        STRING,
        NUMBER,
        /** {@code ?}, {@code $1}, {@code :name}, {@code @v}. */
        PARAMETER,
        /** Punctuation and operators, one character each. */
        SYMBOL
    }

    boolean isWord(String upper) {
        return kind == Kind.WORD && text.equalsIgnoreCase(upper);
    }

    boolean isSymbol(char c) {
        return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == c;
    }

    boolean isLiteral() {
        return kind == Kind.STRING || kind == Kind.NUMBER;
    }
}
