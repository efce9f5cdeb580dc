package dev.pairstudio.export;

/** An export that could not finish; the message is one clear line for the user. No partial file is left. */
public class ExportException extends RuntimeException {
    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The user cancelled. */
    public static final class Cancelled extends ExportException {
        public Cancelled() {
            super("Export cancelled; no file was written");
        }
    }

    /** The target exists and the policy says not to replace it. */
    public static final class TargetExists extends ExportException {
        public TargetExists(String path) {
            super(path + " already exists; choose another name, or overwrite it (--overwrite)");
        }
    }
}
