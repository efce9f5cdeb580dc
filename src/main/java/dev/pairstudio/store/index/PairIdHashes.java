package dev.pairstudio.store.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.function.IntToLongFunction;

/**
 * The seed's pair_id of every stored pair as a 64-bit hash, mapped to its index ordinal: an
 * open-addressing table of ordinals (8 bytes a pair at half load; the hashes themselves live in
 * the index's column) instead of a unique database index, whose random keys made every insert
 * several times slower. A hash hit is only a candidate; the store compares the real pair_id
 * before it skips a pair.
 */
final class PairIdHashes {
    private static final int FREE = -1;
    private static final int REMOVED = -2;

    /** The hash of an ordinal's pair_id (the index's column). */
    private final IntToLongFunction hashOf;

    private int[] ordinals = free(1024);
    private int used;

    PairIdHashes(IntToLongFunction hashOf) {
        this.hashOf = hashOf;
    }

    private static int[] free(int n) {
        int[] a = new int[n];
        Arrays.fill(a, FREE);
        return a;
    }

    static long hash(String pairId) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < pairId.length(); i++) {
            h = (h ^ pairId.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h; // 0 marks a free slot
    }

    /** Adds an ordinal whose hash {@link #hashOf} already answers. */
    void add(int ordinal) {
        if ((used + 1) * 2L > ordinals.length) {
            grow();
        }
        int slot = slot(hashOf.applyAsLong(ordinal));
        while (ordinals[slot] != FREE) {
            slot = (slot + 1) & (ordinals.length - 1);
        }
        ordinals[slot] = ordinal;
        used++;
    }

    /** Forgets one ordinal (purged); its slot stays taken so that later probes pass over it. */
    void remove(int ordinal) {
        for (int slot = slot(hashOf.applyAsLong(ordinal));
                ordinals[slot] != FREE;
                slot = (slot + 1) & (ordinals.length - 1)) {
            if (ordinals[slot] == ordinal) {
                ordinals[slot] = REMOVED;
                return;
            }
        }
    }

    /** Every ordinal stored under {@code hash}. */
    void forEach(long hash, IntConsumer action) {
        for (int slot = slot(hash); ordinals[slot] != FREE; slot = (slot + 1) & (ordinals.length - 1)) {
            int o = ordinals[slot];
            if (o != REMOVED && hashOf.applyAsLong(o) == hash) {
                action.accept(o);
            }
        }
    }

    void write(SnapshotFile.Out out) throws IOException {
        out.i32(used);
        out.i32(ordinals.length);
        out.ints(ordinals, ordinals.length);
    }

    /** Replaces this table with the one {@link #write} wrote. */
    void read(SnapshotFile.In in) throws IOException {
        int n = in.i32();
        int length = in.count(4);
        if (Integer.bitCount(length) != 1 || n < 0 || n * 2L > length) {
            throw new IOException("a pair_id table of " + n + " in " + length + " slots");
        }
        ordinals = in.ints(length);
        used = n;
    }

    long memoryBytes() {
        return ordinals.length * 4L;
    }

    private int slot(long hash) {
        return (int) (hash ^ (hash >>> 32)) & (ordinals.length - 1);
    }

    private void grow() {
        int[] old = ordinals;
        ordinals = free(old.length * 2);
        used = 0;
        for (int o : old) {
            if (o >= 0) {
                add(o);
            }
        }
    }
}
