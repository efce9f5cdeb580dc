package dev.pairstudio.ui.export;

import dev.pairstudio.export.DatasetExporter;
import dev.pairstudio.export.ExportException;
import dev.pairstudio.export.ExportListener;
import dev.pairstudio.export.ExportProfile;
import dev.pairstudio.export.ExportProfiles;
import dev.pairstudio.export.ExportProgress;
import dev.pairstudio.export.ExportResult;
import dev.pairstudio.export.ExportTargetPolicy;
import dev.pairstudio.privacy.Policy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;

/**
 * One export in the background, for the wizard and the one-click export: progress (fraction),
 * message (pairs done, rate, time left) and cancel. A cancelled or failed export leaves no file:
 * the exporter writes temporary files and removes them; {@link #awaitEnd} waits until it has,
 * since the Task reports "cancelled" at once while the exporter is still cleaning up.
 */
public final class ExportTask extends Task<ExportResult> {
    private final ExportContext ctx;
    private final ExportProfile profile;
    private final Policy policy;
    private final Path output;
    private final ExportTargetPolicy existing;
    private final boolean saveProfile;
    private final CountDownLatch ended = new CountDownLatch(1);
    /** 0 not started, 1 running, 2 will never run (cancelled before it started). */
    private final AtomicInteger phase = new AtomicInteger();

    /**
     * @param policy      written to a policy file the profile then names; null keeps {@code profile.policyFile()}
     * @param output      the file (a folder for folder presets); its folder is created when missing
     * @param saveProfile store the profile under its name first (as the CLI's {@code --profile}); ignored without a name
     */
    public ExportTask(
            ExportContext ctx,
            ExportProfile profile,
            Policy policy,
            Path output,
            ExportTargetPolicy existing,
            boolean saveProfile) {
        this.ctx = ctx;
        this.profile = profile;
        this.policy = policy;
        this.output = output;
        this.existing = existing;
        this.saveProfile = saveProfile;
        updateMessage("Waiting to start…");
    }

    public ExportProfile profile() {
        return profile;
    }

    public Path output() {
        return output;
    }

    @Override
    protected ExportResult call() {
        if (!phase.compareAndSet(0, 1)) {
            throw new ExportException.Cancelled();
        }
        try {
            updateMessage("Preparing: counting pairs and duplicates…");
            updateProgress(-1, 1);
            ExportProfile p = profile;
            if (p.anonymize() && policy != null) {
                p = p.withPolicyFile(
                        PolicyFiles.write(ctx.policyFolder(), policy).toString());
            }
            Files.createDirectories(output.toAbsolutePath().getParent());
            if (saveProfile && p.name() != null) {
                new ExportProfiles(ctx.store()).save(p);
            }
            DatasetExporter exporter = new DatasetExporter(ctx.store(), ctx.presetsFolder());
            return exporter.export(p, output, existing, new ExportListener() {
                @Override
                public void progress(ExportProgress progress) {
                    updateProgress(progress.done(), Math.max(1, progress.total()));
                    updateMessage(describe(progress));
                }

                @Override
                public boolean isCancelled() {
                    return ExportTask.this.isCancelled();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + output.getParent() + ": " + e.getMessage(), e);
        } finally {
            ended.countDown();
        }
    }

    /**
     * Never interrupts the exporting thread: an interrupt inside H2's file I/O can close the
     * database. The exporter polls {@link #isCancelled()} between batches instead.
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return super.cancel(false);
    }

    /**
     * Waits until the export has stopped and cleaned up. Call after {@link #cancel()} (or when it
     * is done); a task that has not started yet will then never start.
     */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        if (phase.compareAndSet(0, 2)) {
            return true; // call() will not run any more, so nothing can be left behind
        }
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** "12,000 of 50,000 pairs · 8,400 pairs/s · about 5 s left" */
    static String describe(ExportProgress p) {
        StringBuilder s = new StringBuilder(
                String.format(Locale.ROOT, "%,d of %,d pairs · %,.0f pairs/s", p.done(), p.total(), p.rate()));
        Duration eta = p.eta();
        if (eta != null && p.done() < p.total()) {
            s.append(" · about ")
                    .append(eta.getSeconds() < 60 ? Math.max(1, eta.getSeconds()) + " s" : eta.toMinutes() + " min")
                    .append(" left");
        }
        return s.toString();
    }

    /** One line for the user: why it failed, or that it was cancelled. */
    public static String failure(Throwable e) {
        if (e == null) {
            return "Export cancelled; no file was written";
        }
        Throwable t = e instanceof UncheckedIOException && e.getMessage() == null ? e.getCause() : e;
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }
}
