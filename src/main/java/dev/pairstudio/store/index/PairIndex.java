package dev.pairstudio.store.index;

import dev.pairstudio.store.SortColumn;
import dev.pairstudio.store.StatGroup;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;

/**
 * The pairs' filterable and sortable columns in memory, one primitive array per column indexed by
 * an ordinal (arrival order, which is id order): about 65 bytes a pair. Counts, pages in any sort
 * order and statistics are scans of these arrays (milliseconds at 1M pairs) instead of database
 * indexes, which made every insert several times slower (V5__memory_index.sql).
 *
 * <p>The dimensions that many pairs share are interned as {@link Profiles}; a row holds its
 * profile's number. Sorting by question or SQL follows {@link TextRanks}, ranked on first use.
 *
 * <p>Not thread-safe: the store guards it with a read-write lock (readers scan, one writer puts).
 * Rows are never removed, only marked purged, so ordinals stay valid; the sort orders in use are
 * followed through changes ({@link KeptOrders}): each change that can move a row in some order
 * names it there.
 */
public final class PairIndex {
    static final byte TRASH = 1;
    static final byte PURGED = 2;

    private int size;
    private long[] ids = new long[0];
    private long[] ts = new long[0];
    private long[] updated = new long[0];
    private long[] execution = new long[0];
    private long[] duplicateGroup = new long[0];
    private long[] pairHash = new long[0];
    private int[] profile = new int[0];
    private int[] questionLength = new int[0];
    private int[] sqlLength = new int[0];
    /** A hash of question and SQL, to notice an edited text when a row is put again. */
    private int[] textHash = new int[0];

    private byte[] state = new byte[0];
    /** The word index for free-text search, built on the first search ({@link IndexKeeper#ensureText}). */
    private TextIndex text;
    /** Each pair's place in full question order, and in full SQL order. */
    private TextRanks questionRanks = new TextRanks();

    private TextRanks sqlRanks = new TextRanks();
    private Profiles profiles = new Profiles();

    private final PairIdHashes byPairId = new PairIdHashes(o -> pairHash[o]);
    private final KeptOrders orders = new KeptOrders();
    private int purged;
    private long generation;

    /** No duplicate group. */
    public static final long NO_GROUP = Long.MIN_VALUE;

    // ---- writing ----------------------------------------------------------------------------

    /**
     * Adds a new row or replaces the index entry of a known id. Returns false when the id is new
     * but lower than the last one: the index keeps id order, so the caller must rebuild.
     */
    public boolean put(IndexRow r) {
        int o = ordinalOf(r.id());
        if (o < 0) {
            if (size > 0 && r.id() < ids[size - 1]) {
                return false;
            }
            ensureCapacity(size + 1); // first: a growth that fails (out of memory) leaves the index as it was
            o = size++;
            ids[o] = r.id();
            pairHash[o] = PairIdHashes.hash(r.pairId());
            byPairId.add(o);
            textHash[o] = TextDigest.textHash(r);
            if (text != null) {
                text.add(o, r.question(), r.sql());
            }
            textChanged(o);
        } else {
            orders.edited(o);
            profiles.released(profile[o]);
            if ((state[o] & PURGED) != 0) {
                state[o] &= ~PURGED;
                purged--;
                byPairId.add(o);
            }
            int h = TextDigest.textHash(r);
            if (h != textHash[o]) {
                textHash[o] = h;
                if (text != null) {
                    text.replace(o, r.question(), r.sql());
                }
                textChanged(o);
            }
        }
        ts[o] = r.tsMicros();
        updated[o] = r.updatedMicros();
        execution[o] = r.executionKey();
        duplicateGroup[o] = r.duplicateGroup() == null ? NO_GROUP : r.duplicateGroup();
        questionLength[o] = r.questionLength();
        sqlLength[o] = r.sqlLength();
        state[o] = (byte) (r.trash() ? TRASH : 0);
        profile[o] = profiles.intern(r.group());
        profiles.held(profile[o]);
        changed();
        return true;
    }

    /** A new or edited text: its ranks wait to be placed. */
    private void textChanged(int o) {
        questionRanks.changed(o);
        sqlRanks.changed(o);
    }

    /** The sum of every live pair's {@link TextDigest}: order-free, so a writer can add up the pairs it saw. */
    public long liveTextDigest() {
        long digest = 0;
        for (int o = 0; o < size; o++) {
            if (state[o] == 0) {
                digest += TextDigest.of(ids[o], textHash[o]);
            }
        }
        return digest;
    }

    TextIndex text() {
        return text;
    }

    void attachText(TextIndex built) {
        text = built;
    }

    /** Which parts built on first use it holds (word index 1, question ranks 2, SQL ranks 4): the snapshot is written again when they grow. */
    int optionalParts() {
        return (text != null ? 1 : 0) | questionRanks.part(2) | sqlRanks.part(4);
    }

    /** Whether sorting by {@code column} follows {@link TextRanks} (the question and the SQL). */
    public static boolean textRanked(SortColumn column) {
        return column == SortColumn.QUESTION || column == SortColumn.SQL;
    }

    /** The ranks of a text column ({@link #textRanked}). */
    TextRanks ranks(SortColumn column) {
        return switch (column) {
            case QUESTION -> questionRanks;
            case SQL -> sqlRanks;
            default -> throw new IllegalArgumentException(column + " is not ranked by its text");
        };
    }

    /** Takes a ranking of a text column made when the index had {@code rankedSize} rows. */
    void attachRanks(SortColumn column, int[] ordered, int rankedSize) {
        ranks(column).attach(ordered, rankedSize, size, ids.length); // as long as the other columns: they grow together
        orders.drop(column); // every rank renumbered
        changed();
    }

    /** Moves a row to the trash or back; false when the id is unknown. */
    public boolean setTrash(long id, boolean trash) {
        int o = ordinalOf(id);
        if (o < 0 || (state[o] & PURGED) != 0) {
            return false;
        }
        state[o] = (byte) (trash ? TRASH : 0);
        changed();
        return true;
    }

    /** Changes a row's dimensions (its review status, say) and its change time; false when the id is unknown. */
    public boolean regroup(long id, UnaryOperator<StatGroup> change, long updatedMicros) {
        int o = ordinalOf(id);
        if (o < 0 || (state[o] & PURGED) != 0) {
            return false;
        }
        orders.edited(o);
        profiles.released(profile[o]);
        profile[o] = profiles.intern(change.apply(profiles.group(profile[o])));
        profiles.held(profile[o]);
        updated[o] = updatedMicros;
        changed();
        return true;
    }

    /**
     * A pair's duplicate group and duplicate flags as {@code markDuplicates} writes them: the
     * flag bits under {@code mask} become {@code bits}; false when the id is unknown.
     */
    public boolean markDuplicate(long id, long group, long mask, long bits) {
        int o = ordinalOf(id);
        if (o < 0 || (state[o] & PURGED) != 0) {
            return false;
        }
        duplicateGroup[o] = group;
        StatGroup g = profiles.group(profile[o]);
        long flags = (g.flags() & ~mask) | (bits & mask);
        if (flags != g.flags()) {
            orders.edited(o);
            profiles.released(profile[o]);
            profile[o] = profiles.intern(g.withFlags(flags));
            profiles.held(profile[o]);
        }
        changed();
        return true;
    }

    /** Every live row of duplicate group {@code from} now belongs to {@code into}. */
    public void renameGroup(long from, long into) {
        for (int o = 0; o < size; o++) {
            if (duplicateGroup[o] == from && (state[o] & PURGED) == 0) {
                duplicateGroup[o] = into;
            }
        }
        changed();
    }

    /** The row was deleted for good. */
    public void purge(long id) {
        int o = ordinalOf(id);
        if (o >= 0 && (state[o] & PURGED) == 0) {
            state[o] |= PURGED;
            purged++;
            profiles.released(profile[o]);
            byPairId.remove(o);
            changed();
        }
    }

    /**
     * Counts a change, so that {@link TextMatches} reads a cached search answer again. A change
     * that can move a row in a sort order also names the row to {@link #orders} first (trash,
     * purge and duplicate groups move none).
     */
    private void changed() {
        generation++;
    }

    /** Sizes the columns for {@code rows} pairs up front (a load knows the count): no growth by copying. */
    void reserve(int rows) {
        ensureCapacity(rows);
    }

    /**
     * Rows from which the columns grow by an eighth instead of a half: at 10M pairs a half is
     * ~590 MB more heap for the next single pair (a window whose collector stores one), an eighth
     * ~150 MB; copying stays amortized (each row copied about eight times over a growth to any size).
     */
    static final int LARGE = 1 << 20;

    /** The capacity for {@code needed} rows when the columns hold {@code capacity}. */
    static int grownCapacity(int capacity, int needed) {
        if (needed <= capacity) {
            return capacity;
        }
        long step = capacity < LARGE ? capacity >> 1 : capacity >> 3;
        return (int) Math.min(Integer.MAX_VALUE - 8, Math.max(1024, Math.max(needed, capacity + step)));
    }

    private void ensureCapacity(int needed) {
        if (needed <= ids.length) {
            return;
        }
        int n = grownCapacity(ids.length, needed);
        ids = Arrays.copyOf(ids, n);
        ts = Arrays.copyOf(ts, n);
        updated = Arrays.copyOf(updated, n);
        execution = Arrays.copyOf(execution, n);
        duplicateGroup = Arrays.copyOf(duplicateGroup, n);
        pairHash = Arrays.copyOf(pairHash, n);
        profile = Arrays.copyOf(profile, n);
        questionLength = Arrays.copyOf(questionLength, n);
        sqlLength = Arrays.copyOf(sqlLength, n);
        textHash = Arrays.copyOf(textHash, n);
        state = Arrays.copyOf(state, n);
        questionRanks.grow(n);
        sqlRanks.grow(n);
    }

    // ---- reading ----------------------------------------------------------------------------

    /** The ordinal of a store id, -1 when unknown. */
    int ordinalOf(long id) {
        int i = Arrays.binarySearch(ids, 0, size, id);
        return i < 0 ? -1 : i;
    }

    /** Ordinals whose pair_id hashes like {@code pairId} (candidates: the caller compares the text). */
    public void candidatesFor(String pairId, IntConsumer action) {
        byPairId.forEach(PairIdHashes.hash(pairId), action);
    }

    public int size() {
        return size;
    }

    /** Rows not purged. */
    int rows() {
        return size - purged;
    }

    int purgedRows() {
        return purged;
    }

    /** How many changes the index has taken: a cached answer from an earlier count is stale. */
    long generation() {
        return generation;
    }

    public long id(int o) {
        return ids[o];
    }

    public long ts(int o) {
        return ts[o];
    }

    long updated(int o) {
        return updated[o];
    }

    long execution(int o) {
        return execution[o];
    }

    public long duplicateGroup(int o) {
        return duplicateGroup[o];
    }

    public int profile(int o) {
        return profile[o];
    }

    int questionLength(int o) {
        return questionLength[o];
    }

    int sqlLength(int o) {
        return sqlLength[o];
    }

    boolean trash(int o) {
        return (state[o] & TRASH) != 0;
    }

    public boolean purged(int o) {
        return (state[o] & PURGED) != 0;
    }

    public int profileCount() {
        return profiles.count();
    }

    public StatGroup group(int profileNumber) {
        return profiles.group(profileNumber);
    }

    /** Whether some row not purged has this profile. */
    public boolean inUse(int profileNumber) {
        return profiles.inUse(profileNumber);
    }

    /** The order of a column if one is kept (brought up to date), else null. */
    public SortOrder cachedOrder(SortColumn column) {
        return orders.current(this, column);
    }

    /** The order of every ordinal for a sort column: sorted on first use, then followed through changes. */
    public SortOrder order(SortColumn column) {
        SortOrder known = orders.current(this, column);
        if (known != null) {
            return known;
        }
        SortOrder built = SortOrder.build(this, column); // readers may build the same order at once: harmless
        orders.keep(built);
        return built;
    }

    // ---- snapshot (IndexSnapshot) ------------------------------------------------------------

    /** Writes every column, the profiles, the pair_id table, the word index and the text ranks (when built). */
    void write(SnapshotFile.Out out) throws IOException {
        out.i32(size);
        for (long[] column : new long[][] {ids, ts, updated, execution, duplicateGroup, pairHash}) {
            out.longs(column, size);
        }
        for (int[] column : new int[][] {profile, questionLength, sqlLength, textHash}) {
            out.ints(column, size);
        }
        out.bytes(state, size);
        profiles.write(out);
        byPairId.write(out);
        out.bool(text != null);
        if (text != null) {
            text.write(out);
        }
        questionRanks.write(out, size);
        sqlRanks.write(out, size);
    }

    /** The index {@link #write} wrote; throws on anything that cannot be a snapshot (the caller rebuilds). */
    static PairIndex read(SnapshotFile.In in) throws IOException {
        PairIndex ix = new PairIndex();
        int n = in.count(8 * 6 + 4 * 4 + 1);
        ix.size = n;
        ix.ids = in.longs(n);
        ix.ts = in.longs(n);
        ix.updated = in.longs(n);
        ix.execution = in.longs(n);
        ix.duplicateGroup = in.longs(n);
        ix.pairHash = in.longs(n);
        ix.profile = in.ints(n);
        ix.questionLength = in.ints(n);
        ix.sqlLength = in.ints(n);
        ix.textHash = in.ints(n);
        ix.state = in.bytes(n);
        ix.profiles = Profiles.read(in);
        for (int o = 0; o < n; o++) {
            if (ix.profile[o] < 0 || ix.profile[o] >= ix.profiles.count() || (o > 0 && ix.ids[o] <= ix.ids[o - 1])) {
                throw new IOException("row " + o + " is out of order or names no profile");
            }
            if ((ix.state[o] & PURGED) != 0) {
                ix.purged++;
            } else {
                ix.profiles.held(ix.profile[o]);
            }
        }
        ix.byPairId.read(in);
        if (in.bool()) {
            ix.text = TextIndex.read(in);
        }
        ix.questionRanks = TextRanks.read(in, n);
        ix.sqlRanks = TextRanks.read(in, n);
        return ix;
    }

    /**
     * Whether ordinal {@code o} holds what the index would hold after reading {@code r} from the
     * table (a snapshot's spot check): every column, the profile and the live/trash state.
     */
    boolean agrees(int o, IndexRow r) {
        return o >= 0
                && ids[o] == r.id()
                && (state[o] & PURGED) == 0
                && trash(o) == r.trash()
                && ts[o] == r.tsMicros()
                && updated[o] == r.updatedMicros()
                && execution[o] == r.executionKey()
                && duplicateGroup[o] == (r.duplicateGroup() == null ? NO_GROUP : r.duplicateGroup())
                && pairHash[o] == PairIdHashes.hash(r.pairId())
                && textHash[o] == TextDigest.textHash(r)
                && questionLength[o] == r.questionLength()
                && sqlLength[o] == r.sqlLength()
                && profiles.group(profile[o]).equals(r.group());
    }

    /** The trash rows not purged (a snapshot's check against the trash table). */
    int trashRows() {
        int n = 0;
        for (int o = 0; o < size; o++) {
            if (state[o] == TRASH) {
                n++;
            }
        }
        return n;
    }

    /** The largest id not purged, 0 when none (a snapshot's check against the table). */
    long maxLiveId() {
        for (int o = size - 1; o >= 0; o--) {
            if ((state[o] & PURGED) == 0) {
                return ids[o];
            }
        }
        return 0;
    }

    long memoryBytes() {
        return ids.length * (8L * 6 + 4L * 4 + 1)
                + questionRanks.memoryBytes()
                + sqlRanks.memoryBytes()
                + byPairId.memoryBytes()
                + (text == null ? 0 : text.memoryBytes());
    }
}
