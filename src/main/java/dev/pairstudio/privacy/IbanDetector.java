package dev.pairstudio.privacy;

import java.util.List;
import java.util.Locale;
import org.apache.commons.validator.routines.IBANValidator;

/**
 * IBANs: a country code with a known IBAN length, check digits, then exactly that many characters
 * (compact or grouped by single spaces), validated by commons-validator (country format and the
 * mod-97 checksum). Reading stops at the country's length, so text after a grouped IBAN is safe.
 */
final class IbanDetector implements Detector {
    private static final IBANValidator IBAN = IBANValidator.getInstance();

    @Override
    public void detect(String text, int from, int to, Field field, RegionStats stats, List<Finding> out) {
        if (stats.digits() < 2) { // the check digits; a BBAN may be all letters (BH, KZ, GI)
            return;
        }
        for (int i = from; i + 4 <= to; i++) {
            char c0 = text.charAt(i);
            char c1 = text.charAt(i + 1);
            if (!isLetter(c0)
                    || !isLetter(c1)
                    || !Context.isAsciiDigit(text.charAt(i + 2))
                    || !Context.isAsciiDigit(text.charAt(i + 3))
                    || Context.isWordChar(Context.at(text, i - 1))) {
                continue;
            }
            String country = ("" + c0 + c1).toUpperCase(Locale.ROOT);
            IBANValidator.Validator v = IBAN.getValidator(country);
            if (v == null) {
                continue;
            }
            int end = read(text, i, to, v.getIbanLength());
            if (end > 0 && IBAN.isValid(compact(text.substring(i, end)))) {
                out.add(new Finding(field, i, end, PiiType.IBAN, 0.98));
                i = end - 1;
            }
        }
    }

    /** End of {@code length} alphanumerics from {@code i}, allowing single spaces between them, or -1. */
    private static int read(String text, int i, int to, int length) {
        int count = 0;
        int p = i;
        while (p < to && count < length) {
            char c = text.charAt(p);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                count++;
                p++;
            } else if (c == ' ' && count > 0 && p + 1 < to && Character.isLetterOrDigit(text.charAt(p + 1))) {
                p++;
            } else {
                return -1;
            }
        }
        return count == length && !Context.isWordChar(Context.at(text, p)) ? p : -1;
    }

    static String compact(String iban) {
        StringBuilder sb = new StringBuilder(iban.length());
        for (int i = 0; i < iban.length(); i++) {
            char c = iban.charAt(i);
            if (c != ' ') {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
