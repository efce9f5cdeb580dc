package dev.pairstudio.export;

import java.util.Arrays;

/**
 * Pair ids as a sorted array, for the exact duplicates an export leaves out: a million of them
 * take 8 MB, where a {@code HashSet<Long>} took about 55 MB of the 256 MB an export may use.
 */
final class IdSet {
    static final IdSet EMPTY = new IdSet(new long[0]);

    private final long[] ids;

    private IdSet(long[] sorted) {
        this.ids = sorted;
    }

    boolean contains(long id) {
        return Arrays.binarySearch(ids, id) >= 0;
    }

    int size() {
        return ids.length;
    }

    /** Collects ids in any order; each id at most once. */
    static final class Builder {
        private long[] ids = new long[1024];
        private int n;

        void add(long id) {
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, n * 2);
            }
            ids[n++] = id;
        }

        IdSet build() {
            long[] sorted = Arrays.copyOf(ids, n);
            Arrays.sort(sorted);
            return new IdSet(sorted);
        }
    }
}
