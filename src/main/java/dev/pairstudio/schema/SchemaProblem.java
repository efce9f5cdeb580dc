package dev.pairstudio.schema;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A part of a schema file that was not imported, and why.
 *
 * @param line      1-based line where the statement (or record) starts
 * @param statement the start of the statement text, for the message
 */
public record SchemaProblem(int line, String statement, String reason) {
    /** A parser's own position inside the reason ("… at line 11, column 25 …"), already counted from the top of the file. */
    private static final Pattern POSITION = Pattern.compile("\\s*\\bat (line \\d+, column \\d+)\\.?");

    /** "line 11, column 25: unexpected "," (the statement from line 8: CREATE …)" when the parser says where, else "line 8: why — CREATE …". */
    @Override
    public String toString() {
        Matcher m = POSITION.matcher(reason);
        if (m.find()) {
            String why = (reason.substring(0, m.start()) + reason.substring(m.end())).trim();
            return m.group(1) + ": " + why + " (the statement from line " + line + ": " + statement + ")";
        }
        return "line " + line + ": " + reason + " — " + statement;
    }
}
