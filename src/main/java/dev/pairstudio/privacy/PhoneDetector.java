package dev.pairstudio.privacy;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;

/**
 * Phone numbers via libphonenumber's {@code findNumbers} with leniency VALID: international
 * numbers with '+' anywhere, national formats for the configured regions (first wins), and
 * extensions. libphonenumber already rejects dates and timestamps; this class adds the rest of
 * "never digits inside something else": numbers glued to longer tokens (GUIDs, versions, longer
 * digit runs) or introduced as an order/invoice/id number. Regulators' drama ranges (e.g. UK
 * 07700 900xxx), which libphonenumber does not call valid, are accepted too.
 */
final class PhoneDetector implements Detector {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String[] NOT_PHONE = {"order", "orders", "invoice", "id", "ids", "ref", "reference",
        "tracking", "ticket", "sku", "serial", "po", "account", "acct", "no", "nr", "isbn", "version",
        "build", "v", "zip", "postcode", "amount", "total", "price", "balance", "qty", "quantity", "transaction",
        "txn", "customer id", "user id", "user_id", "order_id", "customer_id", "ssn", "card", "iban"};
    private static final String[] PHONE_WORDS = {"phone", "phones", "call", "called", "tel", "telephone", "mobile",
        "cell", "fax", "contact", "dial", "text", "sms", "whatsapp", "reach", "ring", "landline", "hotline",
        "phone_number", "phone_no", "msisdn"};
    private static final int MIN_DIGITS = 7;

    private final List<String> regions;

    PhoneDetector(List<String> regions) {
        this.regions = List.copyOf(regions);
    }

    @Override
    public void detect(String text, int from, int to, Field field, RegionStats stats, List<Finding> out) {
        if (stats.digits() < MIN_DIGITS || !hasCandidateRun(text, from, to)) {
            return;
        }
        String region = text.substring(from, to);
        List<Finding> found = new ArrayList<>();
        for (String r : regions) {
            for (PhoneNumberMatch m : UTIL.findNumbers(region, r, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
                accept(text, from + m.start(), from + m.end(), field, 0.9, found);
            }
        }
        if (hasUncoveredRun(text, from, to, found)) {
            for (PhoneNumberMatch m : UTIL.findNumbers(region, regions.get(0), PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
                if (isFictional(m.number())) {
                    accept(text, from + m.start(), from + m.end(), field, 0.85, found);
                }
            }
        }
        out.addAll(found);
    }

    private static void accept(String text, int s, int e, Field field, double confidence, List<Finding> found) {
        Finding f = new Finding(field, s, e, PiiType.PHONE, confidence);
        for (Finding g : found) {
            if (g.overlaps(f)) {
                return;
            }
        }
        if (Context.gluedToToken(text, s, e) || looksLikeOtherNumber(text, s, e)) {
            return;
        }
        found.add(f);
    }

    /**
     * An order/id/version number rather than a phone, judged by the word right before it
     * ("order 4155550132", "order number …", "invoice #…", {@code order_id = …}), or dotted groups
     * that read as an address or version rather than a number.
     */
    private static boolean looksLikeOtherNumber(String text, int s, int e) {
        if (dotGroups(text, s, e) >= 4) {
            return true;
        }
        if (text.charAt(s) == '+' || text.charAt(s) == '(') {
            return false;
        }
        String[] words = Context.wordsBefore(text, s, 2);
        String last = words[0];
        if (last.isEmpty()) {
            return false;
        }
        if (isNotPhoneWord(last)) {
            return true;
        }
        boolean numberWord = last.equals("number") || last.equals("no") || last.equals("nr") || last.equals("num")
                || last.equals("#");
        return numberWord && isNotPhoneWord(words[1]);
    }

    private static boolean isNotPhoneWord(String w) {
        for (String p : PHONE_WORDS) {
            if (w.contains(p)) {
                return false;
            }
        }
        for (String n : NOT_PHONE) {
            if (w.equals(n)) {
                return true;
            }
        }
        return w.endsWith("_id") || w.endsWith("_no") || w.endsWith("_number") || w.endsWith("_nr") || w.endsWith("id#");
    }

    private static int dotGroups(String text, int s, int e) {
        int groups = 1;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                groups++;
            } else if (!Context.isAsciiDigit(c)) {
                return 0;
            }
        }
        return groups;
    }

    static boolean isFictional(PhoneNumber n) {
        return FictionalPhoneRanges.contains(n.getCountryCode(), UTIL.getNationalSignificantNumber(n));
    }

    /** A run of at least 7 digits joined only by phone punctuation: the cheap gate before libphonenumber. */
    private static boolean hasCandidateRun(String text, int from, int to) {
        return nextRun(text, from, to) != null;
    }

    /** Whether some candidate run has no accepted number in it: only then try the drama ranges. */
    private static boolean hasUncoveredRun(String text, int from, int to, List<Finding> found) {
        for (int[] run = nextRun(text, from, to); run != null; run = nextRun(text, run[1], to)) {
            boolean covered = false;
            for (Finding f : found) {
                covered |= f.start() < run[1] && run[0] < f.end();
            }
            if (!covered) {
                return true;
            }
        }
        return false;
    }

    /** {start, end} of the next run with at least 7 digits, or null. */
    private static int[] nextRun(String text, int from, int to) {
        int digits = 0;
        int start = -1;
        for (int i = from; i <= to; i++) {
            char c = i < to ? text.charAt(i) : '\0';
            if (Context.isAsciiDigit(c)) {
                if (digits++ == 0) {
                    start = i;
                }
            } else if (!(i < to && (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '+' || c == '/'))) {
                if (digits >= MIN_DIGITS) {
                    return new int[] {start, i};
                }
                digits = 0;
            }
        }
        return null;
    }
}
