package dev.pairstudio.store;

import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.store.Analyses.Analysed;
import dev.pairstudio.store.Analyses.DuplicateMark;
import dev.pairstudio.store.Analyses.GroupMerge;
import dev.pairstudio.store.JdbcPairStore.Written;
import dev.pairstudio.store.index.IndexKeeper;
import dev.pairstudio.store.index.PairIndex;
import dev.pairstudio.store.index.PairRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Analysis rows and duplicate marks for {@link JdbcPairStore}. The duplicate flags and group are
 * owned by {@link #markDuplicates}: a re-analysis keeps them, a mark keeps the other flags.
 */
final class JdbcAnalyses implements Analyses {
    private static final List<String> ANALYSIS_COLUMNS = List.of(
            "id", "query_type", "fingerprint", "complexity", "flags", "duplicate_group", "pii_types", "parse_error");
    /** The flags {@link #markDuplicates} owns; analyses never overwrite them. */
    static final long DUPLICATE_FLAGS =
            QualityFlag.DUPLICATE.bit() | QualityFlag.CONFLICT.bit() | QualityFlag.NEAR_DUPLICATE.bit();

    private final JdbcPairStore store;
    private final StoreDialect dialect;
    private final String mergeAnalysis;
    private final String insertAnalysis;

    JdbcAnalyses(JdbcPairStore store) {
        this.store = store;
        this.dialect = store.dialect();
        this.mergeAnalysis = dialect.upsert("analysis", "id", ANALYSIS_COLUMNS, "VALUES (?,?,?,?,?,?,?,?)");
        this.insertAnalysis =
                "INSERT INTO analysis (" + String.join(", ", ANALYSIS_COLUMNS) + ") VALUES (?,?,?,?,?,?,?,?)";
    }

    @Override
    public void updateAnalyses(Map<Long, PairAnalysis> analyses) {
        if (analyses.isEmpty()) {
            return;
        }
        store.write("store analyses", false, c -> {
            Map<Long, PairAnalysis> inIdOrder = new TreeMap<>(analyses);
            try (PreparedStatement s = c.prepareStatement(mergeAnalysis)) {
                for (Map.Entry<Long, PairAnalysis> e : inIdOrder.entrySet()) {
                    s.setLong(1, e.getKey());
                    bindAnalysis(s, 2, e.getValue());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return new Written<>(null, List.copyOf(inIdOrder.keySet()));
        });
    }

    @Override
    public void reanalysed(Map<Long, Analysed> analyses) {
        if (analyses.isEmpty()) {
            return;
        }
        store.write("store analyses", false, c -> {
            List<Long> ids = analyses.keySet().stream().sorted().toList();
            Map<Long, long[]> kept = new HashMap<>(); // id -> {duplicate flags, group or NO_GROUP}
            try (PreparedStatement s =
                    c.prepareStatement("SELECT id, flags, duplicate_group FROM analysis WHERE id = ANY(?)")) {
                for (int from = 0; from < ids.size(); from += IndexKeeper.ID_CHUNK) {
                    s.setObject(
                            1,
                            ids.subList(from, Math.min(ids.size(), from + IndexKeeper.ID_CHUNK))
                                    .toArray(new Long[0]));
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            long group = r.getLong(3);
                            kept.put(r.getLong(1), new long[] {
                                r.getLong(2) & DUPLICATE_FLAGS, r.wasNull() ? PairIndex.NO_GROUP : group
                            });
                        }
                    }
                }
            }
            List<Long> stored = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(dialect.upsert(
                    "analysis", "id", withTables(), "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? FROM pairs WHERE id = ?"))) {
                for (long id : ids) {
                    Analysed fresh = analyses.get(id);
                    long[] k = kept.getOrDefault(id, new long[] {0, PairIndex.NO_GROUP});
                    PairAnalysis a = fresh.analysis();
                    PairAnalysis merged = new PairAnalysis(
                            a.queryType(),
                            a.fingerprint(),
                            a.complexity(),
                            PairAnalysis.flagsOf((a.flagBits() & ~DUPLICATE_FLAGS) | k[0]),
                            k[1] == PairIndex.NO_GROUP ? null : k[1],
                            a.piiTypes(),
                            a.parseError());
                    s.setLong(1, id);
                    s.setString(9, PairRows.toJson(fresh.tableNames()));
                    s.setLong(bindAnalysis(s, 2, merged) + 1, id);
                    s.addBatch();
                    stored.add(id);
                }
                s.executeBatch();
            }
            return new Written<>(null, stored);
        });
    }

    @Override
    public List<StoredPair> unanalysed(long afterId, int limit) {
        try (Connection c = store.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + PairRows.COLUMNS + PairRows.FROM
                        + " WHERE p.id > ? AND a.id IS NULL ORDER BY p.id LIMIT ?")) {
            s.setLong(1, afterId);
            s.setInt(2, limit);
            return JdbcPairReader.readRows(s);
        } catch (SQLException e) {
            throw store.failure("find pairs to analyse", e);
        }
    }

    @Override
    public void markDuplicates(List<DuplicateMark> marks, List<GroupMerge> merges) {
        if (marks.isEmpty() && merges.isEmpty()) {
            return;
        }
        store.write("mark duplicates", false, c -> new Written<>(null, List.copyOf(writeMarks(c, marks, merges))));
    }

    /** Writes duplicate marks, then renames merged groups in order; returns the ids of the rows changed. */
    Set<Long> writeMarks(Connection c, List<DuplicateMark> marks, List<GroupMerge> merges) throws SQLException {
        Set<Long> changed = new LinkedHashSet<>();
        List<DuplicateMark> missing = new ArrayList<>();
        try (PreparedStatement mark = c.prepareStatement("UPDATE analysis SET duplicate_group = ?, " + "flags = "
                + dialect.keepBitsAndSet("flags") + " WHERE id = ?")) {
            for (DuplicateMark m : marks) {
                mark.setLong(1, m.group());
                mark.setLong(2, ~DUPLICATE_FLAGS);
                mark.setLong(3, duplicateBits(m));
                mark.setLong(4, m.id());
                mark.addBatch();
                changed.add(m.id());
            }
            int[] counts = mark.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    missing.add(marks.get(i));
                }
            }
        }
        if (!missing.isEmpty()) { // not analysed yet: an analysis row holding just the marks
            try (PreparedStatement add = c.prepareStatement(
                    "INSERT INTO analysis (id, flags, duplicate_group) " + "SELECT ?, ?, ? FROM pairs WHERE id = ?")) {
                for (DuplicateMark m : missing) {
                    add.setLong(1, m.id());
                    add.setLong(2, duplicateBits(m));
                    add.setLong(3, m.group());
                    add.setLong(4, m.id());
                    add.addBatch();
                }
                add.executeBatch();
            }
        }
        for (GroupMerge g : merges) {
            // the members: the index's (no scan of the table), plus rows this transaction changed
            List<Long> members = new ArrayList<>(changed);
            store.index().peek(ix -> {
                for (int o = 0; o < ix.size(); o++) {
                    if (ix.duplicateGroup(o) == g.from() && !ix.purged(o)) {
                        members.add(ix.id(o));
                    }
                }
                return null;
            });
            changed.addAll(JdbcCuration.updateIds(
                            c,
                            "UPDATE analysis SET duplicate_group = ? WHERE duplicate_group = ? AND id = ANY(?)",
                            members,
                            g.into(),
                            g.from())
                    .touched());
        }
        return changed;
    }

    static long duplicateBits(DuplicateMark m) {
        long bits = 0;
        for (QualityFlag f : m.flags()) {
            bits |= f.bit() & DUPLICATE_FLAGS;
        }
        return bits;
    }

    /**
     * Writes the analysis rows of pairs this transaction added, the i-th for the i-th id (id order
     * appends to the table's last pages); NONE stores nothing. A plain INSERT: the ids are new (the
     * identity never hands out an id twice, a purged pair's included), and H2's MERGE ran an UPDATE
     * per row first, a tenth of a 1M import's writer thread (docs/DECISIONS.md, "Import, session 9").
     */
    void storeNewAnalyses(Connection c, List<Long> ids, List<PairAnalysis> analyses) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(insertAnalysis)) {
            boolean any = false;
            for (int k = 0; k < ids.size(); k++) {
                if (analyses.get(k).equals(PairAnalysis.NONE)) {
                    continue;
                }
                s.setLong(1, ids.get(k));
                bindAnalysis(s, 2, analyses.get(k));
                s.addBatch();
                any = true;
            }
            if (any) {
                s.executeBatch();
            }
        }
    }

    /** Binds the seven analysis columns from {@code first}; returns the next index. */
    static int bindAnalysis(PreparedStatement s, int first, PairAnalysis a) throws SQLException {
        int i = first;
        s.setString(i++, a.queryType() == null ? null : a.queryType().name());
        s.setString(i++, a.fingerprint());
        if (a.complexity() == null) {
            s.setNull(i++, Types.TINYINT);
        } else {
            s.setInt(i++, a.complexity().ordinal());
        }
        s.setLong(i++, a.flagBits() & ~ValidationResult.FLAGS); // validation's own table keeps those
        s.setObject(i++, a.duplicateGroup(), Types.BIGINT);
        s.setString(i++, PairRows.piiColumn(a.piiTypes()));
        s.setString(i++, a.parseError());
        return i;
    }

    private static List<String> withTables() {
        List<String> columns = new ArrayList<>(ANALYSIS_COLUMNS);
        columns.add("table_names");
        return columns;
    }
}
