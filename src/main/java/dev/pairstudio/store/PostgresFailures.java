package dev.pairstudio.store;

import java.sql.SQLException;
import java.util.Locale;

/** Turns PostgreSQL's connection errors into one line that names the database and says what to do. */
final class PostgresFailures {
    private PostgresFailures() {}

    /** Whether connecting failed for want of the right password (so asking for one may help). */
    static boolean needsPassword(SQLException e) {
        String state = String.valueOf(e.getSQLState());
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return state.equals("28P01") || state.equals("08004") && message.contains("password");
    }

    static StoreException explain(PostgresLocation where, SQLException e, Exception thrown) {
        String db = where.display();
        if (e == null) {
            return new StoreException("Cannot open the database " + db + ": " + OpenFailures.firstLine(thrown), thrown);
        }
        String state = String.valueOf(e.getSQLState());
        if (state.equals("28P01")) {
            return new StoreException(
                    "Wrong password for user " + where.user() + " on " + db + "; try again with the right "
                            + "password (in the URL, in PAIRSTUDIO_DB_PASSWORD, or at the prompt)",
                    e);
        }
        if (needsPassword(e)) {
            return new StoreException(
                    "The server asks for a password for user " + where.user() + " on " + db + "; give it "
                            + "in PAIRSTUDIO_DB_PASSWORD or at the prompt (postgresql://USER:PASSWORD@… also works but stays in your shell history)",
                    e);
        }
        if (state.equals("28000")) {
            return new StoreException(
                    "The server refused user " + where.user() + " on " + db + " (" + OpenFailures.firstLine(e)
                            + "); ask its administrator for access",
                    e);
        }
        if (state.equals("3D000")) {
            return new StoreException(
                    "There is no database " + where.database() + " on " + where.host() + ":" + where.port()
                            + "; create it first (createdb " + where.database() + ") or check the name",
                    e);
        }
        if (state.startsWith("08")) {
            return new StoreException(
                    "Cannot reach the PostgreSQL server at " + where.host() + ":" + where.port() + " for " + db + " ("
                            + OpenFailures.firstLine(e) + "); check the host and port and that the server is running",
                    e);
        }
        return new StoreException("Cannot open the database " + db + ": " + OpenFailures.firstLine(e), e);
    }
}
