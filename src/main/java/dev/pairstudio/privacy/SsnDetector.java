package dev.pairstudio.privacy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US social security numbers with the SSA's validity rules (no area 000, 666 or 9xx, no group 00,
 * no serial 0000). {@code 123-45-6789} stands on its own; the same digits spaced, dotted or
 * undashed are far more often something else, so they need a context word (SSN, social security) nearby —
 * in SQL the column name before the literal counts.
 */
final class SsnDetector implements Detector {
    private static final Pattern SSN = Pattern.compile("(\\d{3})([-. ]?)(\\d{2})\\2(\\d{4})");
    private static final String[] NOT_SSN = {
        "order",
        "invoice",
        "tracking",
        "ticket",
        "sku",
        "part",
        "serial",
        "ref",
        "reference",
        "po",
        "phone",
        "tel",
        "account",
        "acct",
        "zip"
    };

    @Override
    public void detect(String text, int from, int to, Field field, RegionStats stats, List<Finding> out) {
        if (stats.digits() < 9) {
            return;
        }
        Matcher m = SSN.matcher(text).region(from, to);
        while (m.find()) {
            int s = m.start();
            int e = m.end();
            if (Context.gluedToToken(text, s, e) || !valid(m.group(1), m.group(3), m.group(4))) {
                continue;
            }
            String context = ContextWords.SSN.around(text, s, e);
            boolean dashed = "-".equals(m.group(2));
            if (Context.at(text, s - 1) == '+') {
                continue; // +688-90-1234 is an international phone number
            }
            boolean otherNumber =
                    context == null && (introducedAsOther(text, s) || ContextWords.PHONE.rightBefore(text, s));
            if (dashed && !otherNumber) {
                out.add(new Finding(field, s, e, PiiType.SSN, context != null ? 0.95 : 0.85));
            } else if (!dashed && context != null) {
                out.add(new Finding(field, s, e, PiiType.SSN, 0.95, context));
            }
        }
    }

    /** "order 123-45-6789", "ref # 123-45-6789": one of the two words right before names another number. */
    private static boolean introducedAsOther(String text, int s) {
        for (String w : Context.wordsBefore(text, s, 2)) {
            for (String n : NOT_SSN) {
                if (w.equals(n)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean valid(String area, String group, String serial) {
        return !area.equals("000")
                && !area.equals("666")
                && area.charAt(0) != '9'
                && !group.equals("00")
                && !serial.equals("0000");
    }
}
