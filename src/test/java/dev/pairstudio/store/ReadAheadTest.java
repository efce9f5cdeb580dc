package dev.pairstudio.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    @Test
    void everyPageArrivesOnceAndInOrder() {
        List<Integer> seen = new ArrayList<>();
        ReadAhead.<Integer>forEachPage(
                "test-reader",
                pages -> {
                    for (int p = 0; p < 50; p++) {
                        pages.accept(List.of(p * 2, p * 2 + 1));
                    }
                },
                seen::addAll);
        assertEquals(100, seen.size());
        for (int i = 0; i < 100; i++) {
            assertEquals(i, seen.get(i));
        }
    }

    @Test
    void aConsumerThatStopsStopsTheReaderToo() throws InterruptedException {
        AtomicInteger produced = new AtomicInteger();
        IllegalStateException cancel = new IllegalStateException("cancelled");
        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> ReadAhead.<Integer>forEachPage(
                        "test-reader",
                        pages -> {
                            for (int p = 0; p < 1_000_000; p++) {
                                pages.accept(List.of(p));
                                produced.incrementAndGet();
                            }
                        },
                        page -> {
                            if (page.get(0) == 3) {
                                throw cancel;
                            }
                        }));
        assertSame(cancel, thrown);
        int after = produced.get();
        Thread.sleep(200);
        assertEquals(after, produced.get(), "the reader went on reading after the consumer stopped");
        assertTrue(after < 10, "the reader ran far ahead of the consumer: " + after + " pages");
        assertTrue(
                Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.getName().equals("test-reader")),
                "the reading thread is still alive");
    }

    @Test
    void aReadFailureReachesTheCaller() {
        StoreException e = assertThrows(
                StoreException.class,
                () -> ReadAhead.<Integer>forEachPage(
                        "test-reader",
                        pages -> {
                            pages.accept(List.of(1));
                            throw new SQLException("disk gone");
                        },
                        page -> {}));
        assertTrue(e.getMessage().contains("disk gone"), e.getMessage());
    }

    /** Page k of numbered pages holds k * 10 .. k * 10 + 9; slower on one thread than the other. */
    private static ReadAhead.PageReaders<Integer> numbered(AtomicInteger open, List<String> threads) {
        return () -> {
            open.incrementAndGet();
            return new ReadAhead.PageReader<>() {
                @Override
                public List<Integer> read(long page) throws InterruptedException {
                    synchronized (threads) {
                        threads.add(Thread.currentThread().getName() + "@"
                                + Thread.currentThread().getId());
                    }
                    if (page % 2 == 0) {
                        Thread.sleep(1); // the even pages' thread lags: order must come from the hand-over
                    }
                    List<Integer> rows = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        rows.add((int) page * 10 + i);
                    }
                    return rows;
                }

                @Override
                public void close() {
                    open.decrementAndGet();
                }
            };
        };
    }

    @Test
    void numberedPagesAreReadOnSeveralThreadsAndArriveInOrder() {
        AtomicInteger open = new AtomicInteger();
        List<String> threads = new ArrayList<>();
        List<Integer> seen = new ArrayList<>();
        ReadAhead.forEachNumberedPage("test-readers", 2, 101, numbered(open, threads), seen::addAll);
        assertEquals(1_010, seen.size());
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(i, seen.get(i));
        }
        assertEquals(2, threads.stream().distinct().count(), "pages read on two threads");
        assertEquals(0, open.get(), "every reader closed");
    }

    @Test
    void noPagesAndMoreThreadsThanPagesEndCleanly() {
        AtomicInteger open = new AtomicInteger();
        List<Integer> seen = new ArrayList<>();
        ReadAhead.forEachNumberedPage("test-readers", 2, 0, numbered(open, new ArrayList<>()), seen::addAll);
        ReadAhead.forEachNumberedPage("test-readers", 4, 1, numbered(open, new ArrayList<>()), seen::addAll);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), seen);
        assertEquals(0, open.get(), "every reader closed");
    }

    @Test
    void aConsumerThatStopsStopsEveryReader() throws InterruptedException {
        AtomicInteger open = new AtomicInteger();
        IllegalStateException cancel = new IllegalStateException("cancelled");
        List<String> threads = new ArrayList<>();
        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> ReadAhead.forEachNumberedPage("test-readers", 2, 1_000_000, numbered(open, threads), page -> {
                    if (page.get(0) == 50) {
                        throw cancel;
                    }
                }));
        assertSame(cancel, thrown);
        int after;
        synchronized (threads) {
            after = threads.size();
        }
        Thread.sleep(200);
        synchronized (threads) {
            assertEquals(after, threads.size(), "the readers went on after the consumer stopped");
        }
        assertTrue(after < 20, "the readers ran far ahead of the consumer: " + after + " pages");
        assertEquals(0, open.get(), "every reader closed");
        assertTrue(
                Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.getName().equals("test-readers")),
                "a reading thread is still alive");
    }

    @Test
    void aFailedNumberedPageReachesTheCallerInItsTurn() {
        List<Integer> seen = new ArrayList<>();
        StoreException e = assertThrows(
                StoreException.class,
                () -> ReadAhead.<Integer>forEachNumberedPage(
                        "test-readers",
                        2,
                        10,
                        () -> new ReadAhead.PageReader<>() {
                            @Override
                            public List<Integer> read(long page) throws SQLException {
                                if (page == 5) {
                                    throw new SQLException("page 5 unreadable");
                                }
                                return List.of((int) page);
                            }

                            @Override
                            public void close() {}
                        },
                        seen::addAll));
        assertTrue(e.getMessage().contains("page 5 unreadable"), e.getMessage());
        assertEquals(List.of(0, 1, 2, 3, 4), seen, "the pages before it were handed over, none after");
    }
}
