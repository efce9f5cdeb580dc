package dev.pairstudio.schema;

/**
 * A part of a schema file that was not imported, and why.
 *
 * @param line      1-based line where the statement (or record) starts
 * @param statement the start of the statement text, for the message
 */
public record SchemaProblem(int line, String statement, String reason) {
    @Override
    public String toString() {
        return "line " + line + ": " + reason + " — " + statement;
    }
}
