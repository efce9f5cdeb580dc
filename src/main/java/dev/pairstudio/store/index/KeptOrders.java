package dev.pairstudio.store.index;

import dev.pairstudio.store.SortColumn;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last few sort orders of a {@link PairIndex} (each 12 MB at 3M pairs), kept valid across
 * changes instead of sorted again: the index tells which rows it edited, appended rows are the
 * ordinals past an order's size, and the next read {@link SortOrder#follow follows} the order in
 * time proportional to the changes (a collector's batch of 100 pairs on a 3M-pair order: a
 * binary search per pair, not a radix sort of every row under the lock a writer waits for).
 *
 * <p>Readers call it under the index's read lock, the index under its write lock; its own
 * monitor orders readers that follow the same order at once.
 */
final class KeptOrders {
    private static final int KEPT = 3;

    /** An order and the ordinals below its size edited since it was made (repeats allowed). */
    private static final class Kept {
        SortOrder order;
        int[] edited = new int[16];
        int editedCount;

        Kept(SortOrder order) {
            this.order = order;
        }

        /** Beyond this many edits a fresh sort is about as cheap as following, and the list no longer grows. */
        boolean tooManyEdits() {
            return editedCount > Math.max(1_024, order.size() / 8);
        }
    }

    /** Most recently used last. */
    private final Map<SortColumn, Kept> orders = new LinkedHashMap<>(8, 0.75f, true);

    /** Ordinal {@code o} may have a new key in every column (its text, times, or dimensions changed). */
    synchronized void edited(int o) {
        for (Iterator<Kept> it = orders.values().iterator(); it.hasNext(); ) {
            Kept k = it.next();
            if (o >= k.order.size()) {
                continue; // appended after the order was made: followed as new anyway
            }
            if (k.editedCount == k.edited.length) {
                k.edited = Arrays.copyOf(k.edited, k.editedCount * 2);
            }
            k.edited[k.editedCount++] = o;
            if (k.tooManyEdits()) {
                it.remove();
            }
        }
    }

    /** Forgets the order of {@code column} (its keys were renumbered: text ranks attached). */
    synchronized void drop(SortColumn column) {
        orders.remove(column);
    }

    /** The order of {@code column} brought up to {@code index} as it is now, or null when none is kept. */
    synchronized SortOrder current(PairIndex index, SortColumn column) {
        Kept k = orders.get(column);
        if (k == null) {
            return null;
        }
        if (k.editedCount > 0 || k.order.size() != index.size()) {
            int[] edited = Arrays.stream(k.edited, 0, k.editedCount)
                    .sorted()
                    .distinct()
                    .toArray();
            k.order = k.order.follow(index, edited);
            k.editedCount = 0;
        }
        return k.order;
    }

    /** Keeps an order just sorted for the index as it is now, in place of any older one. */
    synchronized void keep(SortOrder order) {
        orders.put(order.keys().column(), new Kept(order));
        while (orders.size() > KEPT) {
            orders.remove(orders.keySet().iterator().next());
        }
    }
}
