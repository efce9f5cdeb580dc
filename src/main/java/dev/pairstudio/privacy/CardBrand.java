package dev.pairstudio.privacy;

/** Issuer ranges and lengths of the card networks the detector accepts. */
enum CardBrand {
    VISA, MASTERCARD, AMEX, DISCOVER, JCB, UNIONPAY, DINERS;

    /** The brand whose issuer range and length fit these digits, or null. */
    static CardBrand of(String digits) {
        int n = digits.length();
        int p2 = prefix(digits, 2);
        int p3 = prefix(digits, 3);
        int p4 = prefix(digits, 4);
        int p6 = prefix(digits, 6);
        if (digits.charAt(0) == '4') {
            return n == 13 || n == 16 || n == 19 ? VISA : null;
        }
        if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
            return n == 16 ? MASTERCARD : null;
        }
        if (p2 == 34 || p2 == 37) {
            return n == 15 ? AMEX : null;
        }
        boolean long16to19 = n >= 16 && n <= 19;
        if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || (p6 >= 622126 && p6 <= 622925)) {
            return long16to19 ? DISCOVER : null;
        }
        if (p4 >= 3528 && p4 <= 3589) {
            return long16to19 ? JCB : null;
        }
        if (p2 == 62) {
            return long16to19 ? UNIONPAY : null;
        }
        if ((p3 >= 300 && p3 <= 305) || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39) {
            return n >= 14 && n <= 19 ? DINERS : null;
        }
        return null;
    }

    /**
     * A prefix of the network's published test numbers (e.g. Visa 4111 1111…, Amex 3782 82…),
     * so that a pseudonym is recognisably a test card of the same brand.
     */
    String testPrefix(String original) {
        return switch (this) {
            case VISA -> "411111";
            case MASTERCARD -> original.charAt(0) == '2' ? "222300" : "555555";
            case AMEX -> "378282";
            case DISCOVER -> "601111";
            case JCB -> "353011";
            case UNIONPAY -> "620000";
            case DINERS -> "305693";
        };
    }

    private static int prefix(String digits, int len) {
        return digits.length() < len ? -1 : Integer.parseInt(digits, 0, len, 10);
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    /** The digit that makes {@code body + digit} pass Luhn. */
    static char luhnCheckDigit(String body) {
        for (char c = '0'; c <= '9'; c++) {
            if (luhnValid(body + c)) {
                return c;
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
