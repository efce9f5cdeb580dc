package dev.pairstudio.ui.dialog;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A {@link DialogService} for view-model tests without a window: it keeps every question and
 * message, and answers confirmations and file choices from what the test queued (no answer
 * queued: the user cancels). The real dialogs are tested through TestFX.
 */
public final class AnsweringDialogs implements DialogService {
    public final List<Confirmation> asked = new ArrayList<>();
    public final List<String> shown = new ArrayList<>();
    private final Deque<Boolean> answers = new ArrayDeque<>();
    private final Deque<List<Path>> files = new ArrayDeque<>();

    public AnsweringDialogs answer(boolean yes) {
        answers.add(yes);
        return this;
    }

    public AnsweringDialogs choose(Path... chosen) {
        files.add(List.of(chosen));
        return this;
    }

    @Override
    public boolean confirm(Confirmation question) {
        asked.add(question);
        return Boolean.TRUE.equals(answers.poll());
    }

    @Override
    public void error(String header, String text) {
        shown.add(header + ": " + text);
    }

    @Override
    public void info(String header, String text) {
        shown.add(header + ": " + text);
    }

    @Override
    public Optional<char[]> password(String id, String header, String text) {
        shown.add(header + ": " + text);
        return Optional.empty(); // the user cancels
    }

    @Override
    public List<Path> chooseFiles(String title, List<FileType> types) {
        List<Path> chosen = files.poll();
        return chosen == null ? List.of() : chosen;
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, FileType type) {
        return Optional.ofNullable(files.poll()).flatMap(l -> l.stream().findFirst());
    }
}
