package dev.pairstudio.privacy;

import java.util.Locale;

/** What happens to a finding, chosen per type in a {@link Policy}. */
public enum Operator {
    /** A keyed, consistent, format-preserving surrogate (the default). */
    PSEUDONYMIZE,
    /** Letters and digits become '*' except the last four. */
    MASK,
    /** {@code <TYPE>}. */
    REDACT,
    /** {@code <TYPE_…>} with 16 hex digits of a keyed HMAC: consistent, not format-preserving. */
    HASH,
    /** Reported, left as it is. */
    KEEP;

    public static Operator parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidRuleException(
                    "unknown operator '" + s + "'; use pseudonymize, mask, redact, hash or keep");
        }
    }
}
