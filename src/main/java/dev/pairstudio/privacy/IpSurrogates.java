package dev.pairstudio.privacy;

import java.util.Locale;

/**
 * IP surrogates in the documentation ranges (RFC 5737: 192.0.2.0/24, 198.51.100.0/24,
 * 203.0.113.0/24; RFC 3849: 2001:db8::/32), in the original's notation (compressed or full,
 * zero-padded, upper or lower case).
 */
final class IpSurrogates {
    private static final String[] V4_NETS = {"192.0.2.", "198.51.100.", "203.0.113."};

    private IpSurrogates() {}

    static String normalize(String ip) {
        if (ip.indexOf(':') < 0) {
            String[] p = ip.split("\\.");
            StringBuilder sb = new StringBuilder();
            for (String o : p) {
                sb.append(sb.length() == 0 ? "" : ".").append(o.replaceFirst("^0+(?=\\d)", ""));
            }
            return sb.toString();
        }
        int[] g;
        try {
            g = parseV6(ip);
        } catch (NumberFormatException e) {
            g = null;
        }
        if (g == null) {
            return ip.toLowerCase(Locale.ROOT);
        }
        StringBuilder sb = new StringBuilder();
        for (int x : g) {
            sb.append(String.format("%04x", x));
        }
        return sb.toString();
    }

    static String surrogate(String ip, KeyedStream rnd) {
        if (ip.indexOf(':') < 0) {
            return V4_NETS[rnd.nextInt(V4_NETS.length)] + (1 + rnd.nextInt(254));
        }
        int[] g = new int[8];
        g[0] = 0x2001;
        g[1] = 0x0db8;
        for (int i = 2; i < 8; i++) {
            g[i] = rnd.nextInt(256) << 8 | rnd.nextInt(256);
        }
        // a zero run keeps compressed originals compressed
        if (ip.contains("::")) {
            g[2 + rnd.nextInt(3)] = 0;
            g[5] = 0;
            g[4] = 0;
        }
        boolean upper = !ip.equals(ip.toLowerCase(Locale.ROOT));
        String out = ip.contains("::") ? compressed(g) : full(g, padded(ip));
        return upper ? out.toUpperCase(Locale.ROOT) : out;
    }

    private static boolean padded(String ip) {
        for (String p : ip.split(":")) {
            if (p.length() != 4) {
                return false;
            }
        }
        return true;
    }

    private static String full(int[] g, boolean pad) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            sb.append(i == 0 ? "" : ":").append(pad ? String.format("%04x", g[i]) : Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    /** RFC 5952: the longest run (≥ 2) of zero groups becomes "::". */
    private static String compressed(int[] g) {
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    /** Eight 16-bit groups, or null; accepts "::" and a trailing dotted quad. */
    static int[] parseV6(String ip) {
        String s = ip;
        int[] tail = new int[0];
        int lastColon = s.lastIndexOf(':');
        if (s.indexOf('.', lastColon) > 0) {
            String[] q = s.substring(lastColon + 1).split("\\.");
            if (q.length != 4) {
                return null;
            }
            int a = Integer.parseInt(q[0]) << 8 | Integer.parseInt(q[1]);
            int b = Integer.parseInt(q[2]) << 8 | Integer.parseInt(q[3]);
            tail = new int[] {a, b};
            s = s.substring(0, lastColon + 1) + "0:0";
            tail = new int[] {a, b};
        }
        String[] halves = s.split("::", -1);
        if (halves.length > 2) {
            return null;
        }
        int[] head = groups(halves[0]);
        int[] rest = halves.length == 2 ? groups(halves[1]) : new int[0];
        if (head == null || rest == null || head.length + rest.length > 8 || (halves.length == 1 && head.length != 8)) {
            return null;
        }
        int[] g = new int[8];
        System.arraycopy(head, 0, g, 0, head.length);
        System.arraycopy(rest, 0, g, 8 - rest.length, rest.length);
        if (tail.length == 2) {
            g[6] = tail[0];
            g[7] = tail[1];
        }
        return g;
    }

    private static int[] groups(String s) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] p = s.split(":", -1);
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            if (p[i].isEmpty() || p[i].length() > 4) {
                return null;
            }
            out[i] = Integer.parseInt(p[i], 16);
        }
        return out;
    }
}
