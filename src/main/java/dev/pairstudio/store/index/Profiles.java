package dev.pairstudio.store.index;

import dev.pairstudio.store.StatGroup;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct combinations of the dimensions many pairs share (database, status, query type,
 * flags, tables, …), each interned once as a numbered {@link StatGroup} "profile", with how many
 * live rows hold it. A row of the {@link PairIndex} stores its profile's number, so a filter on
 * those dimensions is decided once per profile, not once per pair.
 */
final class Profiles {
    private final List<StatGroup> groups = new ArrayList<>();
    private final Map<StatGroup, Integer> numbers = new HashMap<>();
    private int[] rows = new int[16];

    /** The number of {@code g}, numbered now when it is new. */
    int intern(StatGroup g) {
        Integer known = numbers.get(g);
        if (known != null) {
            return known;
        }
        int p = groups.size();
        groups.add(g);
        numbers.put(g, p);
        if (p >= rows.length) {
            rows = Arrays.copyOf(rows, rows.length * 2);
        }
        return p;
    }

    int count() {
        return groups.size();
    }

    StatGroup group(int p) {
        return groups.get(p);
    }

    /** A live row took profile {@code p}. */
    void held(int p) {
        rows[p]++;
    }

    /** A live row let go of profile {@code p} (changed, or purged). */
    void released(int p) {
        rows[p]--;
    }

    /** Whether some live row holds profile {@code p}. */
    boolean inUse(int p) {
        return rows[p] > 0;
    }

    void write(SnapshotFile.Out out) throws IOException {
        out.i32(groups.size());
        for (StatGroup g : groups) {
            StatGroupCodec.write(out, g);
        }
    }

    /** Reads what {@link #write} wrote; the rows holding each are counted by the caller ({@link #held}). */
    static Profiles read(SnapshotFile.In in) throws IOException {
        Profiles profiles = new Profiles();
        for (int g = 0, n = in.count(8); g < n; g++) {
            profiles.intern(StatGroupCodec.read(in));
        }
        return profiles;
    }
}
