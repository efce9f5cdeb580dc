package dev.pairstudio.ingest;

/** Import progress, called from the importing thread after every stored batch. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (bytesRead, totalBytes, recordsRead) -> {};

    /**
     * @param bytesRead  how far into the current file reading has come
     * @param totalBytes the size of the current file
     */
    void progress(long bytesRead, long totalBytes, long recordsRead);
}
