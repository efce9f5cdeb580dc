package dev.pairstudio.api;

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
 * @param threads           request threads (a bounded pool)
 */
public record CollectorConfig(
        String host,
        int port,
        String token,
        long maxBodyBytes,
        int maxBatch,
        boolean anonymizeOnIngest,
        int threads) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 8765;
    public static final long DEFAULT_MAX_BODY = 1L << 20;
    public static final int MAX_BATCH = 10_000;

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
            throw new IllegalArgumentException("the batch limit must be between 1 and " + MAX_BATCH + ", was " + maxBatch);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
    }

    /** Loopback, port 8765, the database's token, 1 MB bodies, batches of 10,000, originals kept. */
    public static CollectorConfig defaults() {
        return new CollectorConfig(LOOPBACK, DEFAULT_PORT, null, DEFAULT_MAX_BODY, MAX_BATCH, false,
                Math.max(4, Math.min(32, 4 * Runtime.getRuntime().availableProcessors())));
    }

    public CollectorConfig withHost(String value) {
        return new CollectorConfig(value, port, token, maxBodyBytes, maxBatch, anonymizeOnIngest, threads);
    }

    public CollectorConfig withPort(int value) {
        return new CollectorConfig(host, value, token, maxBodyBytes, maxBatch, anonymizeOnIngest, threads);
    }

    public CollectorConfig withToken(String value) {
        return new CollectorConfig(host, port, value, maxBodyBytes, maxBatch, anonymizeOnIngest, threads);
    }

    public CollectorConfig withMaxBodyBytes(long value) {
        return new CollectorConfig(host, port, token, value, maxBatch, anonymizeOnIngest, threads);
    }

    public CollectorConfig withMaxBatch(int value) {
        return new CollectorConfig(host, port, token, maxBodyBytes, value, anonymizeOnIngest, threads);
    }

    public CollectorConfig withAnonymizeOnIngest(boolean value) {
        return new CollectorConfig(host, port, token, maxBodyBytes, maxBatch, value, threads);
    }

    public CollectorConfig withThreads(int value) {
        return new CollectorConfig(host, port, token, maxBodyBytes, maxBatch, anonymizeOnIngest, value);
    }

    @Override
    public String toString() {
        // never print the token
        return "CollectorConfig[host=" + host + ", port=" + port + ", token=" + (token == null ? "database" : "given")
                + ", maxBodyBytes=" + maxBodyBytes + ", maxBatch=" + maxBatch + ", anonymizeOnIngest=" + anonymizeOnIngest
                + ", threads=" + threads + "]";
    }
}
