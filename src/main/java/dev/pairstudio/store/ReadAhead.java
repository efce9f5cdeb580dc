package dev.pairstudio.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads the next page of rows on a second thread while the caller works on the current one.
 * A full read of 1M pairs costs about as much CPU as writing them out as JSON; one after the
 * other an export used one core, side by side it uses both. At most {@link #AHEAD} pages wait
 * per reader, so memory stays bounded; when the caller stops (an exception, a cancelled export)
 * the readers stop at their next page. Pages that can be read independently (numbered id ranges,
 * chunks of an id list) are read by several threads and still handed over in order
 * ({@link #forEachNumberedPage}).
 */
final class ReadAhead {
    /** Pages read but not yet taken. */
    private static final int AHEAD = 2;

    private static final Object END = new Object();

    /** Produces pages in order by handing each to {@code pages}; runs on the reading thread. */
    @FunctionalInterface
    interface Pages<T> {
        void read(Consumer<List<T>> pages) throws Exception;
    }

    /** Reads numbered pages on one thread, with its own connection; closed when the thread is done. */
    interface PageReader<T> extends AutoCloseable {
        List<T> read(long page) throws Exception;
    }

    /** Opens a {@link PageReader} for one reading thread. */
    @FunctionalInterface
    interface PageReaders<T> {
        PageReader<T> open() throws Exception;
    }

    private ReadAhead() {}

    /**
     * Reads pages {@code 0 .. count-1} on {@code threads} reading threads (page k on thread k mod
     * threads) and hands them, in page order, to {@code consumer} on this one. H2 decodes the rows of
     * a page on the thread that asks for them, so one reader bounded an export at one core.
     */
    static <T> void forEachNumberedPage(
            String name, int threads, long count, PageReaders<T> readers, Consumer<List<T>> consumer) {
        List<BlockingQueue<Object>> queues = new ArrayList<>(threads);
        List<Thread> started = new ArrayList<>(threads);
        Stop stop = new Stop();
        try {
            for (int t = 0; t < threads; t++) {
                BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
                queues.add(queue);
                int first = t;
                started.add(start(name, queue, stop, (Pages<T>) pages -> {
                    try (PageReader<T> reader = readers.open()) {
                        for (long k = first; k < count; k += threads) {
                            pages.accept(reader.read(k));
                        }
                    }
                }));
            }
            for (long k = 0; k < count; k++) {
                consumer.accept(page(queues.get((int) (k % threads)).take()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Reading pairs was interrupted", e);
        } finally {
            stop(stop, queues, started);
        }
    }

    /** Runs {@code source} on a reading thread and hands its pages, in order, to {@code consumer} on this one. */
    static <T> void forEachPage(String name, Pages<T> source, Consumer<List<T>> consumer) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
        Stop stop = new Stop();
        Thread reader = start(name, queue, stop, source);
        try {
            while (true) {
                Object item = queue.take();
                if (item == END) {
                    return;
                }
                consumer.accept(page(item));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Reading pairs was interrupted", e);
        } finally {
            stop(stop, List.of(queue), List.of(reader));
        }
    }

    /** A reading thread that puts each page of {@code source}, then {@link #END} or what it failed with. */
    private static <T> Thread start(String name, BlockingQueue<Object> queue, Stop stop, Pages<T> source) {
        Thread reader = new Thread(
                () -> {
                    Object last = END;
                    try {
                        source.read(page -> put(queue, page, stop));
                    } catch (Stopped e) {
                        return;
                    } catch (Throwable e) {
                        last = e;
                    }
                    try {
                        put(queue, last, stop);
                    } catch (Stopped e) {
                        // the consumer has gone: nobody to tell
                    }
                },
                name);
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** A page taken from a reader's queue, or what the reader failed with, thrown here. */
    @SuppressWarnings("unchecked")
    private static <T> List<T> page(Object item) {
        if (item instanceof RuntimeException e) {
            throw e;
        }
        if (item instanceof Error e) {
            throw e;
        }
        if (item instanceof Throwable e) {
            throw new StoreException("Reading pairs failed: " + e.getMessage(), e);
        }
        if (item == END) {
            throw new IllegalStateException("a reader ended before its last page");
        }
        return (List<T>) item;
    }

    private static void stop(Stop stop, List<BlockingQueue<Object>> queues, List<Thread> readers) {
        stop.requested = true;
        queues.forEach(BlockingQueue::clear); // frees a reader blocked on a full queue
        try {
            for (Thread reader : readers) {
                reader.join(TimeUnit.SECONDS.toMillis(30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void put(BlockingQueue<Object> queue, Object item, Stop stop) {
        try {
            while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                if (stop.requested) {
                    throw new Stopped();
                }
            }
            if (stop.requested) {
                throw new Stopped();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    private static final class Stop {
        volatile boolean requested;
    }

    /** Unwinds the reading thread when the consumer has stopped. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
