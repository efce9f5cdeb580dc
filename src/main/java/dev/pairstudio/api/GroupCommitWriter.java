package dev.pairstudio.api;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.AddResult;
import dev.pairstudio.store.PairIntake;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one writer thread takes every write request waiting at that moment, stores
 * them in one transaction and only then completes each request's future. A request is
 * answered after its pairs are committed, exactly as with one transaction per request, but
 * concurrent clients share the cost of a commit. No delay is added to wait for company: while
 * one group commits, the next one queues up by itself.
 *
 * <p>A group that fails is retried request by request, so that one request's problem fails
 * only that request.
 */
final class GroupCommitWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);

    private record Job(List<Pair> pairs, List<PairAnalysis> analyses, CompletableFuture<List<Long>> done) {}

    private static final Job STOP = new Job(List.of(), List.of(), null);
    private static final int MAX_ATTEMPTS = 4;

    private final PairIntake store;
    private final String importBatch;
    private final int maxGroupPairs;
    private final Consumer<List<Long>> committed;
    private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    private Job carried;
    /** Transactions committed and requests they answered, for the benchmark's group-size figure. */
    final AtomicLong commits = new AtomicLong();

    final AtomicLong requests = new AtomicLong();

    /**
     * @param importBatch   the import batch recorded with every pair this writer stores
     * @param maxGroupPairs a group grows up to about this many pairs (a single larger request is stored alone)
     * @param committed     told the ids of each committed group, on the writer thread
     */
    GroupCommitWriter(PairIntake store, String importBatch, int maxGroupPairs, Consumer<List<Long>> committed) {
        this.store = store;
        this.importBatch = importBatch;
        this.maxGroupPairs = maxGroupPairs;
        this.committed = committed;
        this.thread = new Thread(this::run, "collector-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues pairs for the next group; the future gives their store ids once committed. */
    CompletableFuture<List<Long>> submit(List<Pair> pairs, List<PairAnalysis> analyses) {
        CompletableFuture<List<Long>> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new IllegalStateException("The collector is stopping"));
            return done;
        }
        queue.add(new Job(pairs, analyses, done));
        return done;
    }

    private void run() {
        List<Job> group = new ArrayList<>();
        while (true) {
            group.clear();
            Job first;
            try {
                first = carried != null ? carried : queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failRemaining();
                return;
            }
            carried = null;
            if (first == STOP) {
                failRemaining();
                return;
            }
            group.add(first);
            int pairs = first.pairs.size();
            boolean stop = false;
            while (pairs < maxGroupPairs) {
                Job next = queue.poll();
                if (next == null) {
                    break;
                }
                if (next == STOP) {
                    stop = true;
                    break;
                }
                if (pairs + next.pairs.size() > maxGroupPairs) {
                    carried = next;
                    break;
                }
                group.add(next);
                pairs += next.pairs.size();
            }
            write(group, pairs);
            if (stop) {
                if (carried != null) {
                    write(List.of(carried), carried.pairs.size());
                    carried = null;
                }
                failRemaining();
                return;
            }
        }
    }

    private void write(List<Job> group, int size) {
        try {
            writeGroup(group, size);
        } catch (RuntimeException | Error e) {
            LOG.error("The collector's writer failed", e);
            for (Job j : group) {
                j.done.completeExceptionally(e);
            }
        }
    }

    private void writeGroup(List<Job> group, int size) {
        if (group.size() == 1) {
            writeAlone(group.get(0));
            return;
        }
        List<Pair> pairs = new ArrayList<>(size);
        List<PairAnalysis> analyses = new ArrayList<>(size);
        for (Job j : group) {
            pairs.addAll(j.pairs);
            analyses.addAll(j.analyses);
        }
        AddResult result;
        try {
            result = addAll(pairs, analyses);
        } catch (RuntimeException e) {
            LOG.warn(
                    "A group of {} requests failed to commit; retrying them one by one: {}",
                    group.size(),
                    e.getMessage());
            group.forEach(this::writeAlone);
            return;
        }
        commits.incrementAndGet();
        requests.addAndGet(group.size());
        notifyCommitted(result.ids());
        if (result.skipped() > 0) {
            // pair_ids are fresh UUIDs, so this does not happen; if it did, ids could not be told apart per request
            throw new IllegalStateException(
                    result.skipped() + " collected pairs had a pair_id that was already stored");
        }
        int from = 0;
        for (Job j : group) {
            int to = from + j.pairs.size();
            j.done.complete(List.copyOf(result.ids().subList(from, to)));
            from = to;
        }
    }

    private void writeAlone(Job job) {
        try {
            AddResult result = addAll(job.pairs, job.analyses);
            commits.incrementAndGet();
            requests.incrementAndGet();
            notifyCommitted(result.ids());
            if (result.skipped() > 0) {
                throw new IllegalStateException(
                        result.skipped() + " collected pairs had a pair_id that was already stored");
            }
            job.done.complete(result.ids());
        } catch (RuntimeException e) {
            job.done.completeExceptionally(e);
        }
    }

    /**
     * One transaction, tried again when the database chose it as a deadlock victim (another writer,
     * such as a duplicate-flag update or an edit in the window, touched the same statistics rows):
     * a rolled-back transaction left nothing behind, so trying again is safe.
     */
    private AddResult addAll(List<Pair> pairs, List<PairAnalysis> analyses) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.addAll(pairs, analyses, Source.API, importBatch);
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS || !isDeadlock(e)) {
                    throw e;
                }
                LOG.debug("Deadlock storing {} pairs, attempt {}; trying again", pairs.size(), attempt);
                try {
                    Thread.sleep(5L * attempt * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** SQLSTATE 40001 (serialization failure / deadlock victim; H2's error 40001) anywhere in the causes. */
    static boolean isDeadlock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("40001".equals(s.getSQLState()) || s.getErrorCode() == 40001)) {
                return true;
            }
        }
        return false;
    }

    private void notifyCommitted(List<Long> ids) {
        if (!ids.isEmpty()) {
            try {
                committed.accept(ids);
            } catch (RuntimeException e) {
                LOG.warn("A collector listener failed", e);
            }
        }
    }

    private void failRemaining() {
        Job j;
        while ((j = queue.poll()) != null) {
            if (j != STOP) {
                j.done.completeExceptionally(new IllegalStateException("The collector stopped"));
            }
        }
    }

    /** Stores what is queued, then stops the writer thread (waits up to 30 s). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(STOP);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failRemaining(); // a request that slipped in after the stop marker is answered too
    }
}
