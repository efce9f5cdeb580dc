package dev.pairstudio.export;

/**
 * Progress and cancel for an export, called on the exporting thread. The UI wraps it in a
 * JavaFX Task ({@code updateProgress}, {@code isCancelled}); the CLI prints a line now and then.
 */
public interface ExportListener {
    ExportListener NONE = new ExportListener() {};

    /** About every 10,000 pairs and at the end. */
    default void progress(ExportProgress progress) {}

    /** Polled often; true stops the export, deletes its temporary files and leaves existing files untouched. */
    default boolean isCancelled() {
        return false;
    }
}
