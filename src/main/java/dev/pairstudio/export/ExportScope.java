package dev.pairstudio.export;

import dev.pairstudio.ingest.DuplicateTracker;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.stats.Statistics;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.PairSort;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * What one export attempt writes, planned before a file is opened: the filter's pairs less the
 * exact duplicates, their statistics and count, and the split's plan. The duplicates come first
 * and the statistics second, so that both describe pairs the first {@code total} include.
 *
 * @param kept the ids to write when the scope was read whole to find its duplicates (the CLI), else
 *             null and the filter is streamed
 * @param split the planned split, null when the export is not split
 */
record ExportScope(PairFilter filter, IdSet drop, Statistics statistics, long total, long[] kept, SplitPlan split) {

    /** @return null when cancelled while the split was planned */
    static ExportScope plan(
            Database store,
            PairFilter filter,
            ExportProfile profile,
            SplitRatios ratios,
            boolean releaseIndex,
            BooleanSupplier cancelled) {
        ExactDuplicates.Scope read = profile.dedup() && releaseIndex ? ExactDuplicates.readScope(store, filter) : null;
        IdSet drop = read != null ? read.drop() : profile.dedup() ? ExactDuplicates.toDrop(store, filter) : IdSet.EMPTY;
        Statistics statistics = Statistics.compute(store, filter);
        long total = statistics.totalPairs();
        // the ids read are what the statistics count unless pairs came or went in between: then the scope is streamed
        long[] kept = read != null && read.read() == total ? read.kept() : null;
        if (ratios != null) {
            // near duplicates are kept together through the store's duplicate groups: bring them up to date first, as
            // opening the window does (nothing to do after an import, or with the window open and caught up)
            new DuplicateTracker(store).catchUpIfChanged();
        }
        if (releaseIndex) {
            store.releaseIndex(); // from here on only streams in insertion order, which need no index
        }
        if (ratios == null) {
            return new ExportScope(filter, drop, statistics, total, kept, null);
        }
        SplitPlan split = SplitAssigner.plan(
                store, filter, total, drop, ratios, profile.seed(), profile.grouping(), profile.stratify(), cancelled);
        return split == null ? null : new ExportScope(filter, drop, statistics, total, kept, split);
    }

    /** The pairs a file for {@code target} will hold, known before writing (JSON states it up front). */
    long count(ExportTargets.Target target, Set<Long> withheld) {
        return split == null
                ? total - drop.size() - withheld.size()
                : split.count(target.split())
                        - withheld.stream()
                                .filter(id -> split.splitOf(id) == target.split())
                                .count();
    }

    /** The scope's pairs in insertion order: by id when it was read whole, else streamed through the filter. */
    ExportPipeline.Source pairs(Database store) {
        if (kept == null) {
            return action -> store.forEach(filter, PairSort.INSERTION, action);
        }
        return action -> store.forEachById(kept, p -> {
            if (!p.inTrash()) { // trashed since the scope was read
                action.accept(p);
            }
        });
    }
}
