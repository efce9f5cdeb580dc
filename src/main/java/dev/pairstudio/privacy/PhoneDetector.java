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
 * digit runs) or introduced as an order/invoice/id number. Numbers in reserved ranges, which
 * libphonenumber does not call valid, are never skipped for being there: regulators' drama ranges
 * (UK 07700 900xxx) and NANP-shaped numbers such as 555-123-4567 are phones too.
 *
 * <p>A phone word nearby ("Mobile:", "Tel.", "appelez", "Handynummer"… see {@link ContextWords})
 * raises a number in the national format of a region the policy does not name: libphonenumber's
 * matcher then runs over the candidate regions (the policy's, the user's locale, then common ones),
 * and failing all, accepts a number possible in the first region.
 */
final class PhoneDetector implements Detector {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String[] NOT_PHONE = {
        "order",
        "orders",
        "invoice",
        "id",
        "ids",
        "ref",
        "reference",
        "tracking",
        "ticket",
        "sku",
        "serial",
        "po",
        "account",
        "acct",
        "no",
        "nr",
        "isbn",
        "version",
        "build",
        "v",
        "zip",
        "postcode",
        "amount",
        "total",
        "price",
        "balance",
        "qty",
        "quantity",
        "transaction",
        "txn",
        "customer id",
        "user id",
        "user_id",
        "order_id",
        "customer_id",
        "ssn",
        "card",
        "iban"
    };
    private static final String[] PHONE_WORDS = {
        "phone",
        "phones",
        "call",
        "called",
        "tel",
        "telephone",
        "mobile",
        "cell",
        "fax",
        "contact",
        "dial",
        "text",
        "sms",
        "whatsapp",
        "reach",
        "ring",
        "landline",
        "hotline",
        "phone_number",
        "phone_no",
        "msisdn"
    };
    private static final int MIN_DIGITS = 7;
    /** Room around a digit run for what libphonenumber reads with it: "+", "tel:", " ext. 1234". */
    private static final int CONTEXT_BEFORE = 6;

    private static final int CONTEXT_AFTER = 18;

    private final List<String> regions;
    private final List<String> contextRegions;

    /**
     * @param regions        read without context (a national number valid there is a phone)
     * @param contextRegions tried in order for a number with a phone word nearby
     */
    PhoneDetector(List<String> regions, List<String> contextRegions) {
        this.regions = List.copyOf(regions);
        this.contextRegions = List.copyOf(contextRegions);
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
                accept(text, from + m.start(), from + m.end(), field, 0.9, null, out, taken);
            }
        }
        if (!hasUncoveredRun(text, from, to, taken)) {
            return;
        }
        for (PhoneNumberMatch m :
                UTIL.findNumbers(window, regions.get(0), PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
            if (isFictional(m.number()) || isNanpShaped(m)) {
                accept(text, from + m.start(), from + m.end(), field, 0.85, null, out, taken);
            }
        }
        for (int[] run = nextRun(text, from, to); run != null; run = nextRun(text, run[1], to)) {
            if (!taken.overlaps(run[0], run[1])) {
                String context = ContextWords.PHONE.around(text, run[0], run[1]);
                if (context != null) {
                    byContext(text, from, to, window, field, context, out, taken);
                    return; // one pass over the window reads every run in it
                }
            }
        }
    }

    /** Candidate regions in order, valid numbers first; then a number possible in the first region. */
    private void byContext(
            String text,
            int from,
            int to,
            String window,
            Field field,
            String context,
            List<Finding> out,
            SpanSet taken) {
        for (String r : contextRegions) {
            for (PhoneNumberMatch m : UTIL.findNumbers(window, r, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
                accept(text, from + m.start(), from + m.end(), field, 0.8, context, out, taken);
            }
            if (!hasUncoveredRun(text, from, to, taken)) {
                return;
            }
        }
        for (PhoneNumberMatch m :
                UTIL.findNumbers(window, contextRegions.get(0), PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
            accept(text, from + m.start(), from + m.end(), field, 0.7, context, out, taken);
        }
    }

    /**
     * A North American number written as one ({@code 555-123-4567}, {@code (555) 123-4567}) that
     * libphonenumber rejects only because its codes are reserved (555, N11): still a phone.
     */
    private static boolean isNanpShaped(PhoneNumberMatch m) {
        if (m.number().getCountryCode() != 1) {
            return false;
        }
        String raw = m.rawString();
        return raw.matches("(\\+?1[ .-])?(\\(\\d{3}\\) ?|\\d{3}[-. ])\\d{3}[-. ]\\d{4}");
    }

    private static void accept(
            String text,
            int s,
            int e,
            Field field,
            double confidence,
            String context,
            List<Finding> found,
            SpanSet taken) {
        if (dateLength(text, s, e) > 0
                || taken.overlaps(s, e)
                || Context.gluedToToken(text, s, e)
                || looksLikeOtherNumber(text, s, e, context != null)) {
            return;
        }
        taken.addIfFree(s, e);
        found.add(new Finding(field, s, e, PiiType.PHONE, confidence, context));
    }

    /**
     * An order/id/version number rather than a phone, judged by the word right before it
     * ("order 4155550132", "order number …", "invoice #…", {@code order_id = …}), or dotted groups
     * that read as an address or version rather than a number (unless a phone word stands nearby:
     * French numbers are written 04.72.11.22.33).
     */
    private static boolean looksLikeOtherNumber(String text, int s, int e, boolean phoneContext) {
        if (!phoneContext && dotGroups(text, s, e) >= 4) {
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
        boolean numberWord = last.equals("number")
                || last.equals("no")
                || last.equals("nr")
                || last.equals("num")
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
        return w.endsWith("_id")
                || w.endsWith("_no")
                || w.endsWith("_number")
                || w.endsWith("_nr")
                || w.endsWith("id#");
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
            } else if (!(i < to
                    && (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '+' || c == '/'))) {
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

    /** Length of a date at {@code i} (yyyy-mm-dd, d/m/yyyy, m/d/yy, with - / or .), or 0. */
    static int dateLength(String text, int i, int to) {
        int[] g = new int[3];
        int[] v = new int[3];
        int p = i;
        char sep = 0;
        for (int k = 0; k < 3; k++) {
            int s = p;
            while (p < to && Context.isAsciiDigit(text.charAt(p)) && p - s < 5) {
                v[k] = v[k] * 10 + text.charAt(p) - '0';
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
        boolean iso = g[0] == 4
                && g[1] >= 1
                && g[1] <= 2
                && g[2] >= 1
                && g[2] <= 2
                && v[1] >= 1
                && v[1] <= 12
                && v[2] >= 1
                && v[2] <= 31;
        boolean dayMonth = v[0] >= 1 && v[1] >= 1 && (v[0] <= 12 && v[1] <= 31 || v[0] <= 31 && v[1] <= 12);
        boolean dmy = g[0] >= 1 && g[0] <= 2 && g[1] >= 1 && g[1] <= 2 && (g[2] == 2 || g[2] == 4) && dayMonth;
        return iso || dmy ? p - i : 0;
    }
}
