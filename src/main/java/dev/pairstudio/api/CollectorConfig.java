package dev.pairstudio.api;

import java.util.function.Consumer;

/**
 * How a {@link CollectorServer} listens and what it accepts. Start from {@link #defaults()}
 * and change what differs with the {@code with…} methods.
 *
 * @param host              interface to bind; {@code 127.0.0.1} by default (loopback only)
 * @param port              TCP port; 0 picks a free one ({@link CollectorServer#port()} tells which)
 * @param token             bearer token for this run; null uses the database's own (created on first use)
 * @param maxBodyBytes      larger request bodies are refused with 413
 * @param maxBatch          most pairs in one POST array
 * @param anonymizeOnIngest store only anonymized text (question, SQL literals, database name)
 * @param threads           request threads (a bounded pool); most of them wait for the group commit
 * @param trackDuplicates   keep the duplicate flags up to date in the background after new pairs
 *                          (off when the caller runs its own {@code io.DuplicateTracker}, as the UI may)
 */
public record CollectorConfig(
        String host,
        int port,
        String token,
        long maxBodyBytes,
        int maxBatch,
        boolean anonymizeOnIngest,
        int threads,
        boolean trackDuplicates) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 8765;
    public static final long DEFAULT_MAX_BODY = 1L << 20;
    public static final int MAX_BATCH = 10_000;
    /**
     * Request threads: enough for many concurrent clients to share one group commit. They are
     * bounded because each may hold a request body (up to the body limit) in memory.
     */
    public static final int DEFAULT_THREADS = 64;

    public CollectorConfig {
        if (host == null || host.isBlank()) {
            host = LOOPBACK;
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (token != null && (token.isBlank() || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw new IllegalArgumentException("the token must be printable ASCII without spaces");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("the body limit must be at least 1024 bytes, was " + maxBodyBytes);
        }
        if (maxBatch < 1 || maxBatch > MAX_BATCH) {
            throw new IllegalArgumentException(
                    "the batch limit must be between 1 and " + MAX_BATCH + ", was " + maxBatch);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
    }

    /** Loopback, port 8765, the database's token, 1 MB bodies, batches of 10,000, originals kept, 64 threads, duplicates tracked. */
    public static CollectorConfig defaults() {
        return new CollectorConfig(
                LOOPBACK, DEFAULT_PORT, null, DEFAULT_MAX_BODY, MAX_BATCH, false, DEFAULT_THREADS, true);
    }

    /**
     * A copy with some fields changed, the one place that copies a {@code CollectorConfig}:
     * {@code x.with(c -> c.host = …)}. Each {@code withX} below is one such change.
     */
    public CollectorConfig with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** The fields being copied, changed in place by {@link #with} (whose canonical constructor then checks them). */
    public static final class Copy {
        public String host;
        public int port;
        public String token;
        public long maxBodyBytes;
        public int maxBatch;
        public boolean anonymizeOnIngest;
        public int threads;
        public boolean trackDuplicates;

        private Copy(CollectorConfig original) {
            host = original.host;
            port = original.port;
            token = original.token;
            maxBodyBytes = original.maxBodyBytes;
            maxBatch = original.maxBatch;
            anonymizeOnIngest = original.anonymizeOnIngest;
            threads = original.threads;
            trackDuplicates = original.trackDuplicates;
        }

        private CollectorConfig build() {
            return new CollectorConfig(
                    host, port, token, maxBodyBytes, maxBatch, anonymizeOnIngest, threads, trackDuplicates);
        }
    }

    public CollectorConfig withHost(String value) {
        return with(c -> c.host = value);
    }

    public CollectorConfig withPort(int value) {
        return with(c -> c.port = value);
    }

    public CollectorConfig withToken(String value) {
        return with(c -> c.token = value);
    }

    public CollectorConfig withMaxBodyBytes(long value) {
        return with(c -> c.maxBodyBytes = value);
    }

    public CollectorConfig withMaxBatch(int value) {
        return with(c -> c.maxBatch = value);
    }

    public CollectorConfig withAnonymizeOnIngest(boolean value) {
        return with(c -> c.anonymizeOnIngest = value);
    }

    public CollectorConfig withThreads(int value) {
        return with(c -> c.threads = value);
    }

    public CollectorConfig withTrackDuplicates(boolean value) {
        return with(c -> c.trackDuplicates = value);
    }

    @Override
    public String toString() {
        // never print the token
        return "CollectorConfig[host=" + host + ", port=" + port + ", token=" + (token == null ? "database" : "given")
                + ", maxBodyBytes=" + maxBodyBytes + ", maxBatch=" + maxBatch + ", anonymizeOnIngest="
                + anonymizeOnIngest
                + ", threads=" + threads + ", trackDuplicates=" + trackDuplicates + "]";
    }
}
