package dev.pairstudio.bench;

import dev.pairstudio.store.Databases;
import dev.pairstudio.testing.TestPostgres;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The benchmark's PostgreSQL database ({@code --db}): resolved, emptied, measured; direct JDBC, bench only. */
final class ServerDatabase {
    static final String LOCAL = "local-postgresql";

    private ServerDatabase() {}

    /** The URL to open: {@code local-postgresql} starts a throwaway durable server and makes a database on it. */
    static String resolve(String db) {
        if (db == null) {
            return null;
        }
        return db.equals(LOCAL) ? TestPostgres.get(true).newDatabase() : db;
    }

    static String describe(String db) {
        return db.equals(LOCAL)
                ? "a local server started by the benchmark from this machine's binaries, fsync on, "
                        + "shared_buffers 128 MB, over TCP loopback"
                : TestPostgres.withoutPassword(db).replaceAll(":[^:@/]*@", "@");
    }

    /** Drops every table (the store creates them again on open). */
    static void empty(String url) {
        run(url, s -> {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
            return null;
        });
    }

    static long size(String url) {
        return run(url, s -> {
            try (ResultSet r = s.executeQuery("SELECT pg_database_size(current_database())")) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    private interface Work<T> {
        T run(Statement s) throws SQLException;
    }

    private static <T> T run(String url, Work<T> work) {
        URI u = URI.create(url.replaceFirst("^(jdbc:)?postgres(ql)?://", "postgresql://"));
        String[] info = u.getUserInfo() == null
                ? new String[] {System.getProperty("user.name")}
                : u.getUserInfo().split(":", 2);
        String password = info.length > 1 ? info[1] : System.getenv(Databases.PASSWORD_VARIABLE);
        String jdbc = "jdbc:postgresql://" + u.getHost() + ":" + (u.getPort() < 0 ? 5432 : u.getPort()) + u.getPath();
        try (Connection c = DriverManager.getConnection(jdbc, info[0], password);
                Statement s = c.createStatement()) {
            return work.run(s);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot use the benchmark database " + describe(url) + ": " + e.getMessage(), e);
        }
    }
}
