package dev.pairstudio.ui;

import dev.pairstudio.store.Databases;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * File › Open recent: the databases last opened, newest first, kept in the user's settings like
 * the theme (a setting of the user, not of a database). Locations are as the store names them
 * ({@code Database.location()}): an absolute {@code .mv.db} path, or a team database's URL without
 * its password.
 */
public final class RecentDatabases {
    static final int LIMIT = 8;
    private static final String KEY = "recent.databases";
    private final UiSettings settings;

    public RecentDatabases(UiSettings settings) {
        this.settings = settings;
    }

    public List<String> list() {
        return settings.get(KEY)
                .map(v -> Arrays.stream(v.split("\n")).filter(s -> !s.isBlank()).toList())
                .orElse(List.of());
    }

    /** Puts {@code location} first (once) and saves; in-memory databases are not worth remembering. */
    public void opened(String location) {
        if (location.startsWith("jdbc:h2:mem:")) {
            return;
        }
        List<String> next = new ArrayList<>(List.of(location));
        list().stream().filter(l -> !l.equals(location)).limit(LIMIT - 1).forEach(next::add);
        save(next);
    }

    public void forget(String location) {
        save(list().stream().filter(l -> !l.equals(location)).toList());
    }

    public void clear() {
        save(List.of());
    }

    private void save(List<String> locations) {
        settings.put(KEY, String.join("\n", locations));
        settings.save();
    }

    /** A team database can always be tried (its server answers); a file only while it exists. */
    public static boolean available(String location) {
        if (Databases.isTeamDatabase(location)) {
            return true;
        }
        try {
            return Files.isRegularFile(Path.of(location));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
