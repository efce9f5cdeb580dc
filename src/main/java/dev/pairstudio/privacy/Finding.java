package dev.pairstudio.privacy;

import java.util.Objects;

/**
 * A detected value: {@code [start, end)} in UTF-16 chars of its field's original text.
 *
 * @param confidence 0..1; how sure the detector's validation makes it (not a probability)
 * @param context    the context word, as written, that raised a candidate validation alone rejects
 *                   ("Mobile:" before a national number of an unknown region); null when validation decided
 */
public record Finding(Field field, int start, int end, PiiType type, double confidence, String context) {
    public Finding {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(type, "type");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public Finding(Field field, int start, int end, PiiType type, double confidence) {
        this(field, start, end, type, confidence, null);
    }

    /** The same finding at other offsets (a value's position in the raw SQL after detection in its decoded form). */
    Finding at(int newStart, int newEnd) {
        return new Finding(field, newStart, newEnd, type, confidence, context);
    }

    /** Why it was raised, for the preview: "PHONE" or "PHONE, from context 'Mobile:'". */
    public String reason() {
        return context == null ? type.label() : type.label() + ", from context '" + context + "'";
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
