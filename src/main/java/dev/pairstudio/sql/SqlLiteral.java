package dev.pairstudio.sql;

/**
 * One literal (or comment) in a SQL text, as character offsets into that text.
 *
 * @param start      first character of the token, quotes and prefix included
 * @param end        one past the last character of the token
 * @param valueStart first character of the value: inside the quotes for strings, the token for numbers
 * @param valueEnd   one past the value
 */
public record SqlLiteral(Kind kind, int start, int end, int valueStart, int valueEnd) {

    public enum Kind {
        /** {@code 'text'}, {@code N'text'}, {@code E'text'}, {@code $$text$$}; MySQL's {@code "text"}. */
        STRING,
        /** {@code 42}, {@code 4.2}, {@code .5}, {@code 1e9}, {@code 0x1F}. */
        NUMBER,
        /** {@code -- text} and {@code /* text *\/}: not SQL, but a place where values hide. */
        COMMENT
    }

    public String value(String sql) {
        return sql.substring(valueStart, valueEnd);
    }

    public String token(String sql) {
        return sql.substring(start, end);
    }
}
