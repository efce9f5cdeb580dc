package dev.pairstudio.ingest;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.sql.DuplicateGrouper;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Page;
import dev.pairstudio.store.PairReader;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredPair;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Keeps the duplicate groups and flags (exact duplicate, conflict, near-duplicate) of the live
 * pairs up to date. The first use builds the grouping from the whole store; after that only
 * pairs added since are fed in, so adding a batch costs time for the batch, not the dataset.
 * Edits and deletes can split groups, which the index cannot undo: they {@link #invalidate()}
 * it and the next call rebuilds. Only rows whose group or flags change are written.
 * <p>After each call the digest of the pairs grouped is stored ({@link Database#liveTextDigest()}):
 * {@link #catchUpIfChanged()} skips the rebuild when no writer changed the live pairs since, so
 * opening a window on an unchanged million pairs costs no regrouping (27 s of a core and the
 * memory of the question shingles).
 */
public final class DuplicateTracker {
    private static final int PAGE = 10_000;
    private static final Set<QualityFlag> DUPLICATE_FLAGS =
            EnumSet.of(QualityFlag.DUPLICATE, QualityFlag.CONFLICT, QualityFlag.NEAR_DUPLICATE);

    private final Database store;
    private final DuplicateGrouper.Options options;
    /** The store setting holding the digest of the live pairs as last grouped. */
    static final String GROUPED_DIGEST = "duplicates.grouped-digest";

    private DuplicateGrouper grouper;
    private long lastId = -1;
    /** The sum of {@link PairReader#textDigest} over the pairs fed to the grouper. */
    private long fedDigest;
    /** Pairs an import will add beyond the store's count: the grouper is sized for them. */
    private long expectedNew;

    public DuplicateTracker(Database store) {
        this(store, DuplicateGrouper.Options.DEFAULTS);
    }

    public DuplicateTracker(Database store, DuplicateGrouper.Options options) {
        this.store = store;
        this.options = options;
    }

    /** Groups every live pair added since the last call (all of them the first time); returns how many were fed in. */
    public synchronized long catchUp() {
        return catchUp(() -> false);
    }

    /**
     * {@link #catchUp()} that stops after the page in hand when {@code cancelled} says so (a
     * closing window): the marks written so far stand, the next call goes on from there, and the
     * digest is not stored, so the next window groups again.
     */
    public synchronized long catchUp(BooleanSupplier cancelled) {
        if (grouper == null) {
            grouper = new DuplicateGrouper(
                    options, (int) Math.min(Integer.MAX_VALUE - 8, store.count(PairFilter.ALL) + 1_000 + expectedNew));
            lastId = -1;
            fedDigest = 0;
        }
        List<Database.DuplicateMark> marks = new ArrayList<>();
        long fed = 0;
        String cursor = lastId < 0 ? null : PairReader.cursorAfterId(lastId);
        Map<Long, StoredPair> fresh = new HashMap<>();
        do {
            Page page = store.query(PairFilter.ALL, PairSort.INSERTION, cursor, PAGE);
            for (StoredPair p : page.rows()) {
                grouper.add(p.id(), p.pair().question(), p.analysis().fingerprint());
                fresh.put(p.id(), p);
                lastId = p.id();
                fedDigest += PairReader.textDigest(
                        p.id(), p.pair().question(), p.pair().sql());
                fed++;
            }
            DuplicateGrouper.Changes changes = grouper.flush();
            collect(changes, fresh, marks);
            store.markDuplicates(marks, merges(changes));
            marks.clear();
            fresh.clear();
            cursor = page.nextCursor();
            if (cancelled.getAsBoolean()) {
                return fed;
            }
        } while (cursor != null);
        // what the groups stand for; pairs another writer deleted or edited meanwhile make it differ from the store's
        groupedAll();
        return fed;
    }

    /**
     * Sizes the grouping for {@code pairs} more than the store holds, when it is built: an import
     * says how many it will add, so that the grouper's arrays are not copied as they grow.
     */
    public synchronized DuplicateTracker expecting(long pairs) {
        expectedNew = Math.max(0, pairs);
        return this;
    }

    /**
     * Groups pairs being stored, inside their adding transaction ({@link Database.Grouping}):
     * the i-th id is the i-th pair's, with the i-th fingerprint. Call {@link #catchUp()} first,
     * so that the groups hold every stored pair. Returns the marks of these pairs (all of them:
     * they have none yet) and of earlier pairs whose flags changed, and the group merges.
     */
    public synchronized Database.Duplicates added(List<Long> ids, List<Pair> pairs, List<String> fingerprints) {
        if (grouper == null) {
            throw new IllegalStateException("catchUp() first: the groups must hold the stored pairs");
        }
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            Pair p = pairs.get(i);
            grouper.add(id, p.question(), fingerprints.get(i));
            lastId = Math.max(lastId, id);
            fedDigest += PairReader.textDigest(id, p.question(), p.sql());
        }
        DuplicateGrouper.Changes changes = grouper.flush();
        List<Database.DuplicateMark> marks =
                new ArrayList<>(changes.assignments().size());
        collect(changes, Map.of(), marks);
        return new Database.Duplicates(marks, merges(changes));
    }

    private static List<Database.GroupMerge> merges(DuplicateGrouper.Changes changes) {
        return changes.merges().stream()
                .map(m -> new Database.GroupMerge(m.from(), m.into()))
                .toList();
    }

    /**
     * After the last {@link #added} batch: records that the stored groups stand for the pairs
     * grouped, as a complete {@link #catchUp()} does ({@link #catchUpIfChanged()} then skips).
     */
    public synchronized void groupedAll() {
        store.putSetting(GROUPED_DIGEST, Long.toString(fedDigest));
    }

    /**
     * {@link #catchUp()}, unless the groups stored already stand for the live pairs: nothing was
     * added, edited, deleted or restored by any writer since the last grouping.
     */
    public synchronized long catchUpIfChanged() {
        return catchUpIfChanged(() -> false);
    }

    /** {@link #catchUpIfChanged()} that stops as {@link #catchUp(java.util.function.BooleanSupplier)} does. */
    public synchronized long catchUpIfChanged(BooleanSupplier cancelled) {
        if (grouper == null
                && store.setting(GROUPED_DIGEST).equals(Optional.of(Long.toString(store.liveTextDigest())))) {
            return 0;
        }
        return catchUp(cancelled);
    }

    /** After edits or deletes: the next {@link #catchUp()} regroups everything. */
    public synchronized void invalidate() {
        grouper = null;
    }

    private static void collect(
            DuplicateGrouper.Changes changes, Map<Long, StoredPair> fresh, List<Database.DuplicateMark> marks) {
        for (DuplicateGrouper.Assignment a : changes.assignments()) {
            Set<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
            for (QualityFlag f : a.flags()) {
                if (DUPLICATE_FLAGS.contains(f)) {
                    flags.add(f);
                }
            }
            StoredPair stored = fresh.get(a.id());
            if (stored != null && same(stored, a.groupId(), flags)) {
                continue;
            }
            marks.add(new Database.DuplicateMark(a.id(), a.groupId(), flags));
        }
    }

    private static boolean same(StoredPair p, long group, Set<QualityFlag> flags) {
        Long storedGroup = p.analysis().duplicateGroup();
        if (storedGroup == null || storedGroup != group) {
            return false;
        }
        for (QualityFlag f : DUPLICATE_FLAGS) {
            if (p.analysis().has(f) != flags.contains(f)) {
                return false;
            }
        }
        return true;
    }
}
