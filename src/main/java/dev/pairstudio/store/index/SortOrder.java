package dev.pairstudio.store.index;

import dev.pairstudio.store.Cursor;
import dev.pairstudio.store.SortColumn;
import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * Every ordinal of a {@link PairIndex} in the order of one column ({@link ColumnKeys}), ties by
 * id: a stable radix sort of the keys over the ordinals, which are in id order. Built in
 * tens of milliseconds at 1M pairs, for walks over many pages (page starts, streaming); a
 * descending sort walks it backwards (ties by id descending). After changes it is
 * {@link #follow followed} rather than built again ({@link KeptOrders}).
 *
 * <p>Immutable as seen by its readers: its first {@link #size} entries never change. Rows that
 * sort after all others (new pairs in id, insertion and most time orders) are appended in the
 * spare room of the same array, past every older order's size.
 */
public final class SortOrder {
    private final ColumnKeys keys;
    private final int[] order;
    private final int size;

    private SortOrder(ColumnKeys keys, int[] order, int size) {
        this.keys = keys;
        this.order = order;
        this.size = size;
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
        return new SortOrder(keys, order, n);
    }

    /**
     * This order brought up to {@code index} as it is now, when since it was made the ordinals
     * past its size were added and those in {@code edited} (ascending, distinct, below its size)
     * may have new keys; every other row kept its key or (a shared dimension's rank) its place
     * among the others. The answer is what {@link #build} would give, at the cost of sorting the
     * changed rows and placing each by binary search: the unchanged rows are copied in runs.
     */
    SortOrder follow(PairIndex index, int[] edited) {
        ColumnKeys now = ColumnKeys.of(index, keys.column()); // ranks of shared values shift when new ones appear
        int[] moved = new int[edited.length + index.size() - size];
        System.arraycopy(edited, 0, moved, 0, edited.length);
        for (int i = edited.length, o = size; i < moved.length; i++, o++) {
            moved[i] = o;
        }
        radixSort(moved, now::key); // stable over ascending ordinals: ties by id
        int[] kept = order;
        int keptSize = size;
        if (edited.length > 0) { // take the edited rows out: their place is found again below
            kept = new int[size - edited.length];
            keptSize = 0;
            for (int p = 0; p < size; p++) {
                if (Arrays.binarySearch(edited, order[p]) < 0) {
                    kept[keptSize++] = order[p];
                }
            }
        }
        int total = keptSize + moved.length;
        if (moved.length == 0 || keptSize == 0 || now.compare(kept[keptSize - 1], moved[0]) < 0) {
            int[] out = kept.length >= total ? kept : Arrays.copyOf(kept, PairIndex.grownCapacity(kept.length, total));
            System.arraycopy(moved, 0, out, keptSize, moved.length); // past every older order's size
            return new SortOrder(now, out, total);
        }
        int[] out = new int[PairIndex.grownCapacity(total, total + 1)];
        int from = 0; // next kept position to copy
        int at = 0;
        for (int m : moved) {
            int place = firstAfter(now, kept, from, keptSize, m);
            System.arraycopy(kept, from, out, at, place - from);
            at += place - from;
            from = place;
            out[at++] = m;
        }
        System.arraycopy(kept, from, out, at, keptSize - from);
        return new SortOrder(now, out, total);
    }

    /** The first position in {@code rows[from, to)} that sorts after ordinal {@code o}. */
    private static int firstAfter(ColumnKeys keys, int[] rows, int from, int to, int o) {
        int low = from;
        int high = to;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (keys.compare(rows[mid], o) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    public ColumnKeys keys() {
        return keys;
    }

    public int size() {
        return size;
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
        int high = size; // first position with (key, id) > cursor
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
