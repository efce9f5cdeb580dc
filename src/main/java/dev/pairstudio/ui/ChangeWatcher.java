package dev.pairstudio.ui;

import dev.pairstudio.store.Database;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices changes that other writers made to the open database (a CLI import, a collector
 * started with {@code pairstudio serve}, a colleague curating the team database): every
 * {@link #PERIOD_MS} it asks the store how many changes others committed
 * ({@link Database#changesByOthers()}, one small read) on a background thread and, when that
 * rose past what the window last showed, tells the window on the FX thread. The window's own
 * changes (curation, imports, background analysis) do not count.
 */
public final class ChangeWatcher implements AutoCloseable {
    static final long PERIOD_MS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(ChangeWatcher.class);

    private final LongSupplier clock;
    private final Runnable onChange;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "change-watcher");
        t.setDaemon(true);
        return t;
    });
    /** Others' changes the window has shown; -1 until first read. Written on the timer thread only. */
    private volatile long seen = -1;

    /** @param onChange runs on the FX thread when another process changed the database */
    public ChangeWatcher(Database store, Runnable onChange) {
        this.clock = store::changesByOthers;
        this.onChange = onChange;
    }

    /** Starts watching; after {@link #close} (a late call from a closed window) it does nothing. */
    public void start() {
        if (!timer.isShutdown()) {
            timer.scheduleWithFixedDelay(this::check, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** The window has just re-read everything: what others committed until now counts as shown. Nothing after {@link #close}. */
    public void shown() {
        if (timer.isShutdown()) {
            return;
        }
        timer.execute(() -> {
            try {
                seen = Math.max(seen, clock.getAsLong());
            } catch (RuntimeException e) {
                LOG.debug("Reading the change clock failed: {}", e.getMessage());
            }
        });
    }

    private void check() {
        try {
            long now = clock.getAsLong();
            long before = seen;
            if (now > before) { // it only rises with others' changes; a lower reading is our own commit in flight
                seen = now;
                if (before >= 0) {
                    Platform.runLater(onChange);
                }
            }
        } catch (RuntimeException e) {
            // a closed or unreachable database: the window reports failures of its own reads
            LOG.debug("Reading the change clock failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdown(); // no interrupt: an interrupted thread inside H2 file I/O can close the database file
    }
}
