package dev.pairstudio.privacy;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
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
    /** Room around a digit run for what libphonenumber reads with it: "+", "tel:", " ext. 1234". */
    private static final int CONTEXT_BEFORE = 6;
    private static final int CONTEXT_AFTER = 18;

    private final List<String> regions;

    PhoneDetector(List<String> regions) {
        this.regions = List.copyOf(regions);
    }

    @Override
    public void detect(String text, int from, int to, Field field, RegionStats stats, List<Finding> out) {
        if (stats.digits() < MIN_DIGITS) {
            return;
        }
        SpanSet taken = new SpanSet();
        List<Finding> earlier = List.copyOf(out);
        // libphonenumber only sees short windows around candidate runs: scanning a long text with it
        // costs far more than these few windows (1 MB of text: seconds, not minutes)
        int[] run = nextRun(text, from, to);
        while (run != null) {
            int ws = Math.max(from, run[0] - CONTEXT_BEFORE);
            int we = Math.min(to, run[1] + CONTEXT_AFTER);
            int[] next = nextRun(text, run[1], to);
            while (next != null && next[0] - CONTEXT_BEFORE <= we) {
                we = Math.min(to, next[1] + CONTEXT_AFTER);
                next = nextRun(text, next[1], to);
            }
            if (!coveredByEarlier(text, ws, we, earlier)) {
                window(text, ws, we, field, taken, out);
            }
            run = next;
        }
    }

    /**
     * Whether a card, SSN, IBAN or IP found earlier leaves fewer than 7 digits of the window free:
     * a phone there would lose the overlap anyway, so libphonenumber need not look.
     */
    private static boolean coveredByEarlier(String text, int from, int to, List<Finding> earlier) {
        if (earlier.isEmpty()) {
            return false;
        }
        int free = 0;
        for (int i = from; i < to; i++) {
            if (Context.isAsciiDigit(text.charAt(i))) {
                boolean inside = false;
                for (Finding f : earlier) {
                    if (f.start() <= i && i < f.end() && !f.type().equals(PiiType.DB_NAME)) {
                        inside = true;
                        break;
                    }
                }
                if (!inside && ++free >= MIN_DIGITS) {
                    return false;
                }
            }
        }
        return true;
    }

    private void window(String text, int from, int to, Field field, SpanSet taken, List<Finding> out) {
        String window = text.substring(from, to);
        for (String r : regions) {
            for (PhoneNumberMatch m : UTIL.findNumbers(window, r, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
                accept(text, from + m.start(), from + m.end(), field, 0.9, out, taken);
            }
        }
        if (hasUncoveredRun(text, from, to, taken)) {
            for (PhoneNumberMatch m : UTIL.findNumbers(window, regions.get(0), PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
                if (isFictional(m.number())) {
                    accept(text, from + m.start(), from + m.end(), field, 0.85, out, taken);
                }
            }
        }
    }

    private static void accept(String text, int s, int e, Field field, double confidence, List<Finding> found,
            SpanSet taken) {
        if (taken.overlaps(s, e) || Context.gluedToToken(text, s, e) || looksLikeOtherNumber(text, s, e)) {
            return;
        }
        taken.addIfFree(s, e);
        found.add(new Finding(field, s, e, PiiType.PHONE, confidence));
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

    /** Whether some candidate run has no accepted number in it: only then try the drama ranges. */
    private static boolean hasUncoveredRun(String text, int from, int to, SpanSet taken) {
        for (int[] run = nextRun(text, from, to); run != null; run = nextRun(text, run[1], to)) {
            if (!taken.overlaps(run[0], run[1])) {
                return true;
            }
        }
        return false;
    }

    /**
     * {start, end} of the next run with at least 7 digits, or null. A leading date (2024-01-15,
     * 1/15/2024) is cut off first: libphonenumber would reject it anyway, at ~200 µs a call.
     */
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
                    int s = start + dateLength(text, start, i);
                    if (s == start || Shapes.digitsOf(text.substring(s, i)).length() >= MIN_DIGITS) {
                        return new int[] {s, i};
                    }
                }
                digits = 0;
            }
        }
        return null;
    }

    /** Length of a date at {@code i} (yyyy-mm-dd, d/m/yyyy, with - / or .), or 0. */
    static int dateLength(String text, int i, int to) {
        int[] g = new int[3];
        int p = i;
        char sep = 0;
        for (int k = 0; k < 3; k++) {
            int s = p;
            while (p < to && Context.isAsciiDigit(text.charAt(p))) {
                p++;
            }
            g[k] = p - s;
            if (k < 2) {
                if (p >= to || "-/.".indexOf(text.charAt(p)) < 0 || (sep != 0 && text.charAt(p) != sep)) {
                    return 0;
                }
                sep = text.charAt(p);
                p++;
            }
        }
        boolean iso = g[0] == 4 && g[1] >= 1 && g[1] <= 2 && g[2] >= 1 && g[2] <= 2;
        boolean dmy = g[0] >= 1 && g[0] <= 2 && g[1] >= 1 && g[1] <= 2 && (g[2] == 2 || g[2] == 4);
        return iso || dmy ? p - i : 0;
    }
}
