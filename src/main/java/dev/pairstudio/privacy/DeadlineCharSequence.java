package dev.pairstudio.privacy;

/**
 * A CharSequence that aborts a regex match when its deadline passes: {@code java.util.regex}
 * cannot be interrupted, but every step of a backtracking match reads a char, so checking the
 * clock here (every 256 reads) bounds any user pattern, however catastrophic.
 */
final class DeadlineCharSequence implements CharSequence {
    private final CharSequence text;
    private final long deadline;
    private final String ruleName;
    private int reads;

    DeadlineCharSequence(CharSequence text, long deadlineNanos, String ruleName) {
        this.text = text;
        this.deadline = deadlineNanos;
        this.ruleName = ruleName;
    }

    @Override
    public char charAt(int index) {
        if ((++reads & 0xFF) == 0 && System.nanoTime() - deadline > 0) {
            throw new RegexTimeoutException(ruleName);
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new DeadlineCharSequence(text.subSequence(start, end), deadline, ruleName);
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** The rule ran out of time; the text it was matching must not be published unchecked. */
    static final class RegexTimeoutException extends AnonymizationException {
        final String ruleName;

        RegexTimeoutException(String ruleName) {
            super("custom rule '" + ruleName + "' exceeded its time limit (catastrophic backtracking?); "
                    + "the text was not anonymized");
            this.ruleName = ruleName;
        }
    }
}
