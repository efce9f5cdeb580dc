package dev.pairstudio.privacy;

/** Helpers that keep a value's shape: its separators, case and digit positions. */
final class Shapes {
    private Shapes() {}

    static String digitsOf(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (Context.isAsciiDigit(s.charAt(i))) {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }

    /** Writes {@code digits} into the digit positions of {@code template}; null when the counts differ. */
    static String fillDigits(String template, String digits) {
        StringBuilder sb = new StringBuilder(template.length());
        int k = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (Context.isAsciiDigit(c)) {
                if (k >= digits.length()) {
                    return null;
                }
                sb.append(digits.charAt(k++));
            } else {
                sb.append(c);
            }
        }
        return k == digits.length() ? sb.toString() : null;
    }

    /** Writes {@code chars} into the letter/digit positions of {@code template}, following its case. */
    static String fillAlnum(String template, String chars) {
        StringBuilder sb = new StringBuilder(template.length());
        int k = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c) && k < chars.length()) {
                char r = chars.charAt(k++);
                sb.append(Character.isLowerCase(c) ? Character.toLowerCase(r) : r);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Same character classes as {@code value}: each ASCII letter becomes a random letter of the same
     * case, each digit a random digit; everything else stays.
     */
    static String sameClasses(String value, KeyedStream rnd) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 'a' && c <= 'z') {
                sb.append(rnd.lower());
            } else if (c >= 'A' && c <= 'Z') {
                sb.append(Character.toUpperCase(rnd.lower()));
            } else if (c >= '0' && c <= '9') {
                sb.append(rnd.digit());
            } else if (Character.isLetter(c)) {
                sb.append(Character.isUpperCase(c) ? Character.toUpperCase(rnd.lower()) : rnd.lower());
            } else if (Character.isDigit(c)) {
                sb.append(rnd.digit());
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
