package dev.pairstudio.privacy;

import java.util.Map;
import java.util.TreeMap;

/** Non-overlapping spans with a logarithmic overlap test, so a 1 MB text with many findings stays linear-ish. */
final class SpanSet {
    private final TreeMap<Integer, Integer> spans = new TreeMap<>();

    boolean overlaps(int start, int end) {
        Map.Entry<Integer, Integer> e = spans.lowerEntry(Math.max(end, start + 1));
        return e != null && e.getValue() > start;
    }

    /** Adds the span unless it overlaps one already there; returns whether it was added. */
    boolean addIfFree(int start, int end) {
        if (overlaps(start, end)) {
            return false;
        }
        spans.put(start, end);
        return true;
    }
}
