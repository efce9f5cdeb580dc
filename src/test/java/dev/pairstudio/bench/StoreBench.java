package dev.pairstudio.bench;

import static dev.pairstudio.bench.Report.count;
import static dev.pairstudio.bench.Report.rate;
import static dev.pairstudio.bench.Report.ratio;
import static dev.pairstudio.bench.Report.seconds;

import dev.pairstudio.bench.Report.Area;
import dev.pairstudio.bench.Report.Row;
import dev.pairstudio.bench.Report.Verdict;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.stats.Statistics;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.SortColumn;
import dev.pairstudio.store.TrashBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Issue 4's read and delete figures on the imported store: counts, first pages for every sort,
 * a deep page against page 1, free-text search, and delete-by-filter with its restore. Latencies
 * are judged on the median of the repeats; the first ("cold") call is shown beside it.
 */
final class StoreBench {
    /** Words of the synthetic pairs: common, middling, rare (PII), and one that never occurs (the scan's worst case). */
    static final String[] WORDS = {"customers", "Lisbon", "salary", "example.org", "zebra"};

    private static final int PAGE = 100;
    private static final int DEEP_PAGE = 5_000;
    private static final SortColumn[] DEEP_SORTS = {
        SortColumn.ID, SortColumn.TIMESTAMP, SortColumn.QUESTION, SortColumn.SUCCESS
    };

    private StoreBench() {}

    static void reads(Workload w, Report report) throws Exception {
        Area area = Area.READS;
        Database store = w.store();
        long n = store.count(PairFilter.ALL);
        String size = count(n) + " pairs";
        int repeats = w.options.repeats();
        double budget = w.options.budgetMs();

        // counts: a different date window, outcome and database type on every call (no cached result)
        w.progress.println("reads: counts ...");
        Statistics all = Statistics.compute(store, PairFilter.ALL);
        Instant first = all.start();
        Instant last = all.end();
        Duration span = Duration.between(first, last);
        List<String> types = store.databaseTypes();
        List<Latency.Call> counts = new ArrayList<>();
        for (int i = 0; i <= repeats; i++) {
            Instant from = first.plus(span.multipliedBy(i % 7).dividedBy(21)).plusSeconds(3_600L * i);
            Instant to = from.plus(span.dividedBy(3));
            PairFilter f = PairFilter.ALL
                    .withDates(from, to)
                    .withSuccess(i % 2 == 0)
                    .withDatabaseTypes(Set.of(types.get(i % types.size())));
            counts.add(() -> store.count(f));
        }
        Latency c = Latency.distinct(counts);
        report.add(
                area,
                latencyRow(
                        "count: date range (a third) + success + database type",
                        size,
                        c,
                        100,
                        "a new window, outcome and type each call; last matched " + count((Long) c.lastResult())));

        // the first page of every sort, both directions
        w.progress.println("reads: first pages ...");
        Map<String, Latency.Call> pages = new LinkedHashMap<>();
        for (SortColumn col : SortColumn.values()) {
            for (boolean desc : new boolean[] {false, true}) {
                PairSort sort = new PairSort(col, desc);
                pages.put(
                        col.name().toLowerCase(Locale.ROOT) + (desc ? " desc" : " asc"),
                        () -> store.query(PairFilter.ALL, sort, null, PAGE)
                                .rows()
                                .size());
            }
        }
        Map<String, Latency> firstPages = Latency.roundRobin(pages, repeats, budget);
        String worst = null;
        for (Map.Entry<String, Latency> e : firstPages.entrySet()) {
            report.add(area, latencyRow("first page of 100, sort by " + e.getKey(), size, e.getValue(), 50, ""));
            if (worst == null || e.getValue().p(50) > firstPages.get(worst).p(50)) {
                worst = e.getKey();
            }
        }
        Latency worstLatency = firstPages.get(worst);
        report.add(
                area,
                new Row(
                        "first page of 100, slowest sort (" + worst + ")",
                        size,
                        "p50 " + Latency.ms(worstLatency.p(50)),
                        worstLatency.p(50),
                        "≤ 50 ms for any sort",
                        Verdict.of(worstLatency.p(50) <= 50),
                        "",
                        firstPages.size() + " sorts"));

        // a deep page against page 1: cursors from pageStarts, only the page itself timed
        w.progress.println("reads: deep pages ...");
        Map<String, Latency.Call> deep = new LinkedHashMap<>();
        Map<SortColumn, Double> startsMs = new LinkedHashMap<>();
        Map<SortColumn, Integer> deepPage = new LinkedHashMap<>();
        for (SortColumn col : DEEP_SORTS) {
            PairSort sort = new PairSort(col, false);
            long t = System.nanoTime();
            List<String> starts = store.pageStarts(PairFilter.ALL, sort, PAGE);
            startsMs.put(col, Latency.millis(t));
            int k = Math.min(
                    Math.max(DEEP_PAGE, starts.size() / 2),
                    starts.size()); // the middle from 1M pairs on (10M: page 50,000)
            deepPage.put(col, k);
            String cursor = starts.get(k - 1);
            deep.put(
                    col + " page 1",
                    () -> store.query(PairFilter.ALL, sort, null, PAGE).rows().size());
            deep.put(
                    col + " page k",
                    () -> store.query(PairFilter.ALL, sort, cursor, PAGE).rows().size());
        }
        Map<String, Latency> deepLatency = Latency.roundRobin(deep, repeats, budget);
        for (SortColumn col : DEEP_SORTS) {
            Latency p1 = deepLatency.get(col + " page 1");
            Latency pk = deepLatency.get(col + " page k");
            int k = deepPage.get(col);
            double r = pk.p(50) / p1.p(50);
            report.add(
                    area,
                    new Row(
                            "page " + count(k) + (k < DEEP_PAGE ? " (the last; page 5,000 needs 500,000 pairs)" : "")
                                    + " vs page 1, sort by " + col.name().toLowerCase(Locale.ROOT),
                            size,
                            ratio(r) + " (p50 " + Latency.ms(pk.p(50)) + " vs " + Latency.ms(p1.p(50)) + ")",
                            r,
                            "within 2× of page 1",
                            Verdict.of(r <= 2),
                            "",
                            "page k: " + pk.percentiles() + ", cold " + Latency.ms(pk.cold()) + "; pageStarts "
                                    + Latency.ms(startsMs.get(col))));
        }

        // free-text search: the first page and the full count, for several words
        w.progress.println("reads: search ...");
        Map<String, Latency.Call> search = new LinkedHashMap<>();
        for (String word : WORDS) {
            PairFilter f = PairFilter.ALL.withText(word, false);
            search.put(
                    word + " page",
                    () -> store.query(f, PairSort.INSERTION, null, PAGE).rows().size());
            search.put(word + " count", () -> store.count(f));
        }
        Map<String, Latency> searchLatency = Latency.roundRobin(search, repeats, budget);
        for (String word : WORDS) {
            Latency count = searchLatency.get(word + " count");
            report.add(
                    area,
                    latencyRow(
                            "search '" + word + "': first page of 100",
                            size,
                            searchLatency.get(word + " page"),
                            50,
                            ""));
            report.add(
                    area,
                    latencyRow(
                            "search '" + word + "': full count",
                            size,
                            count,
                            300,
                            count((Long) count.lastResult()) + " matches"));
        }
    }

    /** Deletes about 100,000 pairs (a tenth of smaller sets) by a date filter, then restores them. */
    static void delete(Workload w, Report report) throws Exception {
        Area area = Area.DELETE;
        Database store = w.store();
        long before = store.count(PairFilter.ALL);
        long wanted = Math.max(1, Math.min(100_000, before / 10));
        w.progress.println("delete by filter ...");
        PairFilter doomed = w.earliest(wanted);
        long matching = store.count(doomed);
        String size = count(matching) + " of " + count(before) + " pairs";

        w.heap.begin();
        long t = System.nanoTime();
        TrashBatch batch = store.trash(doomed);
        double deleteSeconds = (System.nanoTime() - t) / 1e9;
        HeapWatch.Peak deleteHeap = w.heap.peak();
        long live = store.count(PairFilter.ALL);
        double rate = batch.count() / deleteSeconds;
        report.add(
                area,
                new Row(
                        "delete by filter (the earliest pairs by date) to the trash",
                        size,
                        seconds(deleteSeconds) + " (" + rate(rate) + ")",
                        rate,
                        "100,000 in ≤ 3 s (≥ 33,333 pairs/s)",
                        Verdict.of(rate >= 100_000 / 3.0),
                        deleteHeap.toString(),
                        count(batch.count()) + " trashed, " + count(live) + " left live"));

        w.heap.begin();
        t = System.nanoTime();
        long restored = store.restore(batch.id());
        double restoreSeconds = (System.nanoTime() - t) / 1e9;
        long after = store.count(PairFilter.ALL);
        report.add(
                area,
                new Row(
                        "restore that delete",
                        size,
                        seconds(restoreSeconds) + " (" + rate(restored / restoreSeconds) + ")",
                        restored / restoreSeconds,
                        "restorable: every pair back",
                        Verdict.of(after == before && restored == batch.count()),
                        w.heap.peak().toString(),
                        count(restored) + " restored; " + count(after) + " live after, " + count(before) + " before"));
    }

    /** A latency row judged on the median against {@code targetMs}. */
    static Row latencyRow(String operation, String size, Latency l, double targetMs, String note) {
        String cold = "cold " + Latency.ms(l.cold());
        return new Row(
                operation,
                size,
                l.percentiles(),
                l.p(50),
                String.format(Locale.ROOT, "≤ %,.0f ms", targetMs),
                Verdict.of(l.p(50) <= targetMs),
                "",
                note.isEmpty() ? cold : cold + "; " + note);
    }
}
