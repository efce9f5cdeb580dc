package dev.pairstudio.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses histogram bins for people from the store's fine length bins: a round width (5, 10, 25,
 * 50, … characters) so that at most a given number of bars cover the lengths from the shortest to
 * the 99th percentile, and one open bin for the longest 1 % when there are any. Bins are merged,
 * never split, so every count is exact.
 */
public final class ReadableBins {
    private static final int[] WIDTHS = {5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000};

    private ReadableBins() {}

    public static List<Statistics.LengthBin> of(List<Statistics.LengthBin> fine, int maxBars) {
        long total = fine.stream().mapToLong(Statistics.LengthBin::pairs).sum();
        if (total == 0) {
            return List.of();
        }
        int first = 0;
        while (fine.get(first).pairs() == 0) {
            first++;
        }
        long seen = 0;
        int last = first;
        for (int i = first; i < fine.size(); i++) {
            seen += fine.get(i).pairs();
            if (seen * 100 >= total * 99) {
                last = i;
                break;
            }
        }
        if (fine.get(last).to() == null) {
            last--; // the open bin is the tail, not part of the range
        }
        List<Statistics.LengthBin> out = new ArrayList<>();
        int end = fine.get(first).from() - 1; // the range's last length
        if (last >= first) {
            int width = width(fine, first, last, maxBars);
            int start = fine.get(first).from() / width * width;
            end = (fine.get(last).to() / width + 1) * width - 1;
            for (int from = start; from <= end; from += width) {
                out.add(new Statistics.LengthBin(from, from + width - 1, sum(fine, from, from + width - 1)));
            }
        }
        long tail = sum(fine, end + 1, Integer.MAX_VALUE);
        if (tail > 0) {
            out.add(new Statistics.LengthBin(end + 1, null, tail));
        }
        return List.copyOf(out);
    }

    /** The smallest round width that keeps fine bins whole and the bars within {@code maxBars}. */
    private static int width(List<Statistics.LengthBin> fine, int first, int last, int maxBars) {
        for (int w : WIDTHS) {
            boolean whole = true;
            for (int i = first; i <= last && whole; i++) {
                whole = fine.get(i).from() / w == fine.get(i).to() / w;
            }
            if (whole && fine.get(last).to() / w - fine.get(first).from() / w + 1 <= maxBars) {
                return w;
            }
        }
        return WIDTHS[WIDTHS.length - 1];
    }

    /** Pairs in the fine bins that start within [from, to]. */
    private static long sum(List<Statistics.LengthBin> fine, int from, int to) {
        long n = 0;
        for (Statistics.LengthBin b : fine) {
            if (b.from() >= from && b.from() <= to) {
                n += b.pairs();
            }
        }
        return n;
    }
}
