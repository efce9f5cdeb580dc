package dev.pairstudio.store.index;

import dev.pairstudio.pair.ComplexityLevel;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.store.StatGroup;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A profile ({@link StatGroup}) in the snapshot file: strings, enums by name, sets and lists with their sizes. */
final class StatGroupCodec {
    private StatGroupCodec() {}

    static void write(SnapshotFile.Out out, StatGroup g) throws IOException {
        out.str(g.databaseType());
        out.str(g.databaseName());
        out.bool(g.success());
        out.str(g.queryType() == null ? null : g.queryType().name());
        out.str(g.statementType() == null ? null : g.statementType().name());
        out.str(g.status().name());
        out.i32(g.complexity() == null ? -1 : g.complexity().ordinal());
        out.i64(g.flags());
        out.i32(g.piiTypes().size());
        for (String type : g.piiTypes()) {
            out.str(type);
        }
        out.i32(g.tables().size());
        for (String table : g.tables()) {
            out.str(table);
        }
    }

    /** Enums by name: a snapshot of a version whose names differ fails here and is rebuilt. */
    static StatGroup read(SnapshotFile.In in) throws IOException {
        String databaseType = in.str();
        String databaseName = in.str();
        boolean success = in.bool();
        String queryType = in.str();
        String statementType = in.str();
        ReviewStatus status = ReviewStatus.valueOf(in.str());
        int complexity = in.i32();
        long flags = in.i64();
        Set<String> pii = new TreeSet<>();
        for (int i = 0, k = in.count(4); i < k; i++) {
            pii.add(in.str());
        }
        List<String> tables = new ArrayList<>();
        for (int i = 0, k = in.count(4); i < k; i++) {
            tables.add(in.str());
        }
        return new StatGroup(
                databaseType,
                databaseName,
                success,
                queryType == null ? null : QueryType.valueOf(queryType),
                statementType == null ? null : QueryType.valueOf(statementType),
                status,
                complexity < 0 ? null : ComplexityLevel.values()[complexity],
                flags,
                Set.copyOf(pii),
                List.copyOf(tables));
    }
}
