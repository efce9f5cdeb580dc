package dev.pairstudio.privacy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;

/**
 * Phone surrogates in regulators' fictional ranges: NANP NXX-555-01xx, and the drama ranges of
 * {@link FictionalPhoneRanges} for the UK, Germany, France and Australia (mobile for mobile where
 * there is one). Other countries get a NANP fictional number in international format. When the
 * surrogate has the original's digit layout, its digits are written into the original's
 * punctuation, so {@code (415) 555-0132 x12} stays {@code (NXX) 555-01xx xNN}.
 */
final class PhoneSurrogates {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private final List<String> regions;

    /** @param regions the policy's; the detector's context regions follow, so that every number it finds reads the same here */
    PhoneSurrogates(List<String> regions) {
        this.regions = DetectorSet.contextRegions(regions);
    }

    /** E.164 plus extension, so that national and international spellings share a surrogate. */
    String normalize(String original) {
        PhoneNumber n = parse(original);
        if (n == null) {
            return Shapes.digitsOf(original);
        }
        String e164 = UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
        return n.getExtension().isEmpty() ? e164 : e164 + ";ext=" + n.getExtension();
    }

    String surrogate(String original, KeyedStream rnd) {
        PhoneNumber n = parse(original);
        if (n == null) {
            String filled = Shapes.fillDigits(
                    original, rnd.digits(Shapes.digitsOf(original).length()));
            return filled != null ? filled : original;
        }
        int cc = n.getCountryCode();
        String nsn = UTIL.getNationalSignificantNumber(n);
        String ext = n.getExtension();
        int cc2 = FictionalPhoneRanges.hasRangesFor(cc) ? cc : 1;
        String nsn2 = cc2 == 1 ? nanp(rnd) : drama(cc, nsn, rnd);
        String ext2 = rnd.digits(ext.length());
        String rawDigits = Shapes.digitsOf(original);
        if (cc2 == cc && nsn2.length() == nsn.length() && rawDigits.endsWith(nsn + ext)) {
            String lead = rawDigits.substring(0, rawDigits.length() - nsn.length() - ext.length());
            String filled = Shapes.fillDigits(original, lead + nsn2 + ext2);
            if (filled != null) {
                return filled;
            }
        }
        PhoneNumber s = new PhoneNumber().setCountryCode(cc2).setNationalNumber(Long.parseLong(nsn2));
        boolean international = original.trim().startsWith("+") || cc2 != cc;
        String formatted = UTIL.format(
                s,
                international
                        ? PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL
                        : PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
        return ext.isEmpty() ? formatted : formatted + " ext. " + ext2;
    }

    /** An area code of the form NXX (not N11, no 9 in the middle), exchange 555, line 01xx. */
    private static String nanp(KeyedStream rnd) {
        while (true) {
            char a = (char) ('2' + rnd.nextInt(8));
            char b = (char) ('0' + rnd.nextInt(9));
            char c = rnd.digit();
            if (!(b == '1' && c == '1')) {
                return "" + a + b + c + "55501" + rnd.digits(2);
            }
        }
    }

    /** A drama range of the same country, preferring one that starts like the original (mobile stays mobile). */
    private static String drama(int cc, String nsn, KeyedStream rnd) {
        List<FictionalPhoneRanges.Range> same = new ArrayList<>();
        List<FictionalPhoneRanges.Range> any = new ArrayList<>();
        for (FictionalPhoneRanges.Range r : FictionalPhoneRanges.RANGES) {
            if (r.countryCode() == cc) {
                any.add(r);
                if (r.prefix().charAt(0) == nsn.charAt(0)) {
                    same.add(r);
                }
            }
        }
        List<FictionalPhoneRanges.Range> pool = same.isEmpty() ? any : same;
        FictionalPhoneRanges.Range r = pool.get(rnd.nextInt(pool.size()));
        return r.prefix() + rnd.digits(r.freeDigits());
    }

    /** The first reading that libphonenumber calls valid (or fictional), trying the regions in order. */
    private PhoneNumber parse(String raw) {
        PhoneNumber fallback = null;
        for (String region : regions) {
            try {
                PhoneNumber n = UTIL.parse(raw, region);
                if (UTIL.isValidNumber(n) || PhoneDetector.isFictional(n)) {
                    return n;
                }
                if (fallback == null) {
                    fallback = n;
                }
            } catch (NumberParseException e) {
                // try the next region
            }
        }
        return fallback;
    }
}
