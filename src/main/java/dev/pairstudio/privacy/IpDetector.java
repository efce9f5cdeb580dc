package dev.pairstudio.privacy;

import java.util.List;
import org.apache.commons.validator.routines.InetAddressValidator;

/**
 * IPv4 (four octets 0–255, no leading zeros) and IPv6 (full or compressed, validated by
 * commons-validator; the loopback {@code ::1}, and a short prefix in CIDR notation such as
 * {@code fe80::/10}). Dotted quads are skipped when the words before them say they are a version,
 * build or section number.
 */
final class IpDetector implements Detector {
    private static final InetAddressValidator INET = InetAddressValidator.getInstance();
    private static final String[] VERSION_WORDS = {
        "version",
        "versions",
        "ver",
        "v",
        "release",
        "build",
        "firmware",
        "fw",
        "rev",
        "revision",
        "patch",
        "sdk",
        "section",
        "chapter",
        "clause",
        "oid"
    };

    @Override
    public void detect(String text, int from, int to, Field field, RegionStats stats, List<Finding> out) {
        if (stats.hasDot() && stats.digits() >= 4) {
            ipv4(text, from, to, field, out);
        }
        if (stats.hasColon()) {
            ipv6(text, from, to, field, out);
        }
    }

    private static void ipv4(String text, int from, int to, Field field, List<Finding> out) {
        int i = from;
        while (i < to) {
            if (!Context.isAsciiDigit(text.charAt(i))
                    || Context.isWordChar(Context.at(text, i - 1))
                    || Context.at(text, i - 1) == '.') {
                i++;
                continue;
            }
            int end = dottedQuad(text, i, to);
            if (end < 0) {
                while (i < to && (Context.isAsciiDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                continue;
            }
            // a '+' before it, or a phone word near it, makes it a dotted phone number (+61.2.9876.5432, Tel.
            // 20.49.12.34)
            boolean phone = Context.at(text, i - 1) == '+' || ContextWords.PHONE.rightBefore(text, i);
            if (!phone && !Context.wordBefore(text, i, 24, VERSION_WORDS)) {
                out.add(new Finding(field, i, end, PiiType.IP, 0.9));
            }
            i = end;
        }
    }

    /** End of a valid dotted quad starting at {@code i} that is not part of a longer token, or -1. */
    static int dottedQuad(String text, int i, int to) {
        int p = i;
        for (int octet = 0; octet < 4; octet++) {
            int s = p;
            int value = 0;
            while (p < to && p - s < 4 && Context.isAsciiDigit(text.charAt(p))) {
                value = value * 10 + (text.charAt(p) - '0');
                p++;
            }
            int len = p - s;
            if (len == 0 || len > 3 || value > 255 || (len > 1 && text.charAt(s) == '0')) {
                return -1;
            }
            if (octet < 3) {
                if (p >= to || text.charAt(p) != '.') {
                    return -1;
                }
                p++;
            }
        }
        char a1 = Context.at(text, p);
        if (p < to
                && (Context.isWordChar(a1)
                        || ((a1 == '.' || a1 == '-') && Context.isWordChar(Context.at(text, p + 1))))) {
            return -1;
        }
        if (p >= to && Context.isWordChar(a1) && to == text.length()) {
            return -1;
        }
        return p;
    }

    private static void ipv6(String text, int from, int to, Field field, List<Finding> out) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (!(isHex(c) || c == ':')
                    || isV6Char(Context.at(text, i - 1))
                    || Context.isWordChar(Context.at(text, i - 1))) {
                i++;
                continue;
            }
            int e = i;
            int colons = 0;
            while (e < to && (isV6Char(text.charAt(e)) || text.charAt(e) == '.')) {
                colons += text.charAt(e) == ':' ? 1 : 0;
                e++;
            }
            int runEnd = e;
            while (e > i
                    && (text.charAt(e - 1) == '.' || (text.charAt(e - 1) == ':' && Context.at(text, e - 2) != ':'))) {
                e--;
            }
            boolean cidr = runEnd == e && Context.at(text, e) == '/' && Context.isAsciiDigit(Context.at(text, e + 1));
            if (colons >= 2
                    && !Context.isWordChar(Context.at(text, runEnd))
                    && plausibleV6(text.substring(i, e), cidr)) {
                out.add(new Finding(field, i, e, PiiType.IP, 0.9));
            }
            i = Math.max(runEnd, i + 1);
        }
    }

    /** Valid, and not a degenerate form ({@code ::}) or a clock time that happens to be hex. */
    private static boolean plausibleV6(String s, boolean cidr) {
        if (s.equals("::1")) {
            return true;
        }
        if (!INET.isValidInet6Address(s)) {
            return false;
        }
        int groups = 0;
        for (String g : s.split(":")) {
            if (!g.isEmpty()) {
                groups++;
            }
        }
        return s.contains("::") ? groups >= (cidr ? 1 : 2) : groups >= 7;
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }

    private static boolean isV6Char(char c) {
        return isHex(c) || c == ':';
    }
}
