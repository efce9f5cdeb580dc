package dev.pairstudio.ui.task;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One piece of work handed to a {@link TaskRunner}: what a progress bar and a Cancel button bind to. FX thread. */
public final class Job {
    final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(true);
    private final Runnable canceller;

    Job(Runnable canceller) {
        this.canceller = canceller;
    }

    /** Stops the job without an interrupt (an interrupt inside H2's file I/O closes the database); its result is dropped. */
    public void cancel() {
        canceller.run();
    }

    /** Done over total, or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True until the job succeeded, failed or was cancelled. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    void finished() {
        running.set(false);
    }
}
