package dev.pairstudio.reliability;

import dev.pairstudio.api.CollectorConfig;
import dev.pairstudio.api.CollectorServer;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.PairSort;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak's collect step on its own (issue 25, session 9): a collector on loopback takes batches
 * of 100 pairs every 100 ms (1,000 pairs/s asked) from one waiting client while a reader thread
 * counts, pages, searches and indexes pages as the window does. Prints the pairs acknowledged per
 * second, the requests' latency and the reader's rounds. Not a test: run it as a main on a copy
 * of a large file (it adds the collected pairs to it).
 *
 * <pre>
 * bench/collect-under-read.sh DB [seconds=60] [pairs/s=1000] [reader=on|off]
 * </pre>
 */
public final class CollectUnderReadBench {
    private CollectUnderReadBench() {}

    public static void main(String[] args) throws Exception {
        String db = args[0];
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int perSecond = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        boolean reader = args.length <= 3 || !args[3].equals("off");
        try (Database store = Databases.open(db)) {
            long t0 = System.nanoTime();
            long before = store.count(PairFilter.ALL);
            print("opened %s: %,d live pairs, index in %.1f s", db, before, since(t0));
            t0 = System.nanoTime();
            store.count(PairFilter.ALL.withText("orders", false)); // the word index, built once
            store.pageStarts(PairFilter.ALL, PairSort.NEWEST_FIRST, 100);
            print("warm-up reads (word index, page starts) in %.1f s", since(t0));

            AtomicLong readerProblems = new AtomicLong();
            PacedPosts.Result posted;
            long rounds = 0;
            try (CollectorServer server =
                    CollectorServer.start(store, CollectorConfig.defaults().withPort(0))) {
                String loadBefore = load();
                WindowReads reads = reader
                        ? WindowReads.start(store, e -> {
                            readerProblems.incrementAndGet();
                            e.printStackTrace();
                        })
                        : null;
                posted = PacedPosts.run(
                        server,
                        7,
                        "bench-" + System.currentTimeMillis() + "-",
                        perSecond,
                        Duration.ofSeconds(seconds),
                        () -> print("a request went unanswered for %d s", PacedPosts.ANSWER_TIMEOUT.toSeconds()));
                if (reads != null) {
                    reads.close();
                    rounds = reads.rounds();
                }
                print("load average before / after: %s / %s", loadBefore, load());
            }
            long stored = store.count(PairFilter.ALL) - before;
            print(
                    "collected under %s: %,d pairs acknowledged in %.1f s = %,.0f pairs/s (%,d asked); "
                            + "%d requests answered, latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; "
                            + "%,d pairs in unanswered requests, %d refused; stored %,d -> %s",
                    reader ? "the window's reads" : "no reader",
                    posted.acknowledged(),
                    posted.seconds(),
                    posted.pairsPerSecond(),
                    perSecond,
                    posted.latencyNanos().length,
                    posted.latencyMs(50),
                    posted.latencyMs(99),
                    posted.latencyMs(100),
                    posted.unanswered(),
                    posted.refusals().size(),
                    stored,
                    stored == posted.acknowledged() ? "as acknowledged" : "MISMATCH");
            if (reader) {
                print(
                        "reader: %d rounds = %.2f rounds/s (count, first page newest first, word count, page starts); %d problems",
                        rounds, rounds / posted.seconds(), readerProblems.get());
            }
        }
    }

    private static String load() {
        return String.format(
                Locale.ROOT,
                "%.1f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double since(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
