package dev.pairstudio.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A PostgreSQL database parsed from what a user typed: {@code postgresql://user[:password]@host[:port]/db[?options]},
 * {@code postgres://…}, or {@code jdbc:postgresql://host[:port]/db?user=…}. The password, when the
 * URL holds one, is kept apart from everything that is shown or logged ({@link #display()}).
 *
 * @param options driver options to pass on (for example {@code sslmode=require}), without user and password
 */
record PostgresLocation(String host, int port, String database, String user, char[] password, String options) {

    static final int DEFAULT_PORT = 5432;

    static boolean matches(String location) {
        String lower = location == null ? "" : location.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:postgresql:")
                || lower.startsWith("postgresql://")
                || lower.startsWith("postgres://");
    }

    static PostgresLocation parse(String location) {
        String text = location.trim();
        String rest = text.substring(text.indexOf("//") + 2); // after the scheme, jdbc: included
        URI uri;
        try {
            uri = new URI("postgresql://" + rest);
        } catch (URISyntaxException e) {
            throw new StoreException(
                    "Cannot read the database URL " + withoutPassword(text)
                            + ": write it as postgresql://USER@HOST:PORT/DATABASE",
                    e);
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() <= 1) {
            throw new StoreException("The database URL " + withoutPassword(text) + " names no host or database: "
                    + "write it as postgresql://USER@HOST:PORT/DATABASE");
        }
        String user = null;
        char[] password = null;
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1)).toCharArray();
        }
        List<String> options = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String option : uri.getRawQuery().split("&")) {
                int eq = option.indexOf('=');
                String key = eq < 0 ? option : option.substring(0, eq);
                String value = eq < 0 ? "" : decode(option.substring(eq + 1));
                if (key.equals("user")) {
                    user = value;
                } else if (key.equals("password")) {
                    password = value.toCharArray();
                } else if (!key.isEmpty()) {
                    options.add(option);
                }
            }
        }
        if (user == null || user.isBlank()) {
            user = System.getProperty("user.name"); // as psql does
        }
        return new PostgresLocation(
                uri.getHost(),
                uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(),
                decode(uri.getRawPath().substring(1)),
                user,
                password,
                String.join("&", options));
    }

    /** The driver's URL: no user, no password (those go to the pool separately). */
    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + (options.isEmpty() ? "" : "?" + options);
    }

    /** For titles, messages and logs: never the password. */
    String display() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }

    PostgresLocation withPassword(char[] given) {
        return new PostgresLocation(host, port, database, user, given, options);
    }

    @Override
    public String toString() {
        return display();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** A URL as typed, with any password replaced, for messages about the URL itself. */
    static String withoutPassword(String url) {
        return url.replaceAll("(//[^:/@?]*):[^@/]*@", "$1:***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
