package dev.pairstudio.ui.stats;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.stats.Statistics;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.StatCounts;
import dev.pairstudio.store.StatGroup;
import dev.pairstudio.store.StatSink;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything the dashboard draws for one filter, computed off the FX thread in two steps.
 * {@link #compute} runs {@link Statistics#compute}, which has most of it; {@link #withExtras}
 * adds what Statistics lacks: pairs per database type and pairs with any PII (one more pass over
 * the same store aggregates), and the successful pairs per day (a pass with the filter narrowed
 * to successful pairs, skipped when the filter already fixes success). The view draws after the
 * first step and completes after the second, so the extra passes do not delay the charts.
 *
 * @param filter           the filter these numbers are for (the view drops results for older filters)
 * @param pairsWithPii     pairs with at least one finding of any type; null until {@link #withExtras}
 * @param databaseTypes    pairs per database type, most first, "" for pairs without one; null until {@link #withExtras}
 * @param successfulPerDay successful pairs per UTC day, days without any left out; null until {@link #withExtras}
 * @param statisticsMillis time spent in {@link Statistics#compute}
 * @param extrasMillis     time spent in the extra passes (0 until {@link #withExtras})
 */
public record DashboardData(
        PairFilter filter,
        Statistics stats,
        Long pairsWithPii,
        Map<String, Long> databaseTypes,
        SortedMap<LocalDate, Long> successfulPerDay,
        long statisticsMillis,
        long extrasMillis) {

    /** The store's statistics for {@code filter}; blocking, call from a background thread. */
    public static DashboardData compute(Database store, PairFilter filter) {
        long t0 = System.nanoTime();
        Statistics stats = Statistics.compute(store, filter);
        return new DashboardData(filter, stats, null, null, null, (System.nanoTime() - t0) / 1_000_000, 0);
    }

    /** These statistics plus the figures Statistics lacks; blocking, call from a background thread. */
    public DashboardData withExtras(Database store) {
        long t1 = System.nanoTime();
        GroupSums sums = new GroupSums();
        if (stats.totalPairs() > 0) {
            store.statistics(filter, sums);
        }
        SortedMap<LocalDate, Long> successful;
        if (Boolean.TRUE.equals(filter.success()) || stats.failedPairs() == 0) {
            successful = stats.pairsPerDay();
        } else if (Boolean.FALSE.equals(filter.success()) || stats.successfulPairs() == 0) {
            successful = Collections.emptySortedMap();
        } else {
            DaySums days = new DaySums();
            store.statistics(filter.withSuccess(true), days);
            successful = Collections.unmodifiableSortedMap(days.days);
        }
        Map<String, Long> types = new LinkedHashMap<>();
        sums.databaseTypes.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> types.put(e.getKey(), e.getValue()));
        return new DashboardData(
                filter,
                stats,
                sums.withPii,
                Collections.unmodifiableMap(types),
                successful,
                statisticsMillis,
                (System.nanoTime() - t1) / 1_000_000);
    }

    /** Whether {@link #withExtras} has run. */
    public boolean complete() {
        return pairsWithPii != null;
    }

    /** The success rate in percent, 0 when there are no pairs. */
    public double successRate() {
        return stats.totalPairs() == 0 ? 0.0 : 100.0 * stats.successfulPairs() / stats.totalPairs();
    }

    private static final class GroupSums implements StatSink {
        long withPii;
        final Map<String, Long> databaseTypes = new TreeMap<>();

        @Override
        public void group(StatGroup group, StatCounts counts) {
            long n = counts.count();
            if (n == 0) {
                return;
            }
            if (!group.piiTypes().isEmpty()) {
                withPii += n;
            }
            databaseTypes.merge(group.databaseType() == null ? "" : group.databaseType(), n, Long::sum);
        }

        @Override
        public void day(LocalDate day, long pairs) {}
    }

    private static final class DaySums implements StatSink {
        final TreeMap<LocalDate, Long> days = new TreeMap<>();

        @Override
        public void group(StatGroup group, StatCounts counts) {}

        @Override
        public void day(LocalDate day, long pairs) {
            days.merge(day, pairs, Long::sum);
        }
    }
}
