package dev.pairstudio.ui.task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a failed background job without its messages: an exception's message may quote the
 * question or SQL it failed on (a parse error, a constraint), and the log must never hold pair
 * text. The log keeps what finds the bug: the job's name, the exception classes and their stack traces.
 */
public final class TaskFailures {
    private static final Logger LOG = LoggerFactory.getLogger(TaskFailures.class);

    private TaskFailures() {}

    public static void log(String job, Throwable error) {
        LOG.warn("Background job '{}' failed", job, withoutMessages(error));
    }

    /** A copy of {@code error} and its causes that keeps classes and stack traces and drops every message. */
    static Throwable withoutMessages(Throwable error) {
        Throwable copy = new Scrubbed(
                error.getClass().getName(), error.getCause() == null ? null : withoutMessages(error.getCause()));
        copy.setStackTrace(error.getStackTrace());
        return copy;
    }

    /** Prints as the class it stands for, with no message. */
    private static final class Scrubbed extends Exception {
        private final String type;

        Scrubbed(String type, Throwable cause) {
            super(null, cause, false, true);
            this.type = type;
        }

        @Override
        public String toString() {
            return type;
        }
    }
}
