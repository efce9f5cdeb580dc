package dev.pairstudio.store.index;

import dev.pairstudio.store.Cursor;
import dev.pairstudio.store.SortColumn;
import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * Every ordinal of a {@link PairIndex} in the order of one column ({@link ColumnKeys}), ties by
 * id: a stable radix sort of the keys over the ordinals, which are in id order. Built in
 * tens of milliseconds at 1M pairs, for walks over many pages (page starts, streaming); a
 * descending sort walks it backwards (ties by id descending).
 */
public final class SortOrder {
    private final ColumnKeys keys;
    private final int[] order;

    private SortOrder(ColumnKeys keys, int[] order) {
        this.keys = keys;
        this.order = order;
    }

    static SortOrder build(PairIndex index, SortColumn column) {
        ColumnKeys keys = ColumnKeys.of(index, column);
        int n = index.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (column != SortColumn.ID) { // ordinals are already in id order
            radixSort(order, keys::key);
        }
        return new SortOrder(keys, order);
    }

    public ColumnKeys keys() {
        return keys;
    }

    public int size() {
        return order.length;
    }

    /** The ordinal at a position of the order. */
    public int at(int position) {
        return order[position];
    }

    /**
     * The position at which a walk after {@code cursor} starts: ascending, the first position
     * whose (key, id) is greater; descending, the last position whose (key, id) is smaller.
     */
    public int startAfter(Cursor cursor, boolean descending) {
        long key = keys.key(cursor);
        int low = 0;
        int high = order.length; // first position with (key, id) > cursor
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (keys.compare(order[mid], key, cursor.id()) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        if (!descending) {
            return low;
        }
        int p = low - 1; // last position with (key, id) <= cursor; skip the cursor row itself
        while (p >= 0 && keys.compare(order[p], key, cursor.id()) == 0) {
            p--;
        }
        return p;
    }

    /** Stable LSD radix sort of {@code order} by the key of each ordinal (unsigned), 16 bits a pass; passes where all digits agree are skipped. */
    private static void radixSort(int[] order, IntToLongFunction keyOf) {
        int n = order.length;
        long[] k = new long[n];
        for (int i = 0; i < n; i++) {
            k[i] = keyOf.applyAsLong(order[i]);
        }
        int[] order2 = new int[n];
        long[] k2 = new long[n];
        int[] count = new int[65536 + 1];
        int[] src = order;
        long[] srcK = k;
        int[] dst = order2;
        long[] dstK = k2;
        for (int shift = 0; shift < 64; shift += 16) {
            Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) ((srcK[i] >>> shift) & 0xFFFF) + 1]++;
            }
            boolean single = false;
            for (int d = 1; d <= 65536; d++) {
                if (count[d] == n) {
                    single = true;
                    break;
                }
            }
            if (single) {
                continue;
            }
            for (int d = 0; d < 65536; d++) {
                count[d + 1] += count[d];
            }
            for (int i = 0; i < n; i++) {
                int d = (int) ((srcK[i] >>> shift) & 0xFFFF);
                int at = count[d]++;
                dst[at] = src[i];
                dstK[at] = srcK[i];
            }
            int[] t = src;
            src = dst;
            dst = t;
            long[] tk = srcK;
            srcK = dstK;
            dstK = tk;
        }
        if (src != order) {
            System.arraycopy(src, 0, order, 0, n);
        }
    }
}
