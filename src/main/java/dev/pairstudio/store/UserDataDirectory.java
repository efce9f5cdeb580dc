package dev.pairstudio.store;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where Pair Studio keeps its database, log and exports: {@code PAIRSTUDIO_HOME} or the
 * {@code pairstudio.home} property when set (tests, portable installs), else the platform's
 * user data directory.
 */
public final class UserDataDirectory {
    private UserDataDirectory() {}

    public static Path get() {
        String explicit = System.getProperty("pairstudio.home");
        if (explicit == null || explicit.isBlank()) {
            explicit = System.getenv("PAIRSTUDIO_HOME");
        }
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "Pair Studio");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Pair Studio");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("pair-studio");
    }

    /** The default database: {@code pairs.mv.db} in the data directory. */
    public static Path defaultDatabase() {
        return get().resolve("pairs");
    }
}
