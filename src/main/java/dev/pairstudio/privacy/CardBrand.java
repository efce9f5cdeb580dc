package dev.pairstudio.privacy;

import java.util.List;

/**
 * Card networks by their current issuer (IIN) ranges and lengths, after the networks' published
 * tables as collected for ISO/IEC 7812. Ranges overlap where networks share a prefix (Discover,
 * RuPay, Elo, Verve in 6x); the first listed wins, which only decides the surrogate's prefix.
 */
enum CardBrand {
    VISA("411111", r("4", 13, 13), r("4", 16, 16), r("4", 19, 19)),
    /** Elo's Visa and Maestro co-branded BINs come first: same lengths, its own name. */
    ELO(
            "636368",
            r("401178", "401179", 16),
            r("431274", 16),
            r("438935", 16),
            r("451416", 16),
            r("457393", 16),
            r("457631", "457632", 16),
            r("504175", 16),
            r("506699", "506778", 16),
            r("509000", "509999", 16),
            r("627780", 16),
            r("636297", 16),
            r("636368", 16),
            r("650031", "650051", 16),
            r("650405", "650439", 16),
            r("650485", "650598", 16),
            r("650700", "650727", 16),
            r("650901", "650978", 16),
            r("651652", "651679", 16),
            r("655000", "655058", 16)),
    MASTERCARD("555555", r("51", "55", 16), r("2221", "2720", 16)),
    AMEX("378282", r("34", 15), r("37", 15)),
    DISCOVER("601111", r("6011", 16, 19), r("644", "649", 16, 19), r("65", 16, 19), r("622126", "622925", 16, 19)),
    /** JCB, including the 15-digit 1800 and 2131 ranges of its early cards and its 30xx/31xx/33xx ranges. */
    JCB(
            "353011",
            r("3528", "3589", 16, 19),
            r("1800", 15),
            r("2131", 15),
            r("3088", "3094", 16),
            r("3096", "3102", 16),
            r("3112", "3120", 16),
            r("3158", "3159", 16),
            r("3337", "3349", 16)),
    UNIONPAY("620000", r("62", 16, 19), r("8100", "8171", 16, 19)),
    DINERS("305693", r("300", "305", 14, 19), r("3095", 14, 19), r("36", 14, 19), r("38", "39", 14, 19)),
    MIR("220000", r("2200", "2204", 16, 19)),
    VERVE("506099", r("506099", "506198", 16, 19), r("507865", "507964", 16, 19), r("650002", "650027", 16, 19)),
    RUPAY(
            "508500",
            r("508", 16),
            r("60", 16),
            r("652150", "653149", 16),
            r("81", "82", 16),
            r("353", 16),
            r("356", 16)),
    TROY("979200", r("9792", 16)),
    /** Maestro: 12 to 19 digits over 50 and 56–69 (after Visa, Mastercard and the others above). */
    MAESTRO("675964", r("50", 12, 19), r("56", "69", 12, 19)),
    /** Dankort, InstaPayment, InterPayment, BORICA, GPN, LankaPay: smaller networks still issuing. */
    OTHER(
            "500000",
            r("5019", 16),
            r("637", "639", 16),
            r("636", 16, 19),
            r("2205", 16),
            r("1946", 16),
            r("357111", 16));

    private record Range(int low, int high, int prefixLength, int minLength, int maxLength) {
        boolean fits(String digits) {
            int n = digits.length();
            if (n < minLength || n > maxLength || n < prefixLength) {
                return false;
            }
            int p = Integer.parseInt(digits, 0, prefixLength, 10);
            return p >= low && p <= high;
        }
    }

    private final String testPrefix;
    private final List<Range> ranges;

    CardBrand(String testPrefix, Range... ranges) {
        this.testPrefix = testPrefix;
        this.ranges = List.of(ranges);
    }

    private static Range r(String prefix, int length) {
        return r(prefix, prefix, length, length);
    }

    private static Range r(String prefix, int minLength, int maxLength) {
        return r(prefix, prefix, minLength, maxLength);
    }

    private static Range r(String low, String high, int length) {
        return r(low, high, length, length);
    }

    private static Range r(String low, String high, int minLength, int maxLength) {
        return new Range(Integer.parseInt(low), Integer.parseInt(high), low.length(), minLength, maxLength);
    }

    /** The brand whose issuer range and length fit these digits, or null. */
    static CardBrand of(String digits) {
        for (CardBrand b : values()) {
            for (Range r : b.ranges) {
                if (r.fits(digits)) {
                    return b;
                }
            }
        }
        return null;
    }

    /**
     * A prefix of the network's published test numbers (e.g. Visa 4111 1111…, Amex 3782 82…), or
     * the start of its range where it publishes none, so that a pseudonym is a number of the same brand.
     */
    String testPrefix(String original) {
        if (this == MASTERCARD && original.charAt(0) == '2') {
            return "222300";
        }
        if (this == JCB && original.length() == 15) {
            return original.substring(0, 4);
        }
        if (this == OTHER || this == RUPAY || this == MAESTRO) {
            return original.substring(0, 4); // the original's own network prefix: these ranges are many and small
        }
        return testPrefix;
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
