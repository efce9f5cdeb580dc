package dev.pairstudio.privacy;

import java.util.Locale;

/**
 * A URL with its credentials and personal query values replaced (an email value by the email's
 * own surrogate, so it matches the address elsewhere); scheme, host, path and other parameters stay.
 */
final class UrlSurrogates {
    private UrlSurrogates() {}

    static String surrogate(String url, KeyedStream rnd, Pseudonymizer p) {
        StringBuilder sb = new StringBuilder(url.length());
        int a = url.indexOf("://") + 3;
        int i = a;
        if (UrlDetector.hasCredentials(url)) {
            int at = url.indexOf('@', a);
            sb.append(url, 0, a).append(keepEscapes(url.substring(a, at), rnd));
            i = at;
        } else {
            sb.append(url, 0, a);
        }
        int q = url.indexOf('?', i);
        if (q < 0) {
            return sb.append(url, i, url.length()).toString();
        }
        sb.append(url, i, q + 1);
        int k = q + 1;
        while (k <= url.length()) {
            int amp = url.indexOf('&', k);
            int end = amp < 0 ? url.length() : amp;
            String part = url.substring(k, end);
            int eq = part.indexOf('=');
            if (eq > 0
                    && UrlDetector.PERSONAL_PARAMS.contains(
                            part.substring(0, eq).toLowerCase(Locale.ROOT))) {
                String value = part.substring(eq + 1);
                String fresh = value.contains("@") && !value.contains("%")
                        ? p.pseudonym(PiiType.EMAIL, value)
                        : keepEscapes(value, rnd);
                sb.append(part, 0, eq + 1).append(fresh);
            } else {
                sb.append(part);
            }
            if (amp < 0) {
                break;
            }
            sb.append('&');
            k = amp + 1;
        }
        return sb.toString();
    }

    /** Same character classes, but %XX escapes stay intact so the URL remains well-formed. */
    private static String keepEscapes(String s, KeyedStream rnd) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '%' && i + 2 < s.length()) {
                sb.append(s, i, i + 3);
                i += 2;
            } else {
                sb.append(Shapes.sameClasses(String.valueOf(s.charAt(i)), rnd));
            }
        }
        return sb.toString();
    }
}
