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
}
