package dev.pairstudio.api;

import dev.pairstudio.ingest.DuplicateTracker;
import dev.pairstudio.ingest.PairEnricher;
import dev.pairstudio.ingest.PendingAnalysis;
import dev.pairstudio.schema.ValidationRun;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.Database;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes collected pairs in the background: after a commit, and at most once per
 * {@link #DEBOUNCE_MS}, one thread analyses the pairs stored without analysis (large batches are
 * stored first, {@link PendingAnalysis}) and feeds the new pairs to a {@link DuplicateTracker}.
 * Their analysis and duplicate flags trail the answer to a POST by a second or two; a pair is
 * never delayed for them. Then the new pairs are checked against their database's schema, if any.
 */
final class BackgroundAnalysis implements AutoCloseable {
    static final long DEBOUNCE_MS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundAnalysis.class);

    private final Database store;
    private final PairEnricher enricher;
    /** Null when duplicate flags are not tracked. */
    private final DuplicateTracker tracker;

    private final Thread thread;
    /** Checks collected pairs against their database's schema (issue 15), when one is stored. */
    private final SqlAnalyzer analyzer = new SqlAnalyzer();
    /** Pairs up to this id were validated; -1 until a schema is stored (no index is built for it before). */
    private long validatedUpTo;
    /** A run is due. True at start: pairs a crash left unanalysed or ungrouped are finished before the first request asks. */
    private boolean dirty = true;

    private boolean closed;
    /**
     * The lowest id stored without analysis since the last run, {@link #NONE} if none: the scan
     * for unanalysed pairs starts there instead of at the first pair (at 1M pairs a scan from
     * the start each second kept a core busy). 1 at start: pairs a crash left unanalysed.
     */
    private long pendingFrom = 1;

    private static final long NONE = Long.MAX_VALUE;

    BackgroundAnalysis(Database store, PairEnricher enricher, DuplicateTracker tracker) {
        this.store = store;
        this.enricher = enricher;
        this.tracker = tracker;
        this.validatedUpTo = store.latestSchemas().isEmpty() ? -1 : ValidationRun.lastStoredId(store);
        this.thread = new Thread(this::run, "collector-analysis");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** New pairs were committed. */
    synchronized void changed() {
        dirty = true;
        notifyAll();
    }

    /** Pairs were committed without analysis (a large batch): the next run analyses them. */
    synchronized void storedUnanalysed(long lowestId) {
        pendingFrom = Math.min(pendingFrom, lowestId);
        changed();
    }

    /** A pair was deleted: groups may split, so the next catch-up regroups everything. */
    void regroup() {
        if (tracker != null) {
            tracker.invalidate();
        }
        changed();
    }

    private synchronized boolean closed() {
        return closed;
    }

    private void run() {
        while (true) {
            synchronized (this) {
                while (!dirty && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
            }
            synchronized (this) {
                long until = System.nanoTime()
                        + TimeUnit.MILLISECONDS.toNanos(DEBOUNCE_MS); // let a burst of commits land first
                long left;
                while (!closed && (left = until - System.nanoTime()) > 0) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(this, left);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                dirty = false;
            }
            long from;
            synchronized (this) {
                from = pendingFrom;
                pendingFrom = NONE;
            }
            try {
                if (from != NONE) {
                    PendingAnalysis.run(store, enricher, 1, from - 1, n -> {}, this::closed);
                }
                if (tracker != null) {
                    tracker.catchUp();
                }
                if (!store.latestSchemas().isEmpty()) {
                    long upTo = ValidationRun.lastStoredId(store);
                    if (validatedUpTo >= 0) {
                        ValidationRun.runAdded(store, analyzer, validatedUpTo, 1, n -> {}, this::closed);
                    }
                    validatedUpTo = upTo;
                }
            } catch (RuntimeException e) {
                if (closed()) {
                    return; // the store closed under a late pass; the next start scans for unanalysed pairs from the
                    // first
                }
                // the tracker may have advanced past pairs whose marks were not written: regroup next time
                LOG.warn("Analysing collected pairs failed; trying again: {}", e.getMessage());
                if (tracker != null) {
                    tracker.invalidate();
                }
                storedUnanalysed(from);
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        // no interrupt: an interrupted thread in the middle of H2 file I/O can close the database's file channel
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        analyzer.close();
    }
}
