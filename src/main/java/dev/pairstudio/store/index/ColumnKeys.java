package dev.pairstudio.store.index;

import dev.pairstudio.store.Cursor;
import dev.pairstudio.store.SortColumn;
import dev.pairstudio.store.StatGroup;
import java.util.Arrays;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The sort key of every ordinal for one {@link SortColumn}: a long compared unsigned, ties by id. Read straight from the index's columns; the dimensions shared through
 * profiles are ranked once per profile. Cheap to make (no per-row arrays), so a first page can
 * be selected from it without sorting everything.
 *
 * <p>String columns sort by the rank of their value among the distinct values (null first);
 * their keys are even ranks so that a cursor whose value no longer exists falls between two.
 * Question and SQL sort by their {@link TextRanks}, which the caller brought up to date.
 */
public final class ColumnKeys {
    private final SortColumn column;
    private final PairIndex index;
    /** Per profile, the key of profile-derived columns; null for row columns. */
    private final long[] byProfile;
    /** The distinct values of a string column in order; null for other columns. */
    private final String[] values;

    private ColumnKeys(SortColumn column, PairIndex index, long[] byProfile, String[] values) {
        this.column = column;
        this.index = index;
        this.byProfile = byProfile;
        this.values = values;
    }

    public static ColumnKeys of(PairIndex index, SortColumn column) {
        Function<StatGroup, String> text = textOf(column);
        if (text != null) {
            TreeSet<String> distinct = new TreeSet<>();
            for (int p = 0; p < index.profileCount(); p++) {
                String v = text.apply(index.group(p));
                if (v != null) {
                    distinct.add(v);
                }
            }
            String[] values = distinct.toArray(new String[0]);
            long[] byProfile = new long[index.profileCount()];
            for (int p = 0; p < byProfile.length; p++) {
                String v = text.apply(index.group(p));
                byProfile[p] = v == null ? 0 : 2L * (Arrays.binarySearch(values, v) + 1);
            }
            return new ColumnKeys(column, index, byProfile, values);
        }
        if (column == SortColumn.SUCCESS || column == SortColumn.COMPLEXITY || column == SortColumn.FLAGS) {
            long[] byProfile = new long[index.profileCount()];
            for (int p = 0; p < byProfile.length; p++) {
                StatGroup g = index.group(p);
                byProfile[p] = switch (column) {
                    case SUCCESS -> g.success() ? 1 : 0;
                    case COMPLEXITY ->
                        g.complexity() == null ? 0 : g.complexity().ordinal() + 1L;
                    default -> g.flags();
                };
            }
            return new ColumnKeys(column, index, byProfile, null);
        }
        return new ColumnKeys(column, index, null, null);
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

    SortColumn column() {
        return column;
    }

    long key(int o) {
        if (byProfile != null) {
            return byProfile[index.profile(o)];
        }
        return switch (column) {
            case ID -> index.id(o); // positive: compares right unsigned, and cursorAfterId can name it
            case TIMESTAMP -> SortKeys.signed(index.ts(o));
            case UPDATED -> SortKeys.signed(index.updated(o));
            case EXECUTION_TIME -> index.execution(o);
            case QUESTION, SQL -> index.ranks(column).rank(o); // the caller ranked every pair (IndexKeeper#read)
            default -> throw new IllegalStateException("no key for " + column);
        };
    }

    /** Ascending order of two ordinals: key, then id. */
    int compare(int a, int b) {
        int c = Long.compareUnsigned(key(a), key(b));
        return c != 0 ? c : Long.compare(index.id(a), index.id(b));
    }

    /** Ascending order of an ordinal against a cursor position. */
    int compare(int o, long key, long id) {
        int c = Long.compareUnsigned(key(o), key);
        return c != 0 ? c : Long.compare(index.id(o), id);
    }

    /** The cursor value of an ordinal: JSON-friendly (a string, a number or null). */
    public Object cursorValue(int o) {
        if (values != null) {
            long key = key(o);
            return key == 0 ? null : values[(int) (key / 2) - 1];
        }
        return key(o);
    }

    /**
     * A cursor's position as a key of this column. By question or SQL, the cursor's pair is looked
     * up: its rank is its place now, even when pairs were ranked again since the cursor was made.
     */
    long key(Cursor cursor) {
        if (PairIndex.textRanked(column)) {
            int o = index.ordinalOf(cursor.id());
            if (o >= 0 && !index.purged(o) && key(o) > 0) {
                return key(o);
            }
        }
        return key(cursor.value());
    }

    /** A cursor's value as a key of this column. */
    private long key(Object value) {
        if (values != null) {
            if (value == null) {
                return 0;
            }
            int i = Arrays.binarySearch(values, Objects.toString(value));
            return i >= 0 ? 2L * (i + 1) : 2L * (-i - 1) + 1;
        }
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("Not a valid cursor value for " + column + ": " + value);
        }
        return number.longValue();
    }
}
