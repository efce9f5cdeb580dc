package dev.pairstudio.store;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Issue 26's question sort at scale: ranking every pair on the first sort by question, the first
 * page and page 5,000 afterwards, placing pairs added since, and the ranks read back from the
 * snapshot on the next open. On a copy of a large store:
 * <pre>java -Xmx1g -cp target/classes:target/test-classes:$(cat target/bench-classpath.txt) \
 *     dev.pairstudio.store.QuestionSortBenchmark DIR/store.mv.db</pre>
 */
public final class QuestionSortBenchmark {
    private static final PairSort ASC = new PairSort(SortColumn.QUESTION, false);
    private static final PairSort DESC = new PairSort(SortColumn.QUESTION, true);

    private QuestionSortBenchmark() {}

    public static void main(String[] args) {
        String db = args[0];
        try (Database s = Databases.open(db)) {
            time("index ready (a filtered count)", () -> s.count(PairFilter.ALL.withSuccess(true)));
            System.out.println("index origin: " + ((JdbcPairStore) s).indexOrigin());
            p50(
                    "baseline: first page by time",
                    () -> s.query(PairFilter.ALL, PairSort.NEWEST_FIRST, null, 100)
                            .rows()
                            .size());
            p50(
                    "baseline: first page by SQL (16-character key)",
                    () -> s.query(PairFilter.ALL, new PairSort(SortColumn.SQL, false), null, 100)
                            .rows()
                            .size());
            time(
                    "first page by question, ranking every pair (cold)",
                    () -> s.query(PairFilter.ALL, ASC, null, 100).rows().size());
            p50(
                    "first page by question asc",
                    () -> s.query(PairFilter.ALL, ASC, null, 100).rows().size());
            p50(
                    "first page by question desc",
                    () -> s.query(PairFilter.ALL, DESC, null, 100).rows().size());
            List<String> starts = time("page starts by question", () -> s.pageStarts(PairFilter.ALL, ASC, 100));
            String deep = starts.get(Math.min(5_000, starts.size() - 1));
            p50(
                    "page 5,000 by question",
                    () -> s.query(PairFilter.ALL, ASC, deep, 100).rows().size());
            p50(
                    "first page by question, filtered (success)",
                    () -> s.query(PairFilter.ALL.withSuccess(false), ASC, null, 100)
                            .rows()
                            .size());
            s.addAll(added(100), null, Source.FILE, "bench");
            time(
                    "first page by question after 100 pairs added (placed)",
                    () -> s.query(PairFilter.ALL, ASC, null, 100).rows().size());
        }
        try (Database s = Databases.open(db)) {
            time(
                    "reopen: first page by question (ranks from the snapshot)",
                    () -> s.query(PairFilter.ALL, ASC, null, 100).rows().size());
            System.out.println("index origin: " + ((JdbcPairStore) s).indexOrigin());
            p50(
                    "reopen: first page by question asc",
                    () -> s.query(PairFilter.ALL, ASC, null, 100).rows().size());
        }
    }

    private static List<Pair> added(int n) {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pairs.add(new Pair(
                    "qsort-bench-" + System.nanoTime() + "-" + i,
                    "What are the names of the " + i + " customers in Lisbon?",
                    "SELECT name FROM customers",
                    Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                    "sqlite",
                    "bench",
                    List.of(),
                    true,
                    null,
                    Map.of()));
        }
        return pairs;
    }

    private static <T> T time(String what, Supplier<T> call) {
        long t = System.nanoTime();
        T result = call.get();
        System.out.printf(Locale.ROOT, "%-60s %10.1f ms%n", what, (System.nanoTime() - t) / 1e6);
        return result;
    }

    private static void p50(String what, Supplier<?> call) {
        double[] ms = new double[11];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        double cold = ms[0];
        double[] warm = Arrays.copyOfRange(ms, 1, ms.length);
        Arrays.sort(warm);
        System.out.printf(
                Locale.ROOT, "%-60s p50 %7.1f ms  p90 %7.1f ms  (n=10, cold %.1f ms)%n", what, warm[5], warm[8], cold);
    }
}
