package dev.pairstudio.reliability;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.PairSort;
import java.util.function.Consumer;

/**
 * A reader thread that uses a store as the window does while pairs arrive: counts everything,
 * reads the first page newest first, counts a word search, and indexes the pages for the
 * scroll bar, round after round until stopped. Shared by the soak and {@link CollectUnderReadBench}.
 */
final class WindowReads implements AutoCloseable {
    private static final String[] WORDS = {"orders", "customers", "flights", "total", "average"};

    private final Database store;
    private final Consumer<RuntimeException> problems;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long rounds;

    private WindowReads(Database store, Consumer<RuntimeException> problems) {
        this.store = store;
        this.problems = problems;
        this.thread = new Thread(this::loop, "window-reads");
    }

    /** Starts reading; {@code problems} hears every exception (the reader goes on). */
    static WindowReads start(Database store, Consumer<RuntimeException> problems) {
        WindowReads reads = new WindowReads(store, problems);
        reads.thread.start();
        return reads;
    }

    private void loop() {
        int i = 0;
        while (running) {
            try {
                store.count(PairFilter.ALL);
                store.query(PairFilter.ALL, PairSort.NEWEST_FIRST, null, 100);
                store.count(PairFilter.ALL.withText(WORDS[i++ % WORDS.length], false));
                store.pageStarts(PairFilter.ALL, PairSort.NEWEST_FIRST, 100);
                rounds++;
            } catch (RuntimeException e) {
                problems.accept(e);
            }
        }
    }

    /** Rounds of the four reads completed so far. */
    long rounds() {
        return rounds;
    }

    /** Stops after the round under way and waits for it. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
