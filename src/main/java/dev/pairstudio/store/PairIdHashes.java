package dev.pairstudio.store;

import java.util.function.IntConsumer;

/**
 * The seed's pair_id of every stored pair as a 64-bit hash, mapped to its index ordinal: an
 * open-addressing table of primitives (16 bytes a pair) instead of a unique database index,
 * whose random keys made every insert several times slower. A hash hit is only a candidate;
 * the store compares the real pair_id before it skips a pair.
 */
final class PairIdHashes {
    private static final int REMOVED = -1;

    private long[] keys = new long[1024];
    private int[] ordinals = new int[1024];
    private int used;

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

    void add(long hash, int ordinal) {
        if ((used + 1) * 4L > keys.length * 3L) {
            grow();
        }
        int slot = slot(hash);
        while (keys[slot] != 0) {
            slot = (slot + 1) & (keys.length - 1);
        }
        keys[slot] = hash;
        ordinals[slot] = ordinal;
        used++;
    }

    /** Forgets one ordinal (purged); its slot stays taken so that later probes pass over it. */
    void remove(long hash, int ordinal) {
        for (int slot = slot(hash); keys[slot] != 0; slot = (slot + 1) & (keys.length - 1)) {
            if (keys[slot] == hash && ordinals[slot] == ordinal) {
                ordinals[slot] = REMOVED;
                return;
            }
        }
    }

    /** Every ordinal stored under {@code hash}. */
    void forEach(long hash, IntConsumer action) {
        for (int slot = slot(hash); keys[slot] != 0; slot = (slot + 1) & (keys.length - 1)) {
            if (keys[slot] == hash && ordinals[slot] != REMOVED) {
                action.accept(ordinals[slot]);
            }
        }
    }

    long memoryBytes() {
        return keys.length * 12L;
    }

    private int slot(long hash) {
        return (int) (hash ^ (hash >>> 32)) & (keys.length - 1);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldOrdinals = ordinals;
        keys = new long[oldKeys.length * 2];
        ordinals = new int[oldKeys.length * 2];
        used = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0 && oldOrdinals[i] != REMOVED) {
                add(oldKeys[i], oldOrdinals[i]);
            }
        }
    }
}
