package dev.pairstudio.store.index;

import dev.pairstudio.store.SortColumn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongToIntFunction;
import java.util.function.Supplier;

/**
 * The database side of {@link TextRanks}: puts the pairs of a text column (question or SQL) in
 * the order {@code ORDER BY column, id} gives, in the database's own collation. H2 compares
 * strings as {@link String#compareTo} (no collation set), so for H2 the texts are compared here;
 * PostgreSQL's collation (glibc or ICU) cannot be reproduced in Java, so there the server sorts.
 * The cheapest way that is right:
 *
 * <ul>
 *   <li><b>rank all</b> when the column was never ranked: one scan of the texts sorted here (H2),
 *       or the ids in the server's order (PostgreSQL);
 *   <li><b>merge</b> when many pairs wait (added or edited since): they are sorted among
 *       themselves, and one scan of the column counts for each ranked pair how many waiting ones
 *       come before it; no sort of the whole column (H2; PostgreSQL ranks all again);
 *   <li><b>place</b> when few wait: each finds its place by binary search, every comparison asked
 *       of the database ({@code column < ?}), about 20 queries a pair.
 * </ul>
 *
 * Ranking all and merging read the whole column (seconds at 1M pairs), so they run outside the
 * index's lock on a {@link Plan} taken under it; pairs added or edited meanwhile wait to be
 * placed. Placing runs under the write lock, right before a sorted read. One per
 * {@link IndexKeeper}, whose lock it shares.
 */
final class TextRanking {
    /** Above this many waiting pairs (or 1/64 of the pairs), merging beats placing one by one (~20 queries each). */
    private static final int MAX_PLACED = 2_000;

    private final ReentrantReadWriteLock lock;
    private final Supplier<PairIndex> index;
    /** How the database compares texts, when it is {@link String#compareTo}; null: ask the database. */
    private final Comparator<String> collation;
    /** Per text column: held while it is ranked, so that a sort waits for a ranking under way instead of starting its own. */
    private final Map<SortColumn, Object> monitors =
            Map.of(SortColumn.QUESTION, new Object(), SortColumn.SQL, new Object());
    /** The text columns whose ranking (all, or a merge) runs now. */
    private final Set<SortColumn> running = ConcurrentHashMap.newKeySet();

    TextRanking(ReentrantReadWriteLock lock, Supplier<PairIndex> index, Comparator<String> collation) {
        this.lock = lock;
        this.index = index;
        this.collation = collation;
    }

    /**
     * Whether a sort by {@code column} can be answered without ranking its texts first (false
     * while they are ranked, or before they ever were). Reads volatile fields only: safe on the FX thread.
     */
    boolean sortReady(SortColumn column) {
        PairIndex ix = index.get();
        return !PairIndex.textRanked(column) || (ix != null && ix.ranks(column).ranked() && !running.contains(column));
    }

    /**
     * Brings the ranks of a text column of the (up-to-date) index up to date: ranks all or merges
     * outside the lock when needed, then places what still waits under the write lock; with
     * {@code thenRead}, returns holding the read lock (downgraded: no writer between the ranking
     * and the read). One ranking of a column at a time.
     */
    void rank(Connection c, SortColumn column, boolean thenRead) throws SQLException {
        synchronized (monitors.get(column)) {
            Plan plan;
            lock.writeLock().lock();
            try {
                plan = plan(index.get(), column);
            } finally {
                lock.writeLock().unlock();
            }
            if (plan != null) {
                running.add(column);
                try {
                    int[] order = plan.order(c, collation);
                    lock.writeLock().lock();
                    try {
                        plan.attach(index.get(), order);
                    } finally {
                        lock.writeLock().unlock();
                    }
                } finally {
                    running.remove(column);
                }
            }
            lock.writeLock().lock();
            try {
                place(c, index.get(), column, collation);
                if (thenRead) {
                    lock.readLock().lock();
                }
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /** The table column a sort column's text is stored in. */
    private static String tableColumn(SortColumn column) {
        return column == SortColumn.QUESTION ? "question" : "sql_text";
    }

    /**
     * What ranking all or merging would start from (under the write lock), or null when nothing
     * waits or few enough to {@link #place} them.
     */
    private static Plan plan(PairIndex ix, SortColumn column) {
        TextRanks ranks = ix.ranks(column);
        if (ranks.ranked() && ranks.waiting(ix).length <= placeable(ix)) {
            return null;
        }
        return new Plan(ix, column, ranks.ranked() ? ranks.order(ix) : null, ranks.waiting(ix));
    }

    private static int placeable(PairIndex ix) {
        return Math.min(MAX_PLACED, Math.max(1, ix.rows() / 64));
    }

    /**
     * Gives every waiting row of the column its rank, under the index's write lock: by binary
     * search when few wait; when many do (the index changed since the last plan), by ranking all
     * or merging right here.
     */
    private static void place(Connection c, PairIndex ix, SortColumn column, Comparator<String> collation)
            throws SQLException {
        TextRanks ranks = ix.ranks(column);
        int[] waiting = ranks.waiting(ix);
        if (ranks.ranked() && waiting.length == 0) {
            ranks.noneWaiting();
            return;
        }
        Plan plan = plan(ix, column);
        if (plan != null) {
            plan.attach(ix, plan.order(c, collation));
            return;
        }
        int[] ranked = ranks.order(ix);
        long[] waitingIds = Arrays.stream(waiting).mapToLong(ix::id).toArray();
        Waiting w =
                Waiting.read(c, column, waitingIds, ix::ordinalOf, null); // fewer than a chunk: in the database's order
        int[] merged = new int[ranked.length + w.size()];
        int m = 0;
        int from = 0; // waiting rows come in order, so each search starts where the last one ended
        try (PreparedStatement compare = c.prepareStatement("SELECT CASE WHEN " + tableColumn(column)
                + " < ? THEN -1 WHEN " + tableColumn(column) + " > ? THEN 1 ELSE 0 END FROM pairs WHERE id = ?")) {
            for (int i = 0; i < w.size(); i++) {
                int at = insertionPoint(compare, ix, ranked, from, w.texts()[i], w.ids()[i]);
                while (from < at) {
                    merged[m++] = ranked[from++];
                }
                merged[m++] = w.ordinal(i);
            }
        }
        while (from < ranked.length) {
            merged[m++] = ranked[from++];
        }
        ix.attachRanks(column, Arrays.copyOf(merged, m), ix.size());
    }

    /**
     * What a ranking outside the lock works from, taken under the index's write lock: the ids of
     * the rows then, and the ranked order with the waiting rows (null when everything is ranked anew).
     */
    static final class Plan {
        private final PairIndex index;
        private final SortColumn column;
        private final long[] ids;
        private final int[] ranked;
        private final int[] waiting;

        private Plan(PairIndex index, SortColumn column, int[] ranked, int[] waiting) {
            this.index = index;
            this.column = column;
            this.ids = new long[index.size()];
            for (int o = 0; o < ids.length; o++) {
                ids[o] = index.id(o);
            }
            this.ranked = ranked;
            this.waiting = waiting;
            index.ranks(column).startTracking();
        }

        /** The ordinals in the column's order, read from the database; no lock held. */
        int[] order(Connection c, Comparator<String> collation) throws SQLException {
            if (ranked != null && collation != null) {
                return merged(c, collation);
            }
            return collation == null ? orderedByDatabase(c) : orderedHere(c, collation);
        }

        /** Takes the order into the index (under its write lock); dropped when the index was replaced meanwhile. */
        void attach(PairIndex now, int[] ordered) {
            if (now == index) {
                index.attachRanks(column, ordered, ids.length);
            } else {
                index.ranks(column).stopTracking();
            }
        }

        private int ordinal(long id) {
            int o = Arrays.binarySearch(ids, id);
            return o < 0 ? -1 : o;
        }

        private int[] orderedByDatabase(Connection c) throws SQLException {
            int[] ordered = new int[ids.length];
            int n = 0;
            try (PreparedStatement s =
                            c.prepareStatement("SELECT id FROM pairs ORDER BY " + tableColumn(column) + ", id");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int o = ordinal(r.getLong(1));
                    if (o >= 0) {
                        ordered[n++] = o;
                    }
                }
            }
            return Arrays.copyOf(ordered, n);
        }

        /**
         * Sorts each distinct text once, then deals the ordinals out by their text's place (a
         * counting sort, stable: equal texts stay in id order). Collected pairs repeat their
         * questions (the generated 1M pairs hold 46,000 distinct ones): a sort of every row compared
         * equal strings to their last character twenty times each (12 s against 3 s under load).
         */
        private int[] orderedHere(Connection c, Comparator<String> collation) throws SQLException {
            Map<String, Integer> numbers = new HashMap<>();
            List<String> distinct = new ArrayList<>();
            int[] textOf = new int[ids.length];
            Arrays.fill(textOf, -1);
            scan(
                    c,
                    (o, text) -> textOf[o] = numbers.computeIfAbsent(text, t -> {
                        distinct.add(t);
                        return distinct.size() - 1;
                    }));
            Integer[] sorted = new Integer[distinct.size()];
            for (int d = 0; d < sorted.length; d++) {
                sorted[d] = d;
            }
            Arrays.sort(sorted, (x, y) -> collation.compare(distinct.get(x), distinct.get(y)));
            int[] start = new int[sorted.length + 1]; // where each text's rows begin in the order, by its place
            int[] place = new int[sorted.length];
            for (int i = 0; i < sorted.length; i++) {
                place[sorted[i]] = i;
            }
            for (int t : textOf) {
                if (t >= 0) {
                    start[place[t] + 1]++;
                }
            }
            for (int i = 0; i < sorted.length; i++) {
                start[i + 1] += start[i];
            }
            int[] ordered = new int[start[sorted.length]];
            for (int o = 0; o < textOf.length; o++) {
                if (textOf[o] >= 0) {
                    ordered[start[place[textOf[o]]]++] = o;
                }
            }
            return ordered;
        }

        /** The ranked order with the waiting rows merged in, from one scan of the column. */
        private int[] merged(Connection c, Comparator<String> collation) throws SQLException {
            long[] waitingIds = Arrays.stream(waiting).mapToLong(o -> ids[o]).toArray();
            Waiting w = Waiting.read(c, column, waitingIds, this::ordinal, collation);
            BitSet isRanked = new BitSet(ids.length);
            for (int o : ranked) {
                isRanked.set(o);
            }
            int[] before = new int[ids.length]; // per ranked row: how many waiting rows come before it
            scan(c, (o, text) -> {
                if (isRanked.get(o)) {
                    before[o] = w.countBefore(text, ids[o], collation);
                }
            });
            int[] merged = new int[ranked.length + w.size()];
            int m = 0;
            int next = 0;
            for (int r : ranked) {
                while (next < before[r]) {
                    merged[m++] = w.ordinal(next++);
                }
                merged[m++] = r;
            }
            while (next < w.size()) {
                merged[m++] = w.ordinal(next++);
            }
            return merged;
        }

        /** Every (ordinal, text) of the rows the plan knows, read page by page in id order. */
        private void scan(Connection c, TextAction action) throws SQLException {
            IndexKeeper.everyRow(
                    c, "SELECT id, " + tableColumn(column) + " FROM pairs WHERE id > ? ORDER BY id LIMIT ?", r -> {
                        int o = ordinal(r.getLong(1));
                        if (o >= 0) {
                            action.accept(o, r.getString(2));
                        }
                    });
        }
    }

    @FunctionalInterface
    private interface TextAction {
        void accept(int ordinal, String text);
    }

    /** Waiting rows in the column's order: their texts, ids and ordinals. */
    private record Waiting(String[] texts, long[] ids, int[] ordinals) {
        /**
         * The texts of these ids, read in chunks (ids no longer stored are left out), each chunk in
         * the database's order; then all of them in the {@code collation} when one is given.
         */
        static Waiting read(
                Connection c,
                SortColumn column,
                long[] wanted,
                LongToIntFunction ordinalOf,
                Comparator<String> collation)
                throws SQLException {
            String[] texts = new String[wanted.length];
            long[] ids = new long[wanted.length];
            int n = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT p.id, p." + tableColumn(column)
                    + " FROM UNNEST(?) AS u(id) JOIN pairs p ON p.id = u.id ORDER BY p." + tableColumn(column)
                    + ", p.id")) {
                for (int from = 0; from < wanted.length; from += IndexKeeper.ID_CHUNK) {
                    long[] chunk =
                            Arrays.copyOfRange(wanted, from, Math.min(wanted.length, from + IndexKeeper.ID_CHUNK));
                    s.setObject(1, Arrays.stream(chunk).boxed().toArray(Long[]::new));
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            ids[n] = r.getLong(1);
                            texts[n++] = r.getString(2);
                        }
                    }
                }
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            if (collation != null) {
                Arrays.sort(order, (x, y) -> {
                    int cmp = collation.compare(texts[x], texts[y]);
                    return cmp != 0 ? cmp : Long.compare(ids[x], ids[y]);
                });
            }
            Waiting w = new Waiting(new String[n], new long[n], new int[n]);
            for (int i = 0; i < n; i++) {
                w.texts[i] = texts[order[i]];
                w.ids[i] = ids[order[i]];
                w.ordinals[i] = ordinalOf.applyAsInt(w.ids[i]);
            }
            return w;
        }

        int size() {
            return ids.length;
        }

        int ordinal(int i) {
            return ordinals[i];
        }

        /** How many waiting rows come before (text, id). */
        int countBefore(String text, long id, Comparator<String> collation) {
            int low = 0;
            int high = ids.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                int c = collation.compare(texts[mid], text);
                if (c < 0 || (c == 0 && ids[mid] < id)) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }

    /** The first position in {@code ranked[from..]} whose row comes after (text, id). */
    private static int insertionPoint(
            PreparedStatement compare, PairIndex ix, int[] ranked, int from, String text, long id) throws SQLException {
        int low = from;
        int high = ranked.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (before(compare, ix.id(ranked[mid]), text, id)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Whether the stored row {@code probeId} comes before (text, id) in the database's order. */
    private static boolean before(PreparedStatement compare, long probeId, String text, long id) throws SQLException {
        compare.setString(1, text);
        compare.setString(2, text);
        compare.setLong(3, probeId);
        try (ResultSet r = compare.executeQuery()) {
            if (!r.next()) {
                return true; // deleted for good meanwhile: where it sits does not matter
            }
            int c = r.getInt(1);
            return c < 0 || (c == 0 && probeId < id);
        }
    }
}
