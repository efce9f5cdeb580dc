package dev.pairstudio.export;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What an export wrote.
 *
 * @param written    pairs written, over all files
 * @param duplicates pairs dropped as exact duplicates
 * @param splits     pairs per split label ("all" without splits)
 * @param files      the data files, with their sizes and SHA-256
 * @param manifest   the manifest beside the data; null for a FIFO or device target, which gets none
 * @param withheld   pairs left out because they could not be anonymized safely
 * @param split      the split's plan (grouping, achieved shares); null without splits
 * @param splitCheck what the check after writing found crossing the splits (nothing, or the export failed); null without splits
 */
public record ExportResult(
        long written,
        long duplicates,
        Map<String, Long> splits,
        List<FileEntry> files,
        Path manifest,
        Duration elapsed,
        List<Withheld> withheld,
        SplitPlan split,
        SplitAudit.Report splitCheck) {

    /** A pair left out because it could not be anonymized safely (never written raw), and why. */
    public record Withheld(String pairId, String reason) {}

    public record FileEntry(Path path, String split, long pairs, long bytes, String sha256) {}

    public double rate() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : written / s;
    }
}
