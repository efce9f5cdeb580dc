package dev.pairstudio.privacy;

import dev.pairstudio.pair.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * A pair's question, SQL and database name before and after, from one call; findings name their
 * field. {@code databaseName} is null when the pair has none.
 */
public record AnonymizedPair(
        AnonymizedText question, AnonymizedText sql, AnonymizedText databaseName, SqlCheck sqlCheck) {

    /** All findings: question, then SQL, then the database name. */
    public List<Replacement> findings() {
        List<Replacement> all = new ArrayList<>(question.replacements());
        all.addAll(sql.replacements());
        if (databaseName != null) {
            all.addAll(databaseName.replacements());
        }
        return all;
    }

    public String databaseNameAfter() {
        return databaseName == null ? null : databaseName.after();
    }

    /** The pair with question, SQL and database name replaced; every other field kept. */
    public Pair applyTo(Pair p) {
        return new Pair(
                p.pairId(),
                question.after(),
                sql.after(),
                p.timestamp(),
                p.databaseType(),
                databaseNameAfter(),
                p.tableNames(),
                p.success(),
                p.executionTimeMs(),
                p.metadata());
    }
}
