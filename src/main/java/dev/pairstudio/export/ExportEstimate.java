package dev.pairstudio.export;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.privacy.AnonymizationException;
import dev.pairstudio.privacy.Anonymizer;
import dev.pairstudio.privacy.Replacement;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.PairSort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * What an export would contain, computed without writing anything: findings per PII type over a
 * scope (the privacy page of the export wizard), and pairs per split after dropping duplicates
 * (the split page). Streams the scope with constant memory (duplicates aside, as the exporter
 * does); both stop early when {@code cancelled} says so and then return null.
 */
public final class ExportEstimate {
    private static final int REPORT_EVERY = 500;

    private ExportEstimate() {}

    /**
     * @param perType          findings per type label ({@code EMAIL}, {@code CUSTOM:x}), sorted by label
     * @param pairsWithFindings pairs with at least one finding
     * @param pairs            pairs scanned
     * @param failures         pairs the policy could not anonymize (a custom rule timed out, SQL would not parse)
     */
    public record Findings(Map<String, Long> perType, long pairsWithFindings, long pairs, long failures) {
        public long total() {
            return perType.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * @param perSplit   pairs per split label (train, validation, test), or {@code all} without a split
     * @param duplicates exact duplicates that would be dropped
     * @param selected   pairs in the scope before dropping duplicates
     * @param plan       the split's plan; null for one file
     * @param check      what crosses the planned splits; null for one file
     */
    public record SplitCounts(
            Map<String, Long> perSplit, long duplicates, long selected, SplitPlan plan, SplitAudit.Report check) {
        public long written() {
            return perSplit.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Counts what {@code anonymizer} finds in the question, SQL literals and database name of every pair in {@code filter}. */
    public static Findings findingsPerType(
            Database store,
            PairFilter filter,
            Anonymizer anonymizer,
            LongConsumer progress,
            BooleanSupplier cancelled) {
        Map<String, Long> perType = new TreeMap<>();
        long[] counts = new long[3]; // pairs, with findings, failures
        try {
            store.forEach(filter, PairSort.INSERTION, p -> {
                if (cancelled.getAsBoolean()) {
                    throw new Stop();
                }
                try {
                    List<Replacement> found = anonymizer.anonymize(p.pair()).findings();
                    if (!found.isEmpty()) {
                        counts[1]++;
                    }
                    for (Replacement r : found) {
                        perType.merge(r.type().label(), 1L, Long::sum);
                    }
                } catch (AnonymizationException e) {
                    counts[2]++;
                }
                if (++counts[0] % REPORT_EVERY == 0) {
                    progress.accept(counts[0]);
                }
            });
        } catch (Stop e) {
            return null;
        }
        progress.accept(counts[0]);
        return new Findings(perType, counts[1], counts[0], counts[2]);
    }

    /**
     * Pairs per split as {@link DatasetExporter#export} would write them for this {@code filter}
     * (already the effective one: {@link DatasetExporter#effectiveFilter}), with the plan and the
     * same check the export runs after writing.
     *
     * @param ratios null for one file
     * @return null when cancelled
     */
    public static SplitCounts splitCounts(
            Database store,
            PairFilter filter,
            SplitRatios ratios,
            long seed,
            SplitAssigner.Grouping grouping,
            boolean stratify,
            boolean dedup,
            BooleanSupplier cancelled) {
        IdSet drop = dedup
                ? ExactDuplicates.toDrop(store, filter) // the exporter's own rule: counts shown = counts written
                : IdSet.EMPTY;
        long selected = store.count(filter);
        Map<String, Long> perSplit = new LinkedHashMap<>();
        if (ratios == null) {
            perSplit.put("all", selected - drop.size());
            return new SplitCounts(perSplit, drop.size(), selected, null, null);
        }
        SplitPlan plan = SplitAssigner.plan(store, filter, selected, drop, ratios, seed, grouping, stratify, cancelled);
        if (plan == null || cancelled.getAsBoolean()) {
            return null;
        }
        for (SplitAssigner.Split s : SplitAssigner.Split.values()) {
            perSplit.put(s.label, plan.count(s));
        }
        SplitAudit.Report check = PlannedSplitAudit.run(store, filter, plan, DatasetExporter.SPLIT_CHECK_EXAMPLES);
        return new SplitCounts(perSplit, drop.size(), selected, plan, check);
    }

    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }
}
