package dev.pairstudio.schema;

import dev.pairstudio.pair.QualityFlag;

/**
 * What one check found, and where.
 *
 * @param field "sql" or "question": the text {@code start}/{@code end} point into
 * @param start first character of the offending part, -1 when it cannot be located
 * @param end   one past its last character, -1 with {@code start}
 */
public record ValidationMessage(QualityFlag flag, String field, int start, int end, String text) {
    public static final String SQL = "sql";
    public static final String QUESTION = "question";

    @Override
    public String toString() {
        return flag + ": " + text;
    }
}
