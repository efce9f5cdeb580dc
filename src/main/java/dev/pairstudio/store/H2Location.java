package dev.pairstudio.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

/**
 * Where an H2 database lives, parsed from what a user typed ({@code --db}): a file path (with or
 * without {@code .mv.db}), {@code mem:NAME} / {@code jdbc:h2:mem:NAME} for tests, or
 * {@code jdbc:h2:file:PATH}.
 *
 * @param file the database file ({@code .mv.db}), null in memory
 * @param url  the JDBC URL without settings
 */
record H2Location(Path file, String url) {

    static final String SUFFIX = ".mv.db";

    static {
        // H2 interns every value it reads in a small hash cache: for long question and SQL texts
        // that is a hash and a compare per cell for nothing (measured: a full read of 1M pairs
        // 8.1 s with it, 6.3 s without). Must be set before H2 loads its settings.
        if (System.getProperty("h2.objectCache") == null) {
            System.setProperty("h2.objectCache", "false");
        }
    }

    static H2Location parse(String location) {
        String text = location == null || location.isBlank()
                ? UserDataDirectory.defaultDatabase().toString()
                : location.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mem:") || lower.startsWith("jdbc:h2:mem:")) {
            String name = text.substring(text.indexOf("mem:") + 4);
            if (name.isBlank()) {
                name = "pairs-" + UUID.randomUUID(); // an unnamed in-memory store is private to its opener
            }
            return new H2Location(null, "jdbc:h2:mem:" + name);
        }
        if (lower.startsWith("jdbc:h2:")) {
            String rest = text.substring("jdbc:h2:".length());
            rest = rest.startsWith("file:") ? rest.substring("file:".length()) : rest;
            int settings = rest.indexOf(';');
            if (settings
                    >= 0) { // the store sets H2's options itself: dropping the user's (CIPHER=…, say) would be silent
                String file = rest.substring(0, settings);
                throw new StoreException(
                        "H2 settings in the database URL are not supported (" + text + "): give the file alone, "
                                + "jdbc:h2:file:" + file + " or " + file + "; Pair Studio sets H2's options itself");
            }
            return ofPath(rest);
        }
        if (lower.startsWith("jdbc:")) {
            throw new StoreException("Unsupported database URL " + text + ": give an H2 file path or a jdbc:h2: URL");
        }
        return ofPath(text);
    }

    private static H2Location ofPath(String path) {
        String base = path.endsWith(SUFFIX) ? path.substring(0, path.length() - SUFFIX.length()) : path;
        Path absolute = Path.of(base).toAbsolutePath().normalize();
        // H2 wants the path without its suffix; "./" or an absolute path avoids its "implicitly relative" error.
        return new H2Location(absolute.resolveSibling(absolute.getFileName() + SUFFIX), "jdbc:h2:file:" + absolute);
    }

    boolean inMemory() {
        return file == null;
    }

    /** For messages and titles: the file path, or the in-memory URL. */
    String display() {
        return inMemory() ? url : file.toString();
    }
}
