package dev.pairstudio.cli;

import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --db PATH|URL}, accepted before or after the command name (ARCHITECTURE.md, "Contracts").
 * Every command mixes this in; the nearest one given wins.
 */
public final class DatabaseOption {
    static final String NAME = "--db";

    @Option(
            names = NAME,
            paramLabel = "PATH|URL",
            description = "H2 file (\".mv.db\" added when missing, created when absent) or a jdbc:/postgresql:// URL. "
                    + "Default: the database in the user data directory.")
    String location;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandSpec mixee;

    /** The location given on this command or on a parent command, if any. */
    public Optional<String> location() {
        for (CommandSpec s = mixee; s != null; s = s.parent()) {
            Object mixin = s.mixins().get("database") == null
                    ? null
                    : s.mixins().get("database").userObject();
            if (mixin instanceof DatabaseOption d && d.location != null) {
                return Optional.of(d.location);
            }
        }
        return Optional.empty();
    }
}
