package dev.pairstudio.privacy;

/**
 * A finding and where its replacement landed: {@code finding.start()/end()} index the original
 * text, {@code afterStart/afterEnd} the anonymized one, so a preview can highlight both sides.
 */
public record Replacement(Finding finding, Operator operator, int afterStart, int afterEnd) {
    public int start() {
        return finding.start();
    }

    public int end() {
        return finding.end();
    }

    public PiiType type() {
        return finding.type();
    }

    public Field field() {
        return finding.field();
    }
}
