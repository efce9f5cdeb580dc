package dev.pairstudio.privacy;

import java.util.List;
import org.apache.commons.validator.routines.EmailValidator;

/**
 * Emails: grows a candidate around each '@' and validates it with commons-validator (RFC syntax,
 * known top-level domain). The local part excludes quotes, '=' and '/', so {@code 'a@b.org'} in
 * a question and {@code ?email=a@b.org} in a URL yield just the address, and quoted local parts
 * ({@code "john doe"@x.org}) are not taken.
 */
final class EmailDetector implements Detector {
    private static final EmailValidator VALIDATOR = EmailValidator.getInstance(false, false);
    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;

    @Override
    public void detect(String text, int from, int to, Field field, RegionStats stats, List<Finding> out) {
        if (!stats.hasAt()) {
            return;
        }
        for (int at = text.indexOf('@', from); at >= 0 && at < to; at = text.indexOf('@', at + 1)) {
            int s = at;
            while (s > from && isLocalChar(text.charAt(s - 1)) && at - s < MAX_LOCAL) {
                s--;
            }
            while (s < at && text.charAt(s) == '.') {
                s++;
            }
            int e = at + 1;
            while (e < to && isDomainChar(text.charAt(e)) && e - at <= MAX_DOMAIN) {
                e++;
            }
            while (e > at + 1 && (text.charAt(e - 1) == '.' || text.charAt(e - 1) == '-')) {
                e--;
            }
            if (s == at || e == at + 1 || Context.at(text, e) == '@') {
                continue;
            }
            if (VALIDATOR.isValid(text.substring(s, e))) {
                out.add(new Finding(field, s, e, PiiType.EMAIL, 0.95));
            }
        }
    }

    private static boolean isLocalChar(char c) {
        return c < 128
                ? Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
                : false;
    }

    private static boolean isDomainChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-';
    }
}
