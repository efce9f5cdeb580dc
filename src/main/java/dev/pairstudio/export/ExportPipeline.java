package dev.pairstudio.export;

import dev.pairstudio.store.StoredPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads, transforms and writes in three overlapping stages with bounded memory: a reader thread
 * streams the database cursor in batches, worker threads transform batches (anonymization is the
 * expensive part), and the calling thread writes the results in the original order. At most a
 * few batches are in flight, so memory does not grow with the export.
 */
final class ExportPipeline {
    static final int BATCH = 1_000;
    private static final int PROGRESS_EVERY = 10_000;

    /**
     * A transformed pair, where it goes, what the split check compares of it and its bytes when the
     * format could render them on the worker (else null); null from the transform drops the pair.
     */
    record Item(ExportRecord record, SplitAssigner.Split split, SplitAudit.Entry audited, byte[] rendered) {}

    /** Hands the pairs to export, in insertion order, to the action (a store's cursor). */
    interface Source {
        void forEach(Consumer<StoredPair> action);
    }

    interface Sink {
        void write(Item item) throws IOException;
    }

    private record Batch(List<Item> items, int read) {}

    private static final Future<Batch> END = CompletableFuture.completedFuture(new Batch(List.of(), 0));

    private ExportPipeline() {}

    /**
     * Returns the number of pairs read: at most {@code limit}, the first in insertion order (pairs
     * added after the export began come after those and are not read).
     */
    static long run(
            Source source,
            long limit,
            int workers,
            Function<StoredPair, Item> transform,
            Sink sink,
            ExportListener listener,
            long total,
            long startNanos)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "export-worker");
            t.setDaemon(true);
            return t;
        });
        BlockingQueue<Future<Batch>> queue = new ArrayBlockingQueue<>(workers * 2 + 2);
        StopFlag stop = new StopFlag();
        Thread reader = new Thread(() -> read(source, limit, transform, pool, queue, stop), "export-reader");
        reader.setDaemon(true);
        reader.start();
        long read = 0;
        long nextProgress = PROGRESS_EVERY;
        try {
            while (true) {
                Future<Batch> f = queue.take();
                if (f == END) {
                    break;
                }
                Batch b = get(f);
                for (Item item : b.items()) {
                    sink.write(item);
                }
                read += b.read();
                if (listener.isCancelled()) {
                    throw new ExportException.Cancelled();
                }
                if (read >= nextProgress) {
                    nextProgress += PROGRESS_EVERY;
                    listener.progress(
                            new ExportProgress(read, total, Duration.ofNanos(System.nanoTime() - startNanos)));
                }
            }
            return read;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExportException("Export interrupted; no file was written", e);
        } finally {
            stop.set = true;
            queue.clear();
            pool.shutdownNow();
            try {
                reader.join(10_000);
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final class StopFlag {
        volatile boolean set;
    }

    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** Ends the database cursor once the limit is read. */
    private static final class LimitReached extends RuntimeException {
        LimitReached() {
            super(null, null, false, false);
        }
    }

    private static void read(
            Source source,
            long limit,
            Function<StoredPair, Item> transform,
            ExecutorService pool,
            BlockingQueue<Future<Batch>> queue,
            StopFlag stop) {
        List<StoredPair> batch = new ArrayList<>(BATCH);
        long[] taken = {0};
        try {
            try {
                source.forEach(p -> {
                    if (taken[0] == limit) {
                        throw new LimitReached();
                    }
                    taken[0]++;
                    batch.add(p);
                    if (batch.size() == BATCH) {
                        submit(new ArrayList<>(batch), transform, pool, queue, stop);
                        batch.clear();
                    }
                });
            } catch (LimitReached enough) {
                // the rest was added after the export began
            }
            if (!batch.isEmpty()) {
                submit(new ArrayList<>(batch), transform, pool, queue, stop);
            }
            put(queue, END, stop);
        } catch (Stopped e) {
            // the writer gave up; nothing more to do
        } catch (RuntimeException | Error e) {
            try {
                put(queue, CompletableFuture.failedFuture(e), stop);
                put(queue, END, stop);
            } catch (Stopped ignored) {
                // the writer gave up already
            }
        }
    }

    private static void submit(
            List<StoredPair> pairs,
            Function<StoredPair, Item> transform,
            ExecutorService pool,
            BlockingQueue<Future<Batch>> queue,
            StopFlag stop) {
        if (stop.set) {
            throw new Stopped();
        }
        Future<Batch> f = pool.submit(() -> {
            List<Item> out = new ArrayList<>(pairs.size());
            for (StoredPair p : pairs) {
                Item item = transform.apply(p);
                if (item != null) {
                    out.add(item);
                }
            }
            return new Batch(out, pairs.size());
        });
        put(queue, f, stop);
    }

    private static void put(BlockingQueue<Future<Batch>> queue, Future<Batch> f, StopFlag stop) {
        try {
            while (!queue.offer(f, 100, TimeUnit.MILLISECONDS)) {
                if (stop.set) {
                    throw new Stopped();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    private static Batch get(Future<Batch> f) throws IOException, InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new ExportException("Export failed: " + cause.getMessage(), cause);
        }
    }
}
