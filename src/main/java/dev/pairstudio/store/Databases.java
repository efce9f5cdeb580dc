package dev.pairstudio.store;

import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Opens a store from what a user gave ({@code --db}, the open dialog):
 * <ul>
 * <li>null or blank: the default H2 database in the user data directory;</li>
 * <li>an H2 file path ({@code .mv.db} added when missing, created when absent), {@code jdbc:h2:…},
 * or {@code mem:NAME} for tests;</li>
 * <li>a team database on PostgreSQL: {@code postgresql://USER@HOST[:PORT]/DATABASE[?options]}
 * ({@code postgres://} and {@code jdbc:postgresql://} too). The database must exist; Pair Studio
 * creates its tables. The password comes from the URL ({@code USER:PASSWORD@}), else from the
 * environment variable {@value #PASSWORD_VARIABLE}, else from {@code prompt} when the server asks
 * for one. It is handed to the connection pool only: never stored, shown or logged.</li>
 * </ul>
 * Both kinds run the same store ({@link JdbcPairStore}) with the same migrations (numbered alike in
 * {@code db/migration} and {@code db/migration-postgresql}, shared ones in {@code db/migration-common});
 * a database written by a newer Pair Studio is refused at open.
 */
public final class Databases {
    /** Where a team database's password may come from when the URL has none. */
    public static final String PASSWORD_VARIABLE = "PAIRSTUDIO_DB_PASSWORD";

    private Databases() {}

    public static Database open(String location) {
        return open(location, where -> Optional.empty());
    }

    /**
     * As {@link #open(String)}, asking {@code prompt} for the password when a PostgreSQL server
     * wants one that neither the URL nor {@value #PASSWORD_VARIABLE} gave (or refused theirs).
     * The prompt gets the database as shown to users and answers empty to give up.
     */
    public static Database open(String location, Function<String, Optional<char[]>> prompt) {
        if (isTeamDatabase(location)) {
            return openPostgres(PostgresLocation.parse(location), prompt);
        }
        return JdbcPairStore.open(new H2Dialect(H2Location.parse(location), null));
    }

    /** Whether {@code location} names a team database on PostgreSQL ({@code postgresql://…}) rather than an H2 file. */
    public static boolean isTeamDatabase(String location) {
        return location != null && PostgresLocation.matches(location);
    }

    /** An AES-encrypted H2 file: the password is needed for every later open. */
    public static Database openEncrypted(String location, char[] password) {
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("An encrypted database needs a password");
        }
        if (isTeamDatabase(location)) {
            throw new StoreException("Encryption with a password is for H2 files; a PostgreSQL server encrypts "
                    + "with its own settings (TLS: add ?sslmode=require to the URL)");
        }
        return JdbcPairStore.open(new H2Dialect(H2Location.parse(location), password));
    }

    private static Database openPostgres(PostgresLocation where, Function<String, Optional<char[]>> prompt) {
        PostgresLocation withPassword = where;
        if (where.password() == null) {
            String fromEnvironment = System.getenv(PASSWORD_VARIABLE);
            if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
                withPassword = where.withPassword(fromEnvironment.toCharArray());
            }
        }
        try {
            return JdbcPairStore.open(new PostgresDialect(withPassword));
        } catch (StoreException e) {
            if (!(e.getCause() instanceof SQLException s) || !PostgresFailures.needsPassword(s)) {
                throw e;
            }
            Optional<char[]> typed = prompt.apply(where.display());
            if (typed.isEmpty()) {
                throw e;
            }
            return JdbcPairStore.open(new PostgresDialect(where.withPassword(typed.get())));
        }
    }
}
