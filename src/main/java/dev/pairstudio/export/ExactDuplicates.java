package dev.pairstudio.export;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.store.PairReader;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredPair;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exact duplicates an export leaves out: among the pairs flagged {@link QualityFlag#DUPLICATE},
 * those with the same duplicate group, question and SQL as another; the accepted one stays, else
 * the latest. Memory grows with the flagged pairs only: per distinct text the one kept (not the
 * whole pair), per dropped pair its id.
 */
final class ExactDuplicates {

    private ExactDuplicates() {}

    /** The ids to drop from {@code filter}'s scope. */
    static IdSet toDrop(PairReader store, PairFilter filter) {
        Decider decider = new Decider();
        // the scope's own flags stay: they narrow it (flags combine with AND), and dropping beyond it miscounts
        Set<QualityFlag> flags = EnumSet.of(QualityFlag.DUPLICATE);
        flags.addAll(filter.flags());
        store.forEach(filter.withFlags(flags), PairSort.INSERTION, decider::offer);
        return decider.drop.build();
    }

    /**
     * {@link #toDrop} from one reading of the whole scope, which also yields the ids the export
     * then writes: with no index (the CLI) the flagged pairs cost a full reading anyway, and a
     * scope of mostly duplicates is written from a lookup of the few it keeps.
     */
    static Scope readScope(PairReader store, PairFilter filter) {
        Decider decider = new Decider();
        long[][] ids = {new long[1024]};
        int[] n = {0};
        store.forEach(filter, PairSort.INSERTION, p -> {
            if (p.analysis().flags().contains(QualityFlag.DUPLICATE)) {
                decider.offer(p);
            }
            if (n[0] == ids[0].length) {
                ids[0] = Arrays.copyOf(ids[0], n[0] * 2);
            }
            ids[0][n[0]++] = p.id();
        });
        IdSet dropped = decider.drop.build();
        long[] kept = new long[n[0] - dropped.size()];
        for (int i = 0, k = 0; i < n[0]; i++) {
            if (!dropped.contains(ids[0][i])) {
                kept[k++] = ids[0][i];
            }
        }
        return new Scope(n[0], dropped, kept);
    }

    /** @param read pairs in the scope when it was read; @param kept their ids less {@code drop}, ascending */
    record Scope(long read, IdSet drop, long[] kept) {}

    /** Decides between exact duplicates as they come: per (group, question, SQL) the best so far is kept. */
    private static final class Decider {
        private final Map<List<Object>, Kept> keep = new HashMap<>();
        private final IdSet.Builder drop = new IdSet.Builder();

        void offer(StoredPair p) {
            List<Object> key = Arrays.asList(
                    p.analysis().duplicateGroup(), p.pair().question(), p.pair().sql());
            Kept candidate = new Kept(
                    p.id(), p.status() == ReviewStatus.ACCEPTED, p.pair().timestamp());
            Kept current = keep.get(key);
            if (current == null) {
                keep.put(key, candidate);
            } else if (Kept.BETTER.compare(candidate, current) > 0) {
                drop.add(current.id());
                keep.put(key, candidate);
            } else {
                drop.add(p.id());
            }
        }
    }

    /** What deciding between exact duplicates needs of the one kept so far. */
    private record Kept(long id, boolean accepted, Instant timestamp) {
        static final Comparator<Kept> BETTER = Comparator.comparing(Kept::accepted)
                .thenComparing(Kept::timestamp, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingLong(Kept::id);
    }
}
