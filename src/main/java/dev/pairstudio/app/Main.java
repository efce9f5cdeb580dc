package dev.pairstudio.app;

import dev.pairstudio.cli.Cli;
import java.util.Optional;
import javafx.application.Application;

/**
 * The launcher. Not an {@link Application} itself, so that a plain classpath (the shaded jar)
 * starts JavaFX without "runtime components are missing", and the command line never starts
 * the FX toolkit: no arguments, or {@code --db PATH} alone, open the window; anything else runs
 * the CLI.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Logging.init();
        Optional<String> database = windowDatabase(args);
        if (args.length == 0 || database.isPresent()) {
            StoreOpening.begin(database.orElse(null)); // while JavaFX starts
            Application.launch(
                    App.class, database.map(d -> "--db=" + d).stream().toArray(String[]::new));
        } else {
            System.exit(Cli.run(args));
        }
    }

    /** The database to open the window on when the arguments are {@code --db PATH} (or {@code --db=PATH}) and nothing else. */
    static Optional<String> windowDatabase(String[] args) {
        if (args.length == 2 && args[0].equals("--db") && !args[1].isBlank()) {
            return Optional.of(args[1]);
        }
        if (args.length == 1 && args[0].startsWith("--db=") && args[0].length() > "--db=".length()) {
            return Optional.of(args[0].substring("--db=".length()));
        }
        return Optional.empty();
    }
}
