package dev.pairstudio.export;

import java.time.Duration;

/**
 * Where an export stands.
 *
 * @param done    pairs read so far (written or dropped as duplicates)
 * @param total   pairs selected (an upper bound when duplicates are dropped)
 * @param elapsed time since the export started
 */
public record ExportProgress(long done, long total, Duration elapsed) {

    /** Pairs per second so far. */
    public double rate() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : done / s;
    }

    /** Estimated time left, null until there is a rate. */
    public Duration eta() {
        double r = rate();
        if (r <= 0 || done >= total) {
            return done >= total ? Duration.ZERO : null;
        }
        return Duration.ofMillis((long) ((total - done) / r * 1000));
    }

    public double fraction() {
        return total <= 0 ? 1.0 : Math.min(1.0, (double) done / total);
    }
}
