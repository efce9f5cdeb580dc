package dev.pairstudio.store.index;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.StatGroup;
import java.util.Arrays;
import java.util.BitSet;

/**
 * A {@link PairFilter} compiled against a {@link PairIndex}: the dimension part decided once per
 * profile, the rest per row from primitive columns. The free-text part arrives as the set of
 * matching ordinals (the store resolves it: word index, then verification).
 */
public final class IndexFilter {
    private final PairIndex index;
    private final PairFilter filter;
    private final boolean trash;
    private final long from;
    private final long to;
    private final long changedSince;
    private final long group;
    private final BitSet ids;
    private final BitSet text;
    /**
     * Per profile: 1 passes, 0 not decided yet, -1 fails. Profiles added later are decided on first
     * sight. Null when the filter names no dimension: every profile passes, and none is looked at
     * (a large store has many profiles, and deciding each is a cache miss).
     */
    private byte[] profiles;

    public IndexFilter(PairIndex index, PairFilter filter, BitSet textMatches) {
        this.index = index;
        this.filter = filter;
        this.trash = filter.trash();
        this.from = filter.from() == null ? Long.MIN_VALUE : IndexRows.micros(filter.from());
        this.to = filter.to() == null ? Long.MAX_VALUE : IndexRows.micros(filter.to());
        this.changedSince = filter.changedSince() == null ? Long.MIN_VALUE : IndexRows.micros(filter.changedSince());
        this.group = filter.duplicateGroup() == null ? PairIndex.NO_GROUP : filter.duplicateGroup();
        if (filter.ids().isEmpty()) {
            this.ids = null;
        } else {
            this.ids = new BitSet();
            for (long id : filter.ids()) {
                int o = index.ordinalOf(id);
                if (o >= 0) {
                    ids.set(o);
                }
            }
        }
        this.text = textMatches;
        this.profiles = StatGroup.narrows(filter) ? new byte[index.profileCount()] : null;
    }

    public boolean test(int o) {
        if (index.purged(o) || index.trash(o) != trash) {
            return false;
        }
        long t = index.ts(o);
        if (t < from || t >= to || index.updated(o) < changedSince) {
            return false;
        }
        if (group != PairIndex.NO_GROUP && index.duplicateGroup(o) != group) {
            return false;
        }
        if (ids != null && !ids.get(o)) {
            return false;
        }
        if (text != null && !text.get(o)) {
            return false;
        }
        return profilePasses(index.profile(o));
    }

    /**
     * Every ordinal that passes, tested in ordinal order: the columns are read front to back, so a
     * walk over a whole sort order (page starts, a stream) tests one bit per row instead of
     * reading each column at a random place (at 3M pairs, cache misses made that walk slower than
     * the sort itself).
     */
    public BitSet passing() {
        BitSet passing = new BitSet(index.size());
        for (int o = first(); o >= 0; o = next(o)) {
            if (test(o)) {
                passing.set(o);
            }
        }
        return passing;
    }

    /** How many ordinals pass. */
    public long count() {
        long n = 0;
        for (int o = first(); o >= 0; o = next(o)) {
            if (test(o)) {
                n++;
            }
        }
        return n;
    }

    /**
     * The first ordinal that may pass, -1 when none: with free text, only the text's matches are
     * visited (a word search counts its few thousand matches, not every row).
     */
    private int first() {
        return next(-1);
    }

    private int next(int o) {
        int n = text != null ? text.nextSetBit(o + 1) : o + 1;
        return n >= 0 && n < index.size() ? n : -1;
    }

    private boolean profilePasses(int p) {
        if (profiles == null) {
            return true;
        }
        if (p >= profiles.length) {
            profiles = Arrays.copyOf(profiles, index.profileCount());
        }
        byte known = profiles[p];
        if (known == 0) {
            known = index.group(p).matches(filter) ? (byte) 1 : (byte) -1;
            profiles[p] = known;
        }
        return known > 0;
    }
}
