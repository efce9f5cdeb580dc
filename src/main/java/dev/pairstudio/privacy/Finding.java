package dev.pairstudio.privacy;

import java.util.Objects;

/**
 * A detected value: {@code [start, end)} in UTF-16 chars of its field's original text.
 *
 * @param confidence 0..1; how sure the detector's validation makes it (not a probability)
 */
public record Finding(Field field, int start, int end, PiiType type, double confidence) {
    public Finding {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(type, "type");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(Finding o) {
        return start < o.end && o.start < end;
    }

    public String text(String original) {
        return original.substring(start, end);
    }
}
