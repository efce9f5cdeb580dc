package dev.pairstudio.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Private in-memory databases for EXPLAIN, per thread (a connection is not thread-safe) and per
 * key (schema version, mode): made on first use, a few kept per thread, the least recently used
 * closed first; {@link #close} closes every one.
 */
final class ThreadConnections implements AutoCloseable {
    /** Builds the database for a key: connects and creates the schema's tables. */
    interface Opener {
        Connection open() throws SQLException;
    }

    private final int keptPerThread;
    private final ConcurrentLinkedQueue<Connection> all = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Map<String, Connection>> mine;

    ThreadConnections(int keptPerThread) {
        this.keptPerThread = keptPerThread;
        this.mine = ThreadLocal.withInitial(() -> new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Connection> eldest) {
                if (size() > ThreadConnections.this.keptPerThread) {
                    closeQuietly(eldest.getValue());
                    all.remove(eldest.getValue());
                    return true;
                }
                return false;
            }
        });
    }

    /** This thread's database for {@code key}, opened by {@code opener} when there is none yet. */
    Connection get(String key, Opener opener) throws SQLException {
        Map<String, Connection> connections = mine.get();
        Connection c = connections.get(key);
        if (c != null && !c.isClosed()) {
            return c;
        }
        c = opener.open();
        all.add(c);
        connections.put(key, c);
        return c;
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // an in-memory database: nothing to lose
        }
    }

    @Override
    public void close() {
        all.forEach(ThreadConnections::closeQuietly);
        all.clear();
    }
}
