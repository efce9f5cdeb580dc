package dev.pairstudio.app;

import dev.pairstudio.cli.Cli;
import javafx.application.Application;

/**
 * The launcher. Not an {@link Application} itself, so that a plain classpath (the shaded jar)
 * starts JavaFX without "runtime components are missing", and the command line never starts
 * the FX toolkit: no arguments open the window, any argument runs the CLI.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Logging.init();
        if (args.length == 0) {
            Application.launch(App.class);
        } else {
            System.exit(Cli.run(args));
        }
    }
}
