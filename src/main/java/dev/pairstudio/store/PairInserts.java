package dev.pairstudio.store;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Source;
import dev.pairstudio.pair.Timestamps;
import dev.pairstudio.store.Analyses.DuplicateMark;
import dev.pairstudio.store.Analyses.GroupMerge;
import dev.pairstudio.store.JdbcPairStore.Written;
import dev.pairstudio.store.PairIntake.Duplicates;
import dev.pairstudio.store.PairIntake.Grouping;
import dev.pairstudio.store.index.IndexKeeper;
import dev.pairstudio.store.index.IndexRow;
import dev.pairstudio.store.index.IndexRows;
import dev.pairstudio.store.index.PairIndex;
import dev.pairstudio.store.index.PairRows;
import dev.pairstudio.store.index.SortKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Adding pairs for {@link JdbcPairStore}: drops pair_ids already stored (the index's 64-bit hashes,
 * then the real ids), inserts the rest in one batch, stores their analyses and duplicate marks in
 * the same transaction, and puts them into the index directly (no read-back).
 */
final class PairInserts implements PairIntake {
    private final JdbcPairStore store;
    private final StoreDialect dialect;
    private final JdbcAnalyses analysisRows;

    PairInserts(JdbcPairStore store, JdbcAnalyses analysisRows) {
        this.store = store;
        this.dialect = store.dialect();
        this.analysisRows = analysisRows;
    }

    private static final String INSERT =
            "INSERT INTO pairs (pair_id, question, sql_text, ts, database_type, database_name, "
                    + "table_names, success, execution_ms_text, metadata, source, import_batch, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)";
    /** The same with ids the dialect reserved: a plain batch that the PostgreSQL driver sends as multi-row INSERTs. */
    private static final String INSERT_WITH_ID =
            "INSERT INTO pairs (pair_id, question, sql_text, ts, database_type, database_name, "
                    + "table_names, success, execution_ms_text, metadata, source, import_batch, updated_at, id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    @Override
    public AddResult addAll(List<Pair> pairs, List<PairAnalysis> analyses, Source source, String importBatch) {
        return add(pairs, analyses, source, importBatch, null);
    }

    @Override
    public AddResult addAll(
            List<Pair> pairs, List<PairAnalysis> analyses, Source source, String importBatch, Grouping grouping) {
        if (analyses == null) {
            throw new IllegalArgumentException("grouping needs the analyses (fingerprints) of the pairs");
        }
        return add(pairs, analyses, source, importBatch, Objects.requireNonNull(grouping));
    }

    /** @param grouping null: no grouping in this transaction */
    private AddResult add(
            List<Pair> pairs, List<PairAnalysis> analyses, Source source, String importBatch, Grouping grouping) {
        if (analyses != null && analyses.size() != pairs.size()) {
            throw new IllegalArgumentException(
                    "analyses must match pairs one to one (" + analyses.size() + " for " + pairs.size() + ")");
        }
        if (pairs.isEmpty()) {
            return new AddResult(List.of(), 0);
        }
        // what a client was told is stored must reach the disk; an import's batches may lag a second (its rerun
        // completes it)
        return store.write("add pairs", source != Source.FILE && source != Source.DEMO, c -> {
            List<Integer> fresh = unknownPairIds(c, pairs);
            if (fresh.isEmpty()) {
                return new Written<>(new AddResult(List.of(), pairs.size()), List.of());
            }
            Instant now = Timestamps.now();
            List<Long> ids = insert(c, pairs, fresh, source, importBatch, now);
            List<PairAnalysis> stored = new ArrayList<>(ids.size());
            for (int k = 0; k < ids.size(); k++) {
                stored.add(analyses == null ? PairAnalysis.NONE : analyses.get(fresh.get(k)));
            }
            Duplicates earlier = grouping == null ? null : grouped(grouping.group(ids, fresh), ids, stored);
            if (analyses != null) {
                analysisRows.storeNewAnalyses(c, ids, stored);
            }
            List<IndexRow> rows = new ArrayList<>(ids.size());
            for (int k = 0; k < ids.size(); k++) {
                rows.add(indexRow(ids.get(k), pairs.get(fresh.get(k)), stored.get(k), now));
            }
            List<Long> touched = ids;
            if (earlier != null
                    && !(earlier.marks().isEmpty() && earlier.merges().isEmpty())) {
                TreeSet<Long> all = new TreeSet<>(analysisRows.writeMarks(c, earlier.marks(), earlier.merges()));
                all.addAll(ids);
                touched = List.copyOf(all);
            }
            return new Written<>(new AddResult(ids, pairs.size() - ids.size()), touched)
                    .applying(ix -> rows.stream().allMatch(ix::put)
                            && (earlier == null || marked(ix, earlier))); // no read-back
        });
    }

    /**
     * Puts the marks of the pairs being added into their analyses ({@code stored}, by position in
     * {@code ids}); returns what is left to write: the marks of earlier pairs, and the merges.
     */
    private static Duplicates grouped(Duplicates d, List<Long> ids, List<PairAnalysis> stored) {
        Map<Long, Integer> position = new HashMap<>(ids.size() * 2);
        for (int k = 0; k < ids.size(); k++) {
            position.put(ids.get(k), k);
        }
        List<DuplicateMark> earlier = new ArrayList<>();
        for (DuplicateMark m : d.marks()) {
            Integer k = position.get(m.id());
            if (k == null) {
                earlier.add(m);
                continue;
            }
            PairAnalysis a = stored.get(k);
            stored.set(
                    k,
                    new PairAnalysis(
                            a.queryType(),
                            a.fingerprint(),
                            a.complexity(),
                            PairAnalysis.flagsOf(
                                    (a.flagBits() & ~JdbcAnalyses.DUPLICATE_FLAGS) | JdbcAnalyses.duplicateBits(m)),
                            m.group(),
                            a.piiTypes(),
                            a.parseError()));
        }
        return new Duplicates(earlier, d.merges());
    }

    /** The index side of {@link JdbcAnalyses#writeMarks}: false when a marked pair is not in the index (then it is read back). */
    private static boolean marked(PairIndex ix, Duplicates d) {
        for (DuplicateMark m : d.marks()) {
            if (!ix.markDuplicate(m.id(), m.group(), JdbcAnalyses.DUPLICATE_FLAGS, JdbcAnalyses.duplicateBits(m))) {
                return false;
            }
        }
        for (GroupMerge g : d.merges()) {
            ix.renameGroup(g.from(), g.into());
        }
        return true;
    }

    /** Positions of the pairs whose pair_id is neither stored (live or in the trash) nor earlier in the batch. */
    private List<Integer> unknownPairIds(Connection c, List<Pair> pairs) throws SQLException {
        Map<Integer, List<Long>> hits = new HashMap<>();
        store.index().peek(ix -> {
            for (int i = 0; i < pairs.size(); i++) {
                int at = i;
                ix.candidatesFor(
                        pairs.get(i).pairId(),
                        o -> hits.computeIfAbsent(at, k -> new ArrayList<>()).add(ix.id(o)));
            }
            return null;
        });
        Set<String> stored = new HashSet<>();
        if (!hits.isEmpty()) { // same 64-bit hash: compare the real pair_ids
            List<Long> ids = hits.values().stream().flatMap(List::stream).toList();
            for (int from = 0; from < ids.size(); from += IndexKeeper.ID_CHUNK) {
                try (PreparedStatement s = c.prepareStatement("SELECT pair_id FROM pairs WHERE id = ANY(?)")) {
                    s.setObject(
                            1,
                            ids.subList(from, Math.min(ids.size(), from + IndexKeeper.ID_CHUNK))
                                    .toArray(new Long[0]));
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            stored.add(r.getString(1));
                        }
                    }
                }
            }
        }
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            if (stored.add(pairs.get(i).pairId())) {
                fresh.add(i);
            }
        }
        return fresh;
    }

    private List<Long> insert(
            Connection c, List<Pair> pairs, List<Integer> rows, Source source, String batch, Instant now)
            throws SQLException {
        List<Long> reserved = dialect.reserveIds(c, rows.size());
        List<Long> ids = new ArrayList<>(rows.size());
        try (PreparedStatement s = reserved == null
                ? c.prepareStatement(INSERT, new String[] {dialect.generatedIdColumn()})
                : c.prepareStatement(INSERT_WITH_ID)) {
            for (int k = 0; k < rows.size(); k++) {
                bindInsert(s, pairs.get(rows.get(k)), source, batch, JdbcPairStore.time(now));
                if (reserved != null) {
                    s.setLong(14, reserved.get(k));
                }
                s.addBatch();
            }
            s.executeBatch();
            if (reserved != null) {
                ids.addAll(reserved);
            } else {
                try (ResultSet keys = s.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getLong(1));
                    }
                }
            }
        }
        if (ids.size() != rows.size()) {
            throw new SQLException("expected " + rows.size() + " generated keys, got " + ids.size());
        }
        return ids;
    }

    /** The index entry of a pair just inserted, as {@link IndexRows#read} would read it back. */
    private static IndexRow indexRow(long id, Pair p, PairAnalysis a, Instant now) {
        StatGroup group = new StatGroup(
                p.databaseType(),
                p.databaseName(),
                p.success(),
                a.queryType(),
                a.queryType() != null ? a.queryType() : StatGroup.guessType(p.sql()),
                ReviewStatus.UNREVIEWED,
                a.complexity(),
                a.flagBits(),
                a.piiTypes(),
                List.copyOf(p.tableNames()));
        return new IndexRow(
                id,
                p.pairId(),
                IndexRows.micros(p.timestamp()),
                IndexRows.micros(now),
                group,
                p.question().codePointCount(0, p.question().length()),
                p.sql().codePointCount(0, p.sql().length()),
                SortKeys.execution(
                        p.executionTimeMs() == null ? null : p.executionTimeMs().doubleValue()),
                a.duplicateGroup(),
                false,
                p.question(),
                p.sql());
    }

    private static void bindInsert(PreparedStatement s, Pair p, Source source, String batch, LocalDateTime now)
            throws SQLException {
        s.setString(1, p.pairId());
        s.setString(2, p.question());
        s.setString(3, p.sql());
        s.setObject(4, JdbcPairStore.time(p.timestamp()));
        s.setString(5, p.databaseType());
        s.setString(6, p.databaseName());
        s.setString(7, PairRows.toJson(p.tableNames()));
        s.setBoolean(8, p.success());
        s.setString(9, p.executionTimeMs() == null ? null : p.executionTimeMs().toString());
        s.setString(10, PairRows.toJson(p.metadata()));
        s.setString(11, source.name());
        s.setString(12, batch);
        s.setObject(13, now);
    }
}
