package dev.pairstudio.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * URLs that carry personal data: credentials ({@code user:pass@host}) or personal query parameters
 * ({@code ?email=…&token=…}). Plain URLs are not findings. Opt-in through the policy, because most
 * URLs in questions are documentation links.
 */
final class UrlDetector implements Detector {
    static final Set<String> PERSONAL_PARAMS = Set.of(
            "email",
            "e-mail",
            "mail",
            "user",
            "username",
            "user_name",
            "login",
            "name",
            "first_name",
            "firstname",
            "last_name",
            "lastname",
            "fullname",
            "full_name",
            "phone",
            "tel",
            "mobile",
            "ssn",
            "token",
            "access_token",
            "id_token",
            "auth",
            "api_key",
            "apikey",
            "key",
            "password",
            "pass",
            "pwd",
            "secret",
            "session",
            "sessionid",
            "session_id",
            "sid",
            "address",
            "dob",
            "birthdate",
            "card",
            "iban",
            "ip",
            "uid",
            "userid",
            "user_id",
            "customer",
            "customer_id",
            "account");

    @Override
    public void detect(String text, int from, int to, Field field, RegionStats stats, List<Finding> out) {
        for (int p = text.indexOf("://", from); p >= 0 && p + 3 <= to; p = text.indexOf("://", p + 3)) {
            int s = p;
            while (s > from && isSchemeChar(text.charAt(s - 1))) {
                s--;
            }
            if (s == p) {
                continue;
            }
            int e = p + 3;
            while (e < to && isUrlChar(text.charAt(e))) {
                e++;
            }
            while (e > p + 3 && ".,;:!?)".indexOf(text.charAt(e - 1)) >= 0) {
                e--;
            }
            if (isPersonal(text.substring(s, e))) {
                out.add(new Finding(field, s, e, PiiType.URL, 0.9));
            }
            p = e - 3;
        }
    }

    static boolean isPersonal(String url) {
        return hasCredentials(url) || personalParamAt(url) >= 0;
    }

    /** {@code scheme://userinfo@host}: an '@' before the first '/', '?' or '#' of the authority. */
    static boolean hasCredentials(String url) {
        int a = url.indexOf("://") + 3;
        for (int i = a; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return false;
            }
            if (c == '@') {
                return i > a;
            }
        }
        return false;
    }

    /** Index of the first personal query parameter's value, or -1. */
    static int personalParamAt(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return -1;
        }
        int i = q + 1;
        while (i < url.length()) {
            int amp = url.indexOf('&', i);
            int end = amp < 0 ? url.length() : amp;
            int eq = url.indexOf('=', i);
            if (eq > i
                    && eq < end
                    && eq + 1 < end
                    && PERSONAL_PARAMS.contains(url.substring(i, eq).toLowerCase(Locale.ROOT))) {
                return eq + 1;
            }
            i = end + 1;
        }
        return -1;
    }

    private static boolean isSchemeChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '+'
                || c == '.'
                || c == '-';
    }

    private static boolean isUrlChar(char c) {
        return c > ' ' && c < 127 && "\"'<>`{}|\\^".indexOf(c) < 0;
    }
}
