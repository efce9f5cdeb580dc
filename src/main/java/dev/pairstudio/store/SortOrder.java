package dev.pairstudio.store;

import java.util.Arrays;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Every ordinal of a {@link PairIndex} in the order of one column, ties by id: a stable radix sort
 * of 128-bit keys (two longs compared unsigned) over the ordinals, which are in id order. Built in
 * tens of milliseconds at 1M pairs; a descending sort walks it backwards (ties by id descending).
 *
 * <p>String columns sort by the rank of their value among the distinct values (null first);
 * their keys are even ranks so that a cursor whose value no longer exists falls between two.
 */
final class SortOrder {
    private final SortColumn column;
    private final PairIndex index;
    private final int[] order;
    /** The high key half, only for question and SQL (else null: zero). */
    private final long[] hi;
    private final long[] lo;
    /** The distinct values of a string column in order; null for other columns. */
    private final String[] values;

    private SortOrder(SortColumn column, PairIndex index, int[] order, long[] hi, long[] lo, String[] values) {
        this.column = column;
        this.index = index;
        this.order = order;
        this.hi = hi;
        this.lo = lo;
        this.values = values;
    }

    static SortOrder build(PairIndex index, SortColumn column) {
        int n = index.size();
        boolean textKey = column == SortColumn.QUESTION || column == SortColumn.SQL;
        long[] hi = textKey ? new long[n] : null;
        long[] lo = new long[n];
        String[] values = null;
        Function<StatGroup, String> text = textOf(column);
        long[] byProfile = null;
        if (text != null) {
            TreeSet<String> distinct = new TreeSet<>();
            for (int p = 0; p < index.profileCount(); p++) {
                String v = text.apply(index.group(p));
                if (v != null) {
                    distinct.add(v);
                }
            }
            values = distinct.toArray(new String[0]);
            byProfile = new long[index.profileCount()];
            for (int p = 0; p < byProfile.length; p++) {
                String v = text.apply(index.group(p));
                byProfile[p] = v == null ? 0 : 2L * (Arrays.binarySearch(values, v) + 1);
            }
        } else if (column == SortColumn.SUCCESS || column == SortColumn.COMPLEXITY || column == SortColumn.FLAGS) {
            byProfile = new long[index.profileCount()];
            for (int p = 0; p < byProfile.length; p++) {
                StatGroup g = index.group(p);
                byProfile[p] = switch (column) {
                    case SUCCESS -> g.success() ? 1 : 0;
                    case COMPLEXITY -> g.complexity() == null ? 0 : g.complexity().ordinal() + 1L;
                    default -> g.flags();
                };
            }
        }
        for (int o = 0; o < n; o++) {
            if (byProfile != null) {
                lo[o] = byProfile[index.profile(o)];
                continue;
            }
            switch (column) {
                case ID -> lo[o] = index.id(o); // positive: compares right unsigned, and cursorAfterId can name it
                case TIMESTAMP -> lo[o] = SortKeys.signed(index.ts(o));
                case UPDATED -> lo[o] = SortKeys.signed(index.updated(o));
                case EXECUTION_TIME -> lo[o] = index.execution(o);
                case QUESTION -> {
                    hi[o] = index.questionHi(o);
                    lo[o] = index.questionLo(o);
                }
                case SQL -> {
                    hi[o] = index.sqlHi(o);
                    lo[o] = index.sqlLo(o);
                }
                default -> throw new IllegalStateException("no key for " + column);
            }
        }
        int[] order = identity(n);
        if (column != SortColumn.ID) { // ordinals are already in id order
            radixSort(order, lo);
            if (textKey) {
                radixSort(order, hi);
            }
        }
        return new SortOrder(column, index, order, hi, lo, values);
    }

    private static Function<StatGroup, String> textOf(SortColumn column) {
        return switch (column) {
            case DATABASE_TYPE -> StatGroup::databaseType;
            case DATABASE_NAME -> StatGroup::databaseName;
            case QUERY_TYPE -> g -> g.queryType() == null ? null : g.queryType().name();
            case STATUS -> g -> g.status().name();
            case TABLES -> g -> g.tables().isEmpty() ? null : PairRows.toJson(g.tables());
            default -> null;
        };
    }

    int size() {
        return order.length;
    }

    /** The ordinal at a position of the order. */
    int at(int position) {
        return order[position];
    }

    /**
     * The position at which a walk after {@code cursor} starts: ascending, the first position
     * whose (key, id) is greater; descending, the last position whose (key, id) is smaller.
     */
    int startAfter(Cursor cursor, boolean descending) {
        long[] key = key(cursor.value());
        int low = 0;
        int high = order.length; // first position with (key, id) > cursor
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (compare(order[mid], key, cursor.id()) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        if (!descending) {
            return low;
        }
        int p = low - 1; // last position with (key, id) <= cursor; skip the cursor row itself
        while (p >= 0 && compare(order[p], key, cursor.id()) == 0) {
            p--;
        }
        return p;
    }

    private int compare(int o, long[] key, long id) {
        int c = Long.compareUnsigned(hi == null ? 0 : hi[o], key[0]);
        if (c == 0) {
            c = Long.compareUnsigned(lo[o], key[1]);
        }
        return c != 0 ? c : Long.compare(index.id(o), id);
    }

    /** The cursor value of an ordinal: JSON-friendly (a string, a number or null). */
    Object cursorValue(int o) {
        if (values != null) {
            return lo[o] == 0 ? null : values[(int) (lo[o] / 2) - 1];
        }
        if (column == SortColumn.QUESTION || column == SortColumn.SQL) {
            return SortKeys.textCursor(hi[o], lo[o]);
        }
        return lo[o];
    }

    private long[] key(Object value) {
        if (values != null) {
            if (value == null) {
                return new long[] {0, 0};
            }
            int i = Arrays.binarySearch(values, Objects.toString(value));
            return new long[] {0, i >= 0 ? 2L * (i + 1) : 2L * (-i - 1) + 1};
        }
        if (column == SortColumn.QUESTION || column == SortColumn.SQL) {
            return SortKeys.parseTextCursor(Objects.toString(value));
        }
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("Not a valid cursor value for " + column + ": " + value);
        }
        return new long[] {0, number.longValue()};
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Stable LSD radix sort of {@code order} by {@code keys[ordinal]} (unsigned), 16 bits a pass; passes where all digits agree are skipped. */
    private static void radixSort(int[] order, long[] keys) {
        int n = order.length;
        long[] k = new long[n];
        for (int i = 0; i < n; i++) {
            k[i] = keys[order[i]];
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
