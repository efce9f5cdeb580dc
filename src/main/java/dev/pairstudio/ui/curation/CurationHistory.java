package dev.pairstudio.ui.curation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Predicate;

/** The recent curation steps, newest last, bounded so a long session does not grow without end. */
public final class CurationHistory {
    private static final int LIMIT = 100;
    private final Deque<UndoableAction> steps = new ArrayDeque<>();

    public synchronized void record(UndoableAction action) {
        steps.addLast(action);
        while (steps.size() > LIMIT) {
            steps.removeFirst();
        }
    }

    public synchronized Optional<UndoableAction> takeLast() {
        return Optional.ofNullable(steps.pollLast());
    }

    public synchronized Optional<String> peekDescription() {
        return Optional.ofNullable(steps.peekLast()).map(UndoableAction::description);
    }

    /** Forgets the steps that {@code gone} says can no longer be undone. */
    public synchronized void forget(Predicate<UndoableAction> gone) {
        steps.removeIf(gone);
    }

    public synchronized int size() {
        return steps.size();
    }
}
