package dev.pairstudio.cli;

import dev.pairstudio.pair.Plural;
import java.util.Locale;

/**
 * Whether an import is likely to run out of memory, said before it starts rather than after half
 * an hour (issue 24: 10M pairs into a store ran out of a 2 GB heap at 7.7M). An import holds the
 * store's in-memory index (~117 bytes a pair) and the duplicate groups (~80 bytes a pair) of every
 * stored and new pair: about 200 bytes a pair (1.93 GB in use after a full collection at 9M
 * pairs), plus room for the batches in flight. The collector needs a tenth of the heap to spare.
 */
final class ImportHeap {
    static final long BYTES_PER_PAIR = 200;
    static final long BASE_BYTES = 32L << 20;

    private ImportHeap() {}

    static long needed(long pairs) {
        return BASE_BYTES + pairs * BYTES_PER_PAIR;
    }

    /** A warning when {@code pairs} (stored plus those in the files) need more than {@code maxHeap}; else null. */
    static String warning(long pairs, long maxHeap) {
        long needed = needed(pairs);
        if (maxHeap == Long.MAX_VALUE || needed <= maxHeap / 10 * 9) {
            return null;
        }
        long suggestion = (needed * 5 / 4 + (1L << 30) - 1) >> 30; // a quarter to spare, in whole GB
        return String.format(
                Locale.ROOT,
                "Warning: %s (stored and to import) need about %.1f GB of memory and this process may use %.1f GB;"
                        + " if the import stops for lack of memory, run it again with more (for example JAVA_TOOL_OPTIONS=-Xmx%dg):"
                        + " it resumes where it stopped.",
                Plural.of(pairs, "pair"),
                needed / 1e9,
                maxHeap / 1e9,
                suggestion);
    }
}
