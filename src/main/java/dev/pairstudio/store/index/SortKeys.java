package dev.pairstudio.store.index;

/**
 * Sort keys as longs that order correctly when compared unsigned, so that every column sorts
 * with one radix sort and compares with one rule.
 */
public final class SortKeys {
    private SortKeys() {}

    static long signed(long value) {
        return value ^ Long.MIN_VALUE;
    }

    /** An execution time in milliseconds; null sorts first (0). */
    public static long execution(Double ms) {
        if (ms == null || ms.isNaN()) {
            return 0;
        }
        long bits = Double.doubleToLongBits(ms);
        long key = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
        return key == 0 ? 1 : key;
    }
}
