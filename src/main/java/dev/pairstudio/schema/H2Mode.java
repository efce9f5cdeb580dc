package dev.pairstudio.schema;

import java.util.Locale;
import java.util.Optional;

/**
 * The H2 compatibility mode that stands in for a database type when a query is EXPLAINed.
 * SQLite (Spider, BIRD) and unknown types have none: H2 would reject their double-quoted
 * strings and lenient GROUP BY, so a "does not run" would be H2's opinion, not the database's.
 */
final class H2Mode {
    private H2Mode() {}

    static Optional<String> of(String databaseType) {
        String t = databaseType == null ? "" : databaseType.toLowerCase(Locale.ROOT);
        if (t.contains("postgres") || t.contains("redshift") || t.contains("cockroach")) {
            return Optional.of("PostgreSQL");
        }
        if (t.contains("mariadb")) {
            return Optional.of("MariaDB");
        }
        if (t.contains("mysql")) {
            return Optional.of("MySQL");
        }
        if (t.contains("sqlserver") || t.contains("sql server") || t.contains("mssql") || t.contains("tsql")) {
            return Optional.of("MSSQLServer");
        }
        if (t.contains("oracle")) {
            return Optional.of("Oracle");
        }
        if (t.contains("db2")) {
            return Optional.of("DB2");
        }
        if (t.contains("derby")) {
            return Optional.of("Derby");
        }
        if (t.contains("hsql")) {
            return Optional.of("HSQLDB");
        }
        if (t.equals("h2")) {
            return Optional.of("REGULAR");
        }
        return Optional.empty();
    }
}
