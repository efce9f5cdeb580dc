package dev.pairstudio.store;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads the next page of rows on a second thread while the caller works on the current one.
 * A full read of 1M pairs costs about as much CPU as writing them out as JSON; one after the
 * other an export used one core, side by side it uses both. At most {@link #AHEAD} pages wait,
 * so memory stays bounded; when the caller stops (an exception, a cancelled export) the reader
 * stops at its next page.
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

    private ReadAhead() {}

    /** Runs {@code source} on a reading thread and hands its pages, in order, to {@code consumer} on this one. */
    static <T> void forEachPage(String name, Pages<T> source, Consumer<List<T>> consumer) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
        Stop stop = new Stop();
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
        try {
            while (true) {
                Object item = queue.take();
                if (item == END) {
                    return;
                }
                if (item instanceof RuntimeException e) {
                    throw e;
                }
                if (item instanceof Error e) {
                    throw e;
                }
                if (item instanceof Throwable e) {
                    throw new StoreException("Reading pairs failed: " + e.getMessage(), e);
                }
                @SuppressWarnings("unchecked")
                List<T> page = (List<T>) item;
                consumer.accept(page);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Reading pairs was interrupted", e);
        } finally {
            stop.requested = true;
            queue.clear(); // frees a reader blocked on a full queue
            try {
                reader.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
