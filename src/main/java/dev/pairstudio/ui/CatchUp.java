package dev.pairstudio.ui;

import dev.pairstudio.ingest.DuplicateTracker;
import dev.pairstudio.ingest.PairEnricher;
import dev.pairstudio.ingest.PendingAnalysis;
import dev.pairstudio.pair.Plural;
import dev.pairstudio.schema.ValidationRun;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.Database;
import java.util.function.BooleanSupplier;

/**
 * What a window does for a database when it opens, as one background job (the window keeps the
 * other job thread for its pages): the analysis pairs lack (`import --no-analysis`, an
 * interrupted analysis), duplicate groups if any writer changed the pairs since they were last
 * grouped, then the schema validation pairs lack (imported before their schema, or with
 * {@code --no-validate}). Plain code: it stops after the batch in hand once {@code cancelled}.
 */
record CatchUp(long analysed, long validated) {

    static CatchUp run(
            Database store,
            PairEnricher enricher,
            DuplicateTracker duplicates,
            SqlAnalyzer analyzer,
            BooleanSupplier cancelled) {
        // one core fewer than the machine has: the table's pages and the charts keep one for themselves
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        long analysed = PendingAnalysis.run(store, enricher, threads, done -> {}, cancelled);
        if (cancelled.getAsBoolean()) {
            return new CatchUp(analysed, 0); // the window closed: the next open groups what this one did not
        }
        if (analysed > 0) {
            duplicates.catchUp(cancelled); // new fingerprints: group again
        } else {
            duplicates.catchUpIfChanged(cancelled);
        }
        if (cancelled.getAsBoolean()) {
            return new CatchUp(analysed, 0);
        }
        return new CatchUp(analysed, ValidationRun.runPending(store, analyzer, threads, done -> {}, cancelled));
    }

    boolean changedPairs() {
        return analysed > 0 || validated > 0;
    }

    /** What the status bar says about it; empty when there was nothing to do. */
    String message() {
        if (analysed > 0 && validated > 0) {
            return "Analysed " + Plural.of(analysed, "pair") + " that had no analysis yet; checked "
                    + Plural.of(validated, "pair") + " against their schema.";
        } else if (analysed > 0) {
            return "Analysed " + Plural.of(analysed, "pair") + " that had no analysis yet.";
        } else if (validated > 0) {
            return "Checked " + Plural.of(validated, "pair") + " against their schema that had not been checked yet.";
        }
        return "";
    }
}
