package dev.pairstudio.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What an import did.
 *
 * @param batch      the import batch id stored with every added pair
 * @param added      pairs stored
 * @param skipped    pairs whose pair_id was already stored (re-imports add nothing)
 * @param malformed  records (or unreadable files) not imported; see {@code problems}
 * @param problems   the first {@link PairImporter#PROBLEMS_IN_SUMMARY} problems, in file order
 * @param reportFile every problem, one per line; null when there was none
 * @param cancelled  the user stopped it; the batches stored so far stay (a rerun completes them)
 */
public record ImportSummary(
        String batch,
        long added,
        long skipped,
        long malformed,
        List<ImportProblem> problems,
        Path reportFile,
        boolean cancelled,
        Duration elapsed) {

    public ImportSummary {
        problems = List.copyOf(problems);
    }

    public boolean clean() {
        return malformed == 0 && !cancelled;
    }
}
