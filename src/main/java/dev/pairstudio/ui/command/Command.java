package dev.pairstudio.ui.command;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Something the user can do, with whether it can be done now (after JabRef's {@code SimpleCommand}):
 * a menu item, a toolbar button and a key all run the same command and are disabled by the same
 * binding. FX thread.
 */
public final class Command {
    private final BooleanExpression executable;
    private final Runnable action;

    public Command(ObservableBooleanValue executable, Runnable action) {
        this.executable = BooleanExpression.booleanExpression(executable);
        this.action = action;
    }

    /** A command that can always run. */
    public static Command of(Runnable action) {
        return new Command(Bindings.createBooleanBinding(() -> true), action);
    }

    public BooleanExpression executableProperty() {
        return executable;
    }

    public boolean isExecutable() {
        return executable.get();
    }

    /** Runs the action if the command can run now; a key pressed while it cannot does nothing. */
    public void execute() {
        if (executable.get()) {
            action.run();
        }
    }
}
