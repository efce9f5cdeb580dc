package dev.pairstudio.bench;

import static dev.pairstudio.bench.Report.count;

import dev.pairstudio.bench.Report.Area;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.stats.Statistics;
import dev.pairstudio.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issue 7's statistics figures: {@code Statistics.compute} for the whole set and for filtered
 * thirds (whole days: the pre-aggregated path; mid-day edges with an outcome: the exact edges;
 * database types), plus a text filter, which reads every matching pair (shown, not judged).
 */
final class StatsBench {
    private StatsBench() {}

    static void run(Workload w, Report report) throws Exception {
        Database store = w.store();
        long n = store.count(PairFilter.ALL);
        w.progress.println("statistics ...");
        Statistics all = Statistics.compute(store, PairFilter.ALL);
        Instant first = all.start();
        Instant last = all.end();
        Duration third = Duration.between(first, last).dividedBy(3);
        Instant from = first.plus(third).truncatedTo(ChronoUnit.DAYS);
        Instant to = from.plus(third).truncatedTo(ChronoUnit.DAYS);
        List<String> types = store.databaseTypes();

        Map<String, PairFilter> filters = new LinkedHashMap<>();
        filters.put("whole set", PairFilter.ALL);
        filters.put("the middle third by date (whole days)", PairFilter.ALL.withDates(from, to));
        filters.put(
                "the middle third by date, edges at 09:30 and 17:00, successful only",
                PairFilter.ALL
                        .withDates(from.plus(570, ChronoUnit.MINUTES), to.plus(1020, ChronoUnit.MINUTES))
                        .withSuccess(true));
        if (types.size() >= 2) {
            filters.put(
                    "database types " + types.get(types.size() - 2) + " + " + types.get(types.size() - 1),
                    PairFilter.ALL.withDatabaseTypes(Set.of(types.get(types.size() - 2), types.get(types.size() - 1))));
        }
        String textWord = "customers";
        filters.put("text '" + textWord + "' (reads every matching pair)", PairFilter.ALL.withText(textWord, false));

        Map<String, Latency.Call> calls = new LinkedHashMap<>();
        filters.forEach(
                (name, f) -> calls.put(name, () -> Statistics.compute(store, f).totalPairs()));
        w.heap.begin();
        Map<String, Latency> latency = Latency.roundRobin(calls, w.options.repeats(), w.options.budgetMs());
        HeapWatch.Peak heap = w.heap.peak();
        for (Map.Entry<String, Latency> e : latency.entrySet()) {
            boolean judged = !e.getKey().startsWith("text");
            long pairs = (Long) e.getValue().lastResult();
            Report.Row row = StoreBench.latencyRow(
                    "statistics: " + e.getKey(), count(pairs) + " of " + count(n) + " pairs", e.getValue(), 1_000, "");
            if (!judged) {
                row = new Report.Row(
                        row.operation(),
                        row.size(),
                        row.figure(),
                        row.value(),
                        "",
                        Report.Verdict.NONE,
                        row.heap(),
                        row.note());
            }
            report.add(Area.STATS, row);
        }
        report.add(Area.STATS, BenchmarkSuite.heapRow("peak heap over the statistics", count(n) + " pairs", heap));
    }
}
