package dev.pairstudio.store.index;

import java.util.Locale;

/**
 * Sort keys as longs that order correctly when compared unsigned, so that every column sorts
 * with one radix sort and compares with one rule.
 */
public final class SortKeys {
    /** Characters of an SQL text that take part in its sort order (questions sort by {@link QuestionRanks}). */
    static final int TEXT_CHARS = 16;

    private SortKeys() {}

    static long signed(long value) {
        return value ^ Long.MIN_VALUE;
    }

    static long unsigned(long key) {
        return key ^ Long.MIN_VALUE;
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

    /**
     * Eight characters of a text (from {@code from}), lower-cased, one byte each: ASCII keeps its
     * exact order; other characters sort after it, in blocks of 512 code units. Sorting by SQL
     * therefore follows its first {@link #TEXT_CHARS} characters, then insertion order.
     */
    static long text(String s, int from) {
        long key = 0;
        for (int i = 0; i < 8; i++) {
            int at = from + i;
            int b = 0;
            if (at < s.length()) {
                char c = s.charAt(at);
                char lower = c < 0x80 ? (char) (c >= 'A' && c <= 'Z' ? c + 32 : c) : Character.toLowerCase(c);
                b = lower < 0x80 ? Math.max(lower, 1) : Math.min(0xFF, 0x80 + (lower >> 9));
            }
            key = (key << 8) | b;
        }
        return key;
    }

    static String textCursor(long hi, long lo) {
        return Long.toHexString(hi) + ":" + Long.toHexString(lo);
    }

    static long[] parseTextCursor(String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Not a valid cursor value: " + value);
        }
        return new long[] {
            Long.parseUnsignedLong(value.substring(0, colon), 16),
            Long.parseUnsignedLong(value.substring(colon + 1).toLowerCase(Locale.ROOT), 16)
        };
    }
}
