package dev.pairstudio.store.index;

import dev.pairstudio.store.Cursor;
import java.util.Arrays;

/**
 * The next {@code k} matching ordinals after a cursor in the order of one column, by one pass over
 * the index with a bounded heap instead of sorting every row: about 10-20 ms at 1M pairs for any
 * column and any page, so that a page in a fresh sort order does not wait for a full sort.
 */
public final class FirstRows {
    private final ColumnKeys keys;
    private final boolean descending;

    private FirstRows(ColumnKeys keys, boolean descending) {
        this.keys = keys;
        this.descending = descending;
    }

    /** Ordinals in walk order (ascending or descending by key, ties by id the same way). */
    public static int[] select(
            PairIndex index, IndexFilter filter, ColumnKeys keys, boolean descending, Cursor after, int k) {
        return new FirstRows(keys, descending).select(index, filter, after, k);
    }

    /** Negative when {@code a} comes first in the walk. */
    private int order(int a, int b) {
        int c = keys.compare(a, b);
        return descending ? -c : c;
    }

    private int[] select(PairIndex index, IndexFilter filter, Cursor after, int k) {
        long cursorKey = after == null ? 0 : keys.key(after);
        int[] heap = new int[Math.max(1, k)]; // max-heap in walk order: the last kept row on top
        int size = 0;
        // Ordinals are in id order: walking them in the sort's direction lets ties (many pairs share
        // a status or a change time) fill the heap first and be passed over after, instead of
        // each new row displacing the heap's top.
        int n = index.size();
        for (int i = 0; i < n; i++) {
            int o = descending ? n - 1 - i : i;
            if (!filter.test(o)) {
                continue;
            }
            if (after != null) {
                int c = keys.compare(o, cursorKey, after.id());
                if (descending ? c >= 0 : c <= 0) {
                    continue; // at or before the cursor
                }
            }
            if (size < k) {
                heap[size] = o;
                siftUp(heap, size++);
            } else if (order(o, heap[0]) < 0) {
                heap[0] = o;
                siftDown(heap, size);
            }
        }
        Integer[] rows = new Integer[size];
        for (int i = 0; i < size; i++) {
            rows[i] = heap[i];
        }
        Arrays.sort(rows, this::order);
        return Arrays.stream(rows).mapToInt(Integer::intValue).toArray();
    }

    private void siftUp(int[] heap, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (order(heap[i], heap[parent]) <= 0) {
                return;
            }
            swap(heap, i, parent);
            i = parent;
        }
    }

    private void siftDown(int[] heap, int size) {
        int i = 0;
        while (true) {
            int left = 2 * i + 1;
            int largest = i;
            if (left < size && order(heap[left], heap[largest]) > 0) {
                largest = left;
            }
            if (left + 1 < size && order(heap[left + 1], heap[largest]) > 0) {
                largest = left + 1;
            }
            if (largest == i) {
                return;
            }
            swap(heap, i, largest);
            i = largest;
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
