package dev.pairstudio.privacy;

import java.util.List;

/**
 * Number ranges that regulators keep for films and books ("drama numbers"): never assigned to a
 * subscriber, so a pseudonym there reaches no one. Given as the national significant number's
 * fixed prefix plus a count of free trailing digits.
 */
final class FictionalPhoneRanges {
    record Range(int countryCode, String prefix, int freeDigits, boolean mobile) {
        int length() {
            return prefix.length() + freeDigits;
        }

        boolean contains(int cc, String nsn) {
            return cc == countryCode && nsn.length() == length() && nsn.startsWith(prefix);
        }
    }

    /** NANP 555-0100..0199 in any area code is handled separately (the area code varies). */
    static final List<Range> RANGES = List.of(
            new Range(44, "2079460", 3, false), // Ofcom: London 020 7946 0xxx
            new Range(44, "1134960", 3, false), // Leeds 0113 496 0xxx
            new Range(44, "1614960", 3, false), // Manchester 0161 496 0xxx
            new Range(44, "7700900", 3, true), // mobile 07700 900xxx
            new Range(49, "3023125", 3, false), // Bundesnetzagentur: Berlin 030 23125 xxx
            new Range(49, "6990009", 3, false), // Frankfurt 069 90009 xxx
            new Range(49, "4066969", 3, false), // Hamburg 040 66969 xxx
            new Range(49, "8999998", 3, false), // München 089 99998 xxx
            new Range(33, "19900", 4, false), // ARCEP: 01 99 00 xx xx
            new Range(33, "26191", 4, false), // 02 61 91 xx xx
            new Range(33, "63998", 4, true), // 06 39 98 xx xx
            new Range(61, "255501", 3, false), // ACMA: 02 5550 1xxx
            new Range(61, "491570", 3, true)); // 0491 570 xxx

    private FictionalPhoneRanges() {}

    static boolean isNanpFictional(String nsn) {
        return nsn.length() == 10 && nsn.startsWith("5550", 3) && nsn.charAt(7) == '1';
    }

    static boolean contains(int countryCode, String nsn) {
        if (countryCode == 1) {
            return isNanpFictional(nsn);
        }
        for (Range r : RANGES) {
            if (r.contains(countryCode, nsn)) {
                return true;
            }
        }
        return false;
    }

    static boolean hasRangesFor(int countryCode) {
        return countryCode == 1 || RANGES.stream().anyMatch(r -> r.countryCode() == countryCode);
    }
}
