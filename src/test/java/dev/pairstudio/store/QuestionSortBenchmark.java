package dev.pairstudio.store;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.Source;
import dev.pairstudio.testing.TestPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Issue 26's text sorts at scale (question and SQL in full-text order): the first sort of a
 * database never ranked, on the click and in the background after opening as the window does,
 * first pages in both directions beside a baseline sort of the same run, placing a few pairs
 * added since and merging many, and the ranks read back from the snapshot on the next open.
 * On a copy of a large store (it writes a second copy beside it, {@code *-unranked}):
 * <pre>java -Xmx1g -cp target/classes:target/test-classes:$(cat target/bench-classpath.txt) \
 *     dev.pairstudio.store.QuestionSortBenchmark DIR/store.mv.db</pre>
 */
public final class QuestionSortBenchmark {
    private static final PairSort QUESTION = new PairSort(SortColumn.QUESTION, false);
    private static final PairSort QUESTION_DESC = new PairSort(SortColumn.QUESTION, true);
    private static final PairSort SQL = new PairSort(SortColumn.SQL, false);
    private static final PairSort SQL_DESC = new PairSort(SortColumn.SQL, true);

    private QuestionSortBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]).toAbsolutePath();
        String db = file.toString();
        try (Database s = Databases.open(db)) {
            time("open: index ready (a filtered count)", () -> s.count(PairFilter.ALL.withSuccess(true)));
            System.out.println("index origin: " + ((JdbcPairStore) s).indexOrigin());
            if (!s.sortReady(SortColumn.QUESTION) || !s.sortReady(SortColumn.SQL)) {
                System.out.println("texts never ranked: the database is copied as it is for the background run");
            }
        }
        Path unranked = copy(file);

        System.out.println("-- the first text sorts on the click (nothing ranked ahead)");
        try (Database s = Databases.open(db)) {
            time("index ready", () -> s.count(PairFilter.ALL.withSuccess(true)));
            time("first page by question, never ranked (ranks on the click)", () -> page(s, QUESTION));
            time("first page by SQL, never ranked (ranks on the click)", () -> page(s, SQL));
            p50("baseline: first page by time (desc)", () -> page(s, PairSort.NEWEST_FIRST));
            p50("first page by question asc", () -> page(s, QUESTION));
            p50("first page by question desc", () -> page(s, QUESTION_DESC));
            p50("first page by SQL asc", () -> page(s, SQL));
            p50("first page by SQL desc", () -> page(s, SQL_DESC));
            p50("baseline: first page by time (desc), again", () -> page(s, PairSort.NEWEST_FIRST));
            List<String> starts = time("page starts by question", () -> s.pageStarts(PairFilter.ALL, QUESTION, 100));
            String deep = starts.get(Math.min(5_000, starts.size() - 1));
            p50(
                    "page 5,000 by question",
                    () -> s.query(PairFilter.ALL, QUESTION, deep, 100).rows().size());
            p50(
                    "first page by SQL, filtered (failed only)",
                    () -> s.query(PairFilter.ALL.withSuccess(false), SQL, null, 100)
                            .rows()
                            .size());
            s.addAll(added(100, "placed"), null, Source.FILE, "bench");
            time("first page by question after 100 pairs added (placed)", () -> page(s, QUESTION));
            s.addAll(added(20_000, "merged"), null, Source.FILE, "bench");
            time("first page by question after 20,000 pairs added (merged)", () -> page(s, QUESTION));
            time("first page by SQL after 20,100 pairs added (merged)", () -> page(s, SQL));
        }
        try (Database s = Databases.open(db)) {
            time("reopen: first page by question (ranks from the snapshot)", () -> page(s, QUESTION));
            System.out.println("index origin: " + ((JdbcPairStore) s).indexOrigin());
            p50("reopen: first page by SQL asc", () -> page(s, SQL));
        }

        System.out.println("-- ranked in the background right after the index loads (what the window does)");
        try (Database s = Databases.open(unranked.toString())) {
            long opened = System.nanoTime();
            s.count(PairFilter.ALL.withSuccess(true));
            System.out.printf(Locale.ROOT, "%-64s %10.1f ms%n", "index ready after open", ms(opened));
            long[] readyAt = new long[1];
            Thread ranking = new Thread(() -> {
                s.prepareSorts();
                readyAt[0] = System.nanoTime();
            });
            ranking.start();
            Thread.sleep(200);
            p50("while ranking: first page by time (desc)", () -> page(s, PairSort.NEWEST_FIRST));
            time("while ranking: a click on question (waits for the ranks)", () -> page(s, QUESTION));
            ranking.join();
            System.out.printf(
                    Locale.ROOT, "%-64s %10.1f ms%n", "both texts ranked, after open", (readyAt[0] - opened) / 1e6);
            p50("then: first page by SQL asc", () -> page(s, SQL));
        }
    }

    private static int page(Database s, PairSort sort) {
        return s.query(PairFilter.ALL, sort, null, 100).rows().size();
    }

    /** The store as it is (no ranks), beside it, for the background run. */
    private static Path copy(Path file) throws java.io.IOException {
        String name = file.getFileName().toString().replace(".mv.db", "");
        Path copy = file.resolveSibling(name + "-unranked.mv.db");
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        Path index = file.resolveSibling(name + ".index");
        if (Files.exists(index)) {
            Files.copy(index, file.resolveSibling(name + "-unranked.index"), StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    private static List<Pair> added(int n, String kind) {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pairs.add(TestPair.of(
                            "qsort-bench-" + kind + "-" + System.nanoTime() + "-" + i,
                            "What are the names of the " + i + " customers in Lisbon?",
                            "SELECT name FROM customers WHERE city = 'Lisbon' AND rank = " + i)
                    .at(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS))
                    .on("sqlite", "bench")
                    .build());
        }
        return pairs;
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static <T> T time(String what, Supplier<T> call) {
        long t = System.nanoTime();
        T result = call.get();
        System.out.printf(Locale.ROOT, "%-64s %10.1f ms%n", what, ms(t));
        return result;
    }

    private static void p50(String what, Supplier<?> call) {
        double[] ms = new double[11];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            call.get();
            ms[i] = ms(t);
        }
        double cold = ms[0];
        double[] warm = Arrays.copyOfRange(ms, 1, ms.length);
        Arrays.sort(warm);
        System.out.printf(
                Locale.ROOT, "%-64s p50 %7.1f ms  p90 %7.1f ms  (n=10, cold %.1f ms)%n", what, warm[5], warm[8], cold);
    }
}
