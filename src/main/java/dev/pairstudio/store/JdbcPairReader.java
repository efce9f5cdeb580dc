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
 * from the table by id, in ranges where the ids are close. Streams of many rows (exports) are
 * {@link JdbcPairStreams}'.
 */
final class JdbcPairReader implements PairReader {
    private final JdbcPairStore store;
    private final DataSource pool;
    private final DataSource streaming;
    private final IndexKeeper index;
    private final TextMatches text;
    private final JdbcPairStreams streams;

    JdbcPairReader(JdbcPairStore store) {
        this.store = store;
        this.pool = store.dataSource();
        this.streaming = store.streaming();
        this.index = store.index();
        this.text = store.text();
        this.streams = new JdbcPairStreams(store, this);
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

    static List<StoredPair> fetch(Connection c, List<Long> ids) throws SQLException {
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
        streams.forEach(filter, sort, action);
    }

    @Override
    public void forEachById(long[] ids, Consumer<StoredPair> action) {
        streams.forEachById(ids, action);
    }

    @Override
    public void forEachText(long[] ids, Consumer<PairText> action) {
        streams.forEachText(ids, action);
    }

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
