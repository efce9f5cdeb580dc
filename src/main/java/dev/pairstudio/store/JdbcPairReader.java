package dev.pairstudio.store;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.index.ColumnKeys;
import dev.pairstudio.store.index.FirstRows;
import dev.pairstudio.store.index.IndexFilter;
import dev.pairstudio.store.index.IndexKeeper;
import dev.pairstudio.store.index.IndexRows;
import dev.pairstudio.store.index.IndexStatistics;
import dev.pairstudio.store.index.PairIndex;
import dev.pairstudio.store.index.PairRows;
import dev.pairstudio.store.index.SortOrder;
import dev.pairstudio.store.index.TextMatches;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntPredicate;
import javax.sql.DataSource;

/**
 * Reading pairs for {@link JdbcPairStore}: which rows and in which order come from the index
 * (the filter's free-text part first, by {@link TextMatches}); the rows themselves are read back
 * from the table by id, in ranges where the ids are close. Streams read the next page on a second
 * thread ({@link ReadAhead}).
 */
final class JdbcPairReader implements PairReader {
    private final JdbcPairStore store;
    private final DataSource pool;
    private final DataSource streaming;
    private final IndexKeeper index;
    private final TextMatches text;

    JdbcPairReader(JdbcPairStore store) {
        this.store = store;
        this.pool = store.dataSource();
        this.streaming = store.streaming();
        this.index = store.index();
        this.text = store.text();
    }

    @Override
    public Optional<StoredPair> get(long id) {
        List<StoredPair> rows = fetch(List.of(id));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    @Override
    public Optional<StoredPair> getByPairId(String pairId) {
        List<Long> candidates = store.readIndex("find a pair", ix -> {
            List<Long> ids = new ArrayList<>();
            ix.candidatesFor(pairId, o -> ids.add(ix.id(o)));
            return ids;
        });
        return fetch(candidates).stream()
                .filter(p -> p.pair().pairId().equals(pairId))
                .findFirst();
    }

    /** The rows of these ids in this order; ids no longer stored are left out. */
    List<StoredPair> fetch(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (Connection c = pool.getConnection()) {
            return fetch(c, ids);
        } catch (SQLException e) {
            throw store.failure("read pairs", e);
        }
    }

    private static List<StoredPair> fetch(Connection c, List<Long> ids) throws SQLException {
        Map<Long, StoredPair> byId = new HashMap<>(ids.size() * 2);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long id : ids) {
            min = Math.min(min, id);
            max = Math.max(max, id);
        }
        // Ids close together (an export in insertion order) read fastest as one range of the
        // primary key; scattered ones (a page in another order) by key lookups.
        boolean dense = max - min < 2L * ids.size();
        if (dense) {
            Set<Long> wanted = new HashSet<>(ids);
            try (PreparedStatement s =
                    c.prepareStatement("SELECT " + PairRows.COLUMNS + PairRows.FROM + " WHERE p.id BETWEEN ? AND ?")) {
                s.setLong(1, min);
                s.setLong(2, max);
                readInto(s, byId, wanted);
            }
        } else {
            try (PreparedStatement s = c.prepareStatement("SELECT " + PairRows.COLUMNS + PairRows.FROM_IDS)) {
                for (int from = 0; from < ids.size(); from += IndexKeeper.ID_CHUNK) {
                    s.setObject(
                            1,
                            ids.subList(from, Math.min(ids.size(), from + IndexKeeper.ID_CHUNK))
                                    .toArray(new Long[0]));
                    readInto(s, byId, null);
                }
            }
        }
        List<StoredPair> rows = new ArrayList<>(ids.size());
        for (long id : ids) {
            StoredPair p = byId.get(id);
            if (p != null) {
                rows.add(p);
            }
        }
        return rows;
    }

    /** Every row a query over {@link PairRows#COLUMNS} returns, in its order. */
    static List<StoredPair> readRows(PreparedStatement s) throws SQLException {
        List<StoredPair> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(PairRows.read(r));
            }
        }
        return rows;
    }

    private static void readInto(PreparedStatement s, Map<Long, StoredPair> byId, Set<Long> wanted)
            throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                if (wanted == null || wanted.contains(r.getLong(1))) {
                    StoredPair p = PairRows.read(r);
                    byId.put(p.id(), p);
                }
            }
        }
    }

    /** The filter against the index, with its free-text part resolved first (outside the index lock). */
    <T> T withFilter(String what, PairFilter filter, BiFunction<PairIndex, IndexFilter, T> reader) {
        return withFilter(what, filter, null, reader);
    }

    /** The same for rows in a sort order: by question or SQL, on an index whose pairs are ranked in that text's full order. */
    <T> T withFilter(String what, PairFilter filter, PairSort sort, BiFunction<PairIndex, IndexFilter, T> reader) {
        BitSet textOrdinals = text.matching(filter);
        return store.readIndex(
                what,
                ix -> reader.apply(ix, new IndexFilter(ix, filter, textOrdinals)),
                sort == null ? null : sort.column());
    }

    @Override
    public long count(PairFilter filter) {
        if (!index.loaded() && filter.equals(PairFilter.ALL)) { // the table counts every live pair without the index
            return store.read(
                    "count pairs",
                    c -> IndexKeeper.single(c, "SELECT COUNT(*) FROM pairs")
                            - IndexKeeper.single(c, "SELECT COUNT(*) FROM trash"));
        }
        return withFilter("count pairs", filter, (ix, f) -> f.count());
    }

    /** Matching rows in sort order: their ids and, when asked for, their cursor values. */
    private record Walk(List<Long> ids, List<Object> values, long matched) {}

    /**
     * Walks a full sort order from after the cursor: up to {@code limit} rows that pass
     * {@code f}, every {@code every}-th match (page starts), with cursor values only when
     * {@code withValues}.
     */
    private static Walk walk(
            PairIndex ix,
            IntPredicate f,
            SortOrder order,
            boolean desc,
            Cursor after,
            int limit,
            int every,
            boolean withValues) {
        int p = after == null ? (desc ? order.size() - 1 : 0) : order.startAfter(after, desc);
        List<Long> ids = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        long matched = 0;
        int untilNext = every; // a countdown, not a division per matching row
        for (; p >= 0 && p < order.size() && ids.size() < limit; p += desc ? -1 : 1) {
            int o = order.at(p);
            if (!f.test(o)) {
                continue;
            }
            matched++;
            if (--untilNext == 0) {
                untilNext = every;
                ids.add(ix.id(o));
                if (withValues) {
                    values.add(order.keys().cursorValue(o));
                }
            }
        }
        return new Walk(ids, values, matched);
    }

    /** The next rows of a page: from a cached full order when there is one, else selected in one pass. */
    private static Walk page(PairIndex ix, IndexFilter f, PairSort sort, Cursor after, int limit) {
        SortOrder cached = sort.column() == SortColumn.ID ? ix.order(SortColumn.ID) : ix.cachedOrder(sort.column());
        if (cached != null) {
            return walk(ix, f::test, cached, sort.descending(), after, limit, 1, true);
        }
        ColumnKeys keys = ColumnKeys.of(ix, sort.column());
        int[] rows = FirstRows.select(ix, f, keys, sort.descending(), after, limit);
        List<Long> ids = new ArrayList<>(rows.length);
        List<Object> values = new ArrayList<>(rows.length);
        for (int o : rows) {
            ids.add(ix.id(o));
            values.add(keys.cursorValue(o));
        }
        return new Walk(ids, values, rows.length);
    }

    /** The next live ids in id order, read from the table's primary key (before the index is ready). */
    private Walk pageById(boolean descending, Cursor after, int limit) {
        return store.read("list pairs", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT p.id FROM pairs p LEFT JOIN trash t ON t.id = p.id WHERE t.id IS NULL AND p.id "
                            + (descending ? "< ? ORDER BY p.id DESC" : "> ? ORDER BY p.id") + " LIMIT ?")) {
                s.setLong(1, after != null ? after.id() : descending ? Long.MAX_VALUE : Long.MIN_VALUE);
                s.setInt(2, limit);
                List<Long> ids = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getLong(1));
                    }
                }
                return new Walk(ids, new ArrayList<>(ids), ids.size());
            }
        });
    }

    @Override
    public Page query(PairFilter filter, PairSort sort, String afterCursor, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        Cursor after = afterCursor == null ? null : Cursor.decode(afterCursor, sort);
        Walk w = !index.loaded() && filter.equals(PairFilter.ALL) && sort.column() == SortColumn.ID
                ? pageById(sort.descending(), after, limit + 1) // the primary key's order: no index needed
                : withFilter("list pairs", filter, sort, (ix, f) -> page(ix, f, sort, after, limit + 1));
        boolean more = w.ids().size() > limit;
        List<Long> ids = more ? w.ids().subList(0, limit) : w.ids();
        String next = more ? new Cursor(sort, w.values().get(limit - 1), ids.get(limit - 1)).encode() : null;
        return new Page(fetch(ids), next);
    }

    @Override
    public List<String> pageStarts(PairFilter filter, PairSort sort, int pageSize) {
        if (pageSize <= 0) {
            throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
        }
        Walk w = withFilter(
                "index pages",
                filter,
                sort,
                (ix, f) -> walk(
                        ix,
                        f.passing()::get,
                        ix.order(sort.column()),
                        sort.descending(),
                        null,
                        Integer.MAX_VALUE,
                        pageSize,
                        true));
        List<String> starts = new ArrayList<>();
        starts.add(null);
        for (int i = 0;
                i < w.ids().size() && (i + 1L) * pageSize < w.matched();
                i++) { // a cursor only when a row follows
            starts.add(new Cursor(sort, w.values().get(i), w.ids().get(i)).encode());
        }
        return starts;
    }

    @Override
    public void forEach(PairFilter filter, PairSort sort, Consumer<StoredPair> action) {
        if (sort.equals(PairSort.INSERTION) && (!index.loaded() || mostRowsMatch(filter))) {
            // One pass over the table in id order: no index to build (a CLI export), and cheaper than
            // reading the matching rows by id when they are most of the table (1M pairs: 5.0 s against 6.6 s).
            streamInIdOrder(filter, action);
            return;
        }
        // The order is taken once (ids only, 8 bytes a pair); rows are read in chunks by id.
        streamIds(
                withFilter(
                        "list pairs",
                        filter,
                        sort,
                        (ix, f) -> matchingIds(ix, f, ix.order(sort.column()), sort.descending())),
                action);
    }

    @Override
    public void forEachById(long[] ids, Consumer<StoredPair> action) {
        streamIds(ids, action);
    }

    /** The rows of these ids in this order, read in chunks (ranges where they are close) on the reading threads. */
    private void streamIds(long[] ids, Consumer<StoredPair> action) {
        ReadAhead.<StoredPair>forEachNumberedPage(
                "pair-reader",
                READERS,
                (ids.length + STREAM_PAGE - 1) / STREAM_PAGE,
                () -> new ReadAhead.PageReader<>() {
                    private final Connection c = streaming.getConnection();

                    @Override
                    public List<StoredPair> read(long page) throws SQLException {
                        int from = Math.toIntExact(page * STREAM_PAGE);
                        return fetch(
                                c,
                                Arrays.stream(ids, from, Math.min(ids.length, from + STREAM_PAGE))
                                        .boxed()
                                        .toList());
                    }

                    @Override
                    public void close() throws SQLException {
                        c.close();
                    }
                },
                page -> page.forEach(action));
    }

    /** Whether at least three quarters of the stored rows match: then streaming them all and filtering wins. */
    private boolean mostRowsMatch(PairFilter filter) {
        return withFilter("count pairs", filter, (ix, f) -> f.count() * 4 >= ix.size() * 3L);
    }

    /** The ids of every matching row in sort order, unboxed: at 1M pairs a list of Longs was 30 MB of heap. */
    private static long[] matchingIds(PairIndex ix, IndexFilter filter, SortOrder order, boolean desc) {
        BitSet passing = filter.passing();
        long[] ids = new long[Math.min(order.size(), 1024)];
        int n = 0;
        for (int p = desc ? order.size() - 1 : 0; p >= 0 && p < order.size(); p += desc ? -1 : 1) {
            int o = order.at(p);
            if (passing.get(o)) {
                if (n == ids.length) {
                    ids = Arrays.copyOf(ids, Math.min(order.size(), n * 2));
                }
                ids[n++] = ix.id(o);
            }
        }
        return Arrays.copyOf(ids, n);
    }

    /**
     * Insertion order needs no index: the table is read by primary key in ranges of ids and each
     * row is filtered as it comes (an export of a million pairs from the CLI starts at once, in
     * constant memory). Rows added while it runs are left out: the stream ends at the largest
     * id when it began. The ranges are numbered from the smallest id, so that {@link #READERS}
     * threads can each read every other one; a range emptied by deletions costs one look-up.
     */
    private void streamInIdOrder(PairFilter filter, Consumer<StoredPair> action) {
        RowFilter rows = new RowFilter(filter);
        long[] span = store.read("read pairs", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT MIN(id), MAX(id) FROM pairs");
                    ResultSet r = s.executeQuery()) {
                r.next();
                long min = r.getLong(1);
                return r.wasNull() ? new long[] {1, 0} : new long[] {min, r.getLong(2)}; // empty: no range
            }
        });
        long first = span[0];
        long last = span[1];
        long ranges = last < first ? 0 : (last - first) / STREAM_PAGE + 1;
        ReadAhead.<StoredPair>forEachNumberedPage(
                "pair-reader",
                READERS,
                ranges,
                () -> new ReadAhead.PageReader<>() {
                    private final Connection c = streaming.getConnection();
                    private final PreparedStatement s = c.prepareStatement("SELECT " + PairRows.COLUMNS + PairRows.FROM
                            + " WHERE p.id >= ? AND p.id <= ? ORDER BY p.id");

                    @Override
                    public List<StoredPair> read(long range) throws SQLException {
                        long from = first + range * STREAM_PAGE;
                        s.setLong(1, from);
                        s.setLong(2, Math.min(last, from + STREAM_PAGE - 1));
                        return readRows(s);
                    }

                    @Override
                    public void close() throws SQLException {
                        try (c) {
                            s.close();
                        }
                    }
                },
                page -> {
                    for (StoredPair p : page) {
                        if (rows.test(p)) {
                            action.accept(p);
                        }
                    }
                });
    }

    @Override
    public void forEachText(long[] ids, Consumer<PairText> action) {
        if (ids.length == 0) {
            return;
        }
        // Ids close together (an export of most pairs) read fastest as ranges of the primary key; scattered ones by
        // lookups.
        boolean dense = ids[ids.length - 1] - ids[0] < 2L * ids.length;
        String select = "SELECT p.id, p.pair_id, p.question, p.sql_text, p.database_name FROM pairs p"
                + (dense
                        ? " WHERE p.id >= ? AND p.id <= ? ORDER BY p.id"
                        : " JOIN UNNEST(?) AS u(id) ON p.id = u.id ORDER BY p.id");
        ReadAhead.<PairText>forEachPage(
                "text-reader",
                pages -> {
                    try (Connection c = streaming.getConnection();
                            PreparedStatement s = c.prepareStatement(select)) {
                        for (int from = 0; from < ids.length; from += STREAM_PAGE) {
                            int to = Math.min(ids.length, from + STREAM_PAGE);
                            if (dense) {
                                s.setLong(1, ids[from]);
                                s.setLong(2, ids[to - 1]);
                            } else {
                                s.setObject(
                                        1, Arrays.stream(ids, from, to).boxed().toArray(Long[]::new));
                            }
                            List<PairText> page = new ArrayList<>(to - from);
                            try (ResultSet r = s.executeQuery()) {
                                int next = from;
                                while (r.next()) {
                                    long id = r.getLong(1);
                                    while (next < to && ids[next] < id) {
                                        next++;
                                    }
                                    if (next < to && ids[next] == id) { // a range also holds rows outside the scope
                                        page.add(new PairText(
                                                id, r.getString(2), r.getString(3), r.getString(4), r.getString(5)));
                                    }
                                }
                            }
                            pages.accept(page);
                        }
                    } catch (SQLException e) {
                        throw store.failure("read pairs", e);
                    }
                },
                page -> page.forEach(action));
    }

    /**
     * Rows per query when streaming: large enough that per-query overhead is noise, small enough
     * that the pages in flight (see {@link ReadAhead}) die young: 2,000 cost more GC at 256 MB.
     */
    private static final int STREAM_PAGE = 500;

    /**
     * Threads reading a stream's pages: H2 decodes rows on the thread that reads them, and one
     * reader bounded an export of 1M pairs at one core while the writer used part of the other.
     */
    private static final int READERS = 2;

    @Override
    public void statistics(PairFilter filter, StatSink sink) {
        IndexStatistics facts = withFilter("compute statistics", filter, IndexStatistics::of);
        facts.emit(sink);
    }

    @Override
    public Optional<Instant> edgeTimestamp(PairFilter filter, boolean latest) {
        Long edge = withFilter("find the date range", filter, (ix, f) -> {
            Long best = null;
            for (int o = 0; o < ix.size(); o++) {
                if (f.test(o) && (best == null || (latest ? ix.ts(o) > best : ix.ts(o) < best))) {
                    best = ix.ts(o);
                }
            }
            return best;
        });
        return Optional.ofNullable(edge).map(IndexRows::instant);
    }

    @Override
    public List<String> databaseTypes() {
        return distinct(StatGroup::databaseType);
    }

    @Override
    public List<String> databaseNames() {
        return distinct(StatGroup::databaseName);
    }

    @Override
    public long liveTextDigest() {
        return store.readIndex("read the pairs' digest", PairIndex::liveTextDigest);
    }

    private List<String> distinct(Function<StatGroup, String> value) {
        return store.readIndex("list filter choices", ix -> {
            TreeSet<String> values = new TreeSet<>();
            for (int p = 0; p < ix.profileCount(); p++) {
                String v = value.apply(ix.group(p));
                if (v != null && ix.inUse(p)) {
                    values.add(v);
                }
            }
            return List.copyOf(values);
        });
    }
}
