package dev.pairstudio.store.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.stream.IntStream;

/**
 * Every pair's place in the full order of one text column (the question, or the SQL), exactly as
 * the database orders {@code ORDER BY column, id}: a rank per ordinal, from 1, held in the
 * {@link PairIndex} and its snapshot, so that sorting by a text is a sort of ints. 0 marks a pair
 * added or edited since the ranking: it waits to be placed ({@link TextRanking}). The database
 * work lives in {@link TextRanking}; this is the memory side, guarded by the index's lock.
 */
final class TextRanks {
    /** Null until the column is first ranked. Volatile: {@link #ranked} is asked without the lock (a window's "ordering…"). */
    private volatile int[] rank;
    /** Whether some pair may wait for its rank: a sort checks only this flag otherwise. */
    private boolean waiting;
    /** While a ranking is computed outside the index's lock: the ordinals added or edited meanwhile. */
    private BitSet changedWhileRanking;

    boolean ranked() {
        return rank != null;
    }

    /** The rank of ordinal {@code o}; 0 when it waits to be placed. */
    int rank(int o) {
        return rank[o];
    }

    /** The columns grew to {@code capacity} rows. */
    void grow(int capacity) {
        if (rank != null) {
            rank = Arrays.copyOf(rank, capacity);
        }
    }

    /** Ordinal {@code o} was added, or its text edited: it waits to be placed. */
    void changed(int o) {
        if (rank != null) {
            rank[o] = 0;
            waiting = true;
        }
        if (changedWhileRanking != null) {
            changedWhileRanking.set(o);
        }
    }

    /** Live ordinals that wait for their rank (everything live when never ranked). */
    int[] waiting(PairIndex ix) {
        if (rank != null && !waiting) {
            return new int[0];
        }
        return IntStream.range(0, ix.size())
                .filter(o -> (rank == null || rank[o] == 0) && !ix.purged(o))
                .toArray();
    }

    /** The ranked live ordinals in rank order. */
    int[] order(PairIndex ix) {
        int[] byRank = new int[ix.size() + 1];
        Arrays.fill(byRank, -1);
        for (int o = 0; o < ix.size(); o++) {
            if (rank[o] > 0 && !ix.purged(o)) {
                byRank[rank[o]] = o;
            }
        }
        return Arrays.stream(byRank).filter(o -> o >= 0).toArray();
    }

    /** A look for waiting rows found none. */
    void noneWaiting() {
        waiting = false;
    }

    /** From now until {@link #attach}, remembers which ordinals are added or edited (a ranking runs outside the lock). */
    void startTracking() {
        changedWhileRanking = new BitSet();
    }

    /**
     * Takes the ordinals of a ranking in order (each ranked 1, 2, …), made when the index had
     * {@code rankedSize} rows: those added or edited since wait to be placed.
     */
    void attach(int[] ordered, int rankedSize, int size, int capacity) {
        int[] ranks = new int[capacity];
        for (int i = 0; i < ordered.length; i++) {
            ranks[ordered[i]] = i + 1;
        }
        boolean late = false;
        if (changedWhileRanking != null) {
            for (int o = changedWhileRanking.nextSetBit(0); o >= 0; o = changedWhileRanking.nextSetBit(o + 1)) {
                ranks[o] = 0;
                late = true;
            }
            changedWhileRanking = null;
        }
        rank = ranks;
        waiting = late || rankedSize < size; // rows added since (rank 0): looked for on the next sort
    }

    /** Forgets a ranking that was started and cannot be attached (the index was replaced meanwhile). */
    void stopTracking() {
        changedWhileRanking = null;
    }

    /** Which of them holds ranks, as a bit of {@link PairIndex#optionalParts}. */
    int part(int bit) {
        return rank != null ? bit : 0;
    }

    void write(SnapshotFile.Out out, int size) throws IOException {
        out.bool(rank != null);
        if (rank != null) {
            out.ints(rank, size);
        }
    }

    static TextRanks read(SnapshotFile.In in, int size) throws IOException {
        TextRanks ranks = new TextRanks();
        if (in.bool()) {
            ranks.rank = in.ints(size);
            ranks.waiting = true; // pairs written before the snapshot may wait: looked for on the first sort
        }
        return ranks;
    }

    long memoryBytes() {
        int[] r = rank;
        return r == null ? 0 : 4L * r.length;
    }
}
