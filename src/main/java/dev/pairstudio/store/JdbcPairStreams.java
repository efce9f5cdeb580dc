package dev.pairstudio.store;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.index.IndexFilter;
import dev.pairstudio.store.index.IndexKeeper;
import dev.pairstudio.store.index.PairIndex;
import dev.pairstudio.store.index.PairRows;
import dev.pairstudio.store.index.SortOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The streams of {@link JdbcPairReader}: every matching row, or the rows and texts of many ids,
 * for exports and scans. The order comes from the index, taken once as ids; the rows are read back
 * in pages on {@link #READERS} threads ({@link ReadAhead}), by id or in ranges of the primary key,
 * so a stream of a million pairs runs in constant memory.
 */
final class JdbcPairStreams {
    private final JdbcPairStore store;
    private final JdbcPairReader reader;
    private final DataSource streaming;
    private final IndexKeeper index;

    JdbcPairStreams(JdbcPairStore store, JdbcPairReader reader) {
        this.store = store;
        this.reader = reader;
        this.streaming = store.streaming();
        this.index = store.index();
    }

    void forEach(PairFilter filter, PairSort sort, Consumer<StoredPair> action) {
        if (sort.equals(PairSort.INSERTION) && (!index.loaded() || mostRowsMatch(filter))) {
            // One pass over the table in id order: no index to build (a CLI export), and cheaper than
            // reading the matching rows by id when they are most of the table (1M pairs: 5.0 s against 6.6 s).
            streamInIdOrder(filter, action);
            return;
        }
        // The order is taken once (ids only, 8 bytes a pair); rows are read in chunks by id.
        streamIds(
                reader.withFilter(
                        "list pairs",
                        filter,
                        sort,
                        (ix, f) -> matchingIds(ix, f, ix.order(sort.column()), sort.descending())),
                action);
    }

    void forEachById(long[] ids, Consumer<StoredPair> action) {
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

                    public List<StoredPair> read(long page) throws SQLException {
                        int from = Math.toIntExact(page * STREAM_PAGE);
                        return JdbcPairReader.fetch(
                                c,
                                Arrays.stream(ids, from, Math.min(ids.length, from + STREAM_PAGE))
                                        .boxed()
                                        .toList());
                    }

                    public void close() throws SQLException {
                        c.close();
                    }
                },
                page -> page.forEach(action));
    }

    /** Whether at least three quarters of the stored rows match: then streaming them all and filtering wins. */
    private boolean mostRowsMatch(PairFilter filter) {
        return reader.withFilter("count pairs", filter, (ix, f) -> f.count() * 4 >= ix.size() * 3L);
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

                    public List<StoredPair> read(long range) throws SQLException {
                        long from = first + range * STREAM_PAGE;
                        s.setLong(1, from);
                        s.setLong(2, Math.min(last, from + STREAM_PAGE - 1));
                        return JdbcPairReader.readRows(s);
                    }

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

    void forEachText(long[] ids, Consumer<PairText> action) {
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
}
