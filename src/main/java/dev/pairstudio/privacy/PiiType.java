package dev.pairstudio.privacy;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The kind of a finding, as written in the CLI output and in policies: {@code EMAIL}, …,
 * {@code DB_NAME}, or {@code CUSTOM:<name>} for a user rule or deny-list.
 */
public record PiiType(String label) {
    public static final PiiType EMAIL = new PiiType("EMAIL");
    public static final PiiType PHONE = new PiiType("PHONE");
    public static final PiiType SSN = new PiiType("SSN");
    public static final PiiType CARD = new PiiType("CARD");
    public static final PiiType IP = new PiiType("IP");
    public static final PiiType IBAN = new PiiType("IBAN");
    public static final PiiType URL = new PiiType("URL");
    public static final PiiType DB_NAME = new PiiType("DB_NAME");

    private static final String CUSTOM_PREFIX = "CUSTOM:";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public PiiType {
        Objects.requireNonNull(label, "label");
    }

    /** A user rule's type; names are restricted so that they survive JSON, tokens and file names. */
    public static PiiType custom(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidRuleException("rule name '" + name + "' must be 1-64 letters, digits, '_', '.' or '-'");
        }
        return new PiiType(CUSTOM_PREFIX + name);
    }

    /** Parses a label from a policy file: a built-in type name or {@code CUSTOM:<name>}. */
    public static PiiType of(String label) {
        if (label != null && label.startsWith(CUSTOM_PREFIX)) {
            return custom(label.substring(CUSTOM_PREFIX.length()));
        }
        for (PiiType t : builtIns()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        throw new InvalidRuleException(
                "unknown type '" + label + "'; use EMAIL, PHONE, SSN, CARD, IP, IBAN, URL, DB_NAME or CUSTOM:<name>");
    }

    public static PiiType[] builtIns() {
        return new PiiType[] {EMAIL, PHONE, SSN, CARD, IP, IBAN, URL, DB_NAME};
    }

    /**
     * A type whose detector validates what it finds (checksums, number plans, address syntax), so a
     * finding is a value wherever it stands; custom rules, deny-lists and the database name match words.
     */
    public boolean isValidated() {
        return !isCustom() && !equals(DB_NAME);
    }

    public boolean isCustom() {
        return label.startsWith(CUSTOM_PREFIX);
    }

    @Override
    public String toString() {
        return label;
    }
}
