package dev.pairstudio.ui.export;

import dev.pairstudio.export.ExportProfile;
import dev.pairstudio.export.ExportProfiles;
import dev.pairstudio.export.ExportResult;
import dev.pairstudio.export.ExportTargetPolicy;
import dev.pairstudio.export.Preset;
import dev.pairstudio.pair.Timestamps;
import dev.pairstudio.privacy.Policy;
import dev.pairstudio.settings.PrivacySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.stage.Window;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;

/**
 * The one-click export (toolbar button, File menu, Ctrl+E): the current filter, with the last
 * used profile (or, with none yet, privacy-on seed JSONL with exact duplicates dropped), into the
 * profile's folder or {@link ExportContext#exportFolder()}, as {@code training_data-YYYYMMDD-HHMMSS.EXT}
 * (UTC; "keep both" if that name is taken). No dialog: it runs in the background, the window stays
 * usable, and a notification shows the file, the counts and "Open folder". A profile without its
 * own policy file exports with the database's privacy policy ({@link PrivacySettings#policy}), as
 * the preview pane shows it. One export at a time; {@link #cancelAndWait} stops it and leaves no file.
 *
 * <p>One instance per window:
 * <pre>{@code
 * QuickExport quick = new QuickExport();
 * button.setOnAction(e -> quick.run(ExportContext.of(store, jobs, filters.filter(), selectedIds), stage));
 * statusBar.textProperty().bind(quick.statusProperty());   // or listen to it
 * stage.setOnCloseRequest(e -> { if (quick.isRunning() && userSaysCancel()) quick.cancelAndWait(Duration.ofSeconds(10)); else e.consume(); });
 * }</pre>
 */
public final class QuickExport {
    /** How an export ended: a result, or a message (failure or cancel). */
    public record Outcome(ExportResult result, String message, Path folder) {
        public boolean succeeded() {
            return result != null;
        }
    }

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private Consumer<Outcome> onFinished = o -> {};
    private boolean notify = true;
    private ExportTask task;
    private boolean finished = true;
    private volatile boolean cancelRequested;
    private Task<ExportTask> preparing;

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** "Exporting… 12,000 of 50,000 pairs · 8,400 pairs/s", then the outcome in one line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** 0..1, -1 while preparing. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Called on the FX thread when an export ends (succeeded, failed or cancelled). */
    public void setOnFinished(Consumer<Outcome> onFinished) {
        this.onFinished = onFinished == null ? o -> {} : onFinished;
    }

    /** Whether to show a ControlsFX notification at the end (default true). */
    public void setNotify(boolean notify) {
        this.notify = notify;
    }

    /**
     * Starts an export of {@code ctx.currentFilter()}; returns at once. Ignored (with a status
     * line) while another one-click export runs. FX thread.
     *
     * @param owner the window the notification belongs to; may be null
     */
    public void run(ExportContext ctx, Window owner) {
        if (running.get()) {
            status.set("An export is already running.");
            return;
        }
        running.set(true);
        finished = false;
        cancelRequested = false;
        progress.set(-1);
        status.set("Exporting the current filter…");
        preparing = new Task<>() {
            @Override
            protected ExportTask call() {
                return prepare(ctx);
            }
        };
        Task<ExportTask> prep = preparing;
        prep.setOnSucceeded(e -> {
            ExportTask t = prep.getValue();
            if (cancelRequested) {
                finish(owner, cancelled(t)); // cancelled while preparing: nothing was written
                return;
            }
            task = t;
            t.progressProperty().addListener((o, was, now) -> progress.set(now.doubleValue()));
            t.messageProperty().addListener((o, was, now) -> status.set("Exporting… " + now));
            t.setOnSucceeded(x -> finish(
                    owner,
                    new Outcome(
                            t.getValue(),
                            summary(t.getValue(), t.profile()),
                            t.output().getParent())));
            t.setOnFailed(x -> finish(
                    owner,
                    t.isCancelled()
                            ? cancelled(t)
                            : new Outcome(
                                    null,
                                    "Export failed: " + ExportTask.failure(t.getException()),
                                    t.output().getParent())));
            t.setOnCancelled(x -> finish(owner, cancelled(t)));
            ctx.jobs().run(t);
        });
        prep.setOnFailed(e ->
                finish(owner, new Outcome(null, "Export failed: " + ExportTask.failure(prep.getException()), null)));
        prep.setOnCancelled(e -> finish(owner, new Outcome(null, "Export cancelled; no file was written.", null)));
        ctx.jobs().run(prep);
    }

    /** The task of the last used (or default) profile for the current filter. Background thread. */
    static ExportTask prepare(ExportContext ctx) {
        ExportProfiles profiles = new ExportProfiles(ctx.store());
        ExportProfile profile = profiles.lastUsed()
                .flatMap(profiles::load)
                .orElse(ExportProfile.defaults("jsonl"))
                .withFilter(ctx.currentFilter());
        Policy policy =
                profile.anonymize() && profile.policyFile() == null ? PrivacySettings.policy(ctx.store()) : null;
        Path folder = profile.outputFolder() != null && !profile.outputFolder().isBlank()
                ? Path.of(profile.outputFolder())
                : ctx.exportFolder();
        Preset preset = Preset.available(ctx.presetsFolder()).get(profile.format());
        String extension = preset != null ? preset.extension() : profile.format();
        String name = ExportProfiles.timestampedName(profile, extension, Timestamps.now());
        if (preset != null && preset.layout() == Preset.Layout.FOLDER) {
            name = ExportDestination.stem(name);
        }
        return new ExportTask(ctx, profile, policy, folder.resolve(name), ExportTargetPolicy.RENAME, false);
    }

    /**
     * Cancels the running export and waits until its temporary files are gone (for a window that
     * closes). Returns false if it did not stop within {@code timeout}. FX thread or any.
     */
    public boolean cancelAndWait(Duration timeout) {
        cancelRequested = true;
        Task<ExportTask> p = preparing;
        if (p != null) {
            p.cancel(false);
        }
        ExportTask t = task;
        if (t == null) {
            return true;
        }
        t.cancel();
        try {
            return t.awaitEnd(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Outcome cancelled(ExportTask t) {
        return new Outcome(
                null, "Export cancelled; no file was written.", t.output().getParent());
    }

    private void finish(Window owner, Outcome outcome) {
        if (finished) {
            return; // a cancelled task may still report its end; the user heard once
        }
        finished = true;
        running.set(false);
        task = null;
        preparing = null;
        progress.set(outcome.succeeded() ? 1 : 0);
        status.set(outcome.message());
        if (notify) {
            notifyUser(owner, outcome);
        }
        onFinished.accept(outcome);
    }

    static String summary(ExportResult r, ExportProfile profile) {
        String files =
                r.files().stream().map(f -> f.path().getFileName().toString()).collect(Collectors.joining(", "));
        String counts = r.splits().size() > 1
                ? " ("
                        + r.splits().entrySet().stream()
                                .map(e -> e.getKey() + " " + ExportViewModel.count(e.getValue()))
                                .collect(Collectors.joining(", "))
                        + ")"
                : "";
        return String.format(
                Locale.ROOT,
                "Exported %s%s%s to %s%s",
                ExportViewModel.pairs(r.written()),
                counts,
                profile.anonymize() ? ", anonymized" : ", NOT anonymized",
                files,
                r.duplicates() > 0 ? "; " + ExportViewModel.count(r.duplicates()) + " duplicates dropped" : "");
    }

    private static void notifyUser(Window owner, Outcome o) {
        Notifications n = Notifications.create()
                .title(o.succeeded() ? "Export finished" : "Export stopped")
                .text(o.message())
                .hideAfter(javafx.util.Duration.seconds(o.succeeded() ? 10 : 8));
        if (owner != null) {
            n.owner(owner);
        }
        if (o.folder() != null && o.succeeded()) {
            Path folder = o.folder();
            n.action(new Action(
                    "Open folder",
                    e -> FolderActions.open(
                            folder,
                            message -> Notifications.create()
                                    .owner(owner)
                                    .title("Open folder")
                                    .text(message)
                                    .showInformation())));
        }
        if (o.succeeded()) {
            n.showInformation();
        } else {
            n.showWarning();
        }
    }
}
