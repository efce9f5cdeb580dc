package dev.pairstudio.ingest;

/**
 * A record that was not imported, or a file that could not be read.
 *
 * @param line 1-based line where the record starts, 0 for the file as a whole
 */
public record ImportProblem(String file, long line, String reason) {
    @Override
    public String toString() {
        return line > 0 ? file + " line " + line + ": " + reason : file + ": " + reason;
    }
}
