package dev.pairstudio.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A synthetic, labeled corpus built from a fixed seed. Labels come from construction (each value
 * is generated, then placed, and its span recorded), never from the detectors. Only safe values:
 * reserved email domains, regulators' fictional phone ranges, cards on published test prefixes,
 * documentation/private IPs, IBANs with random account numbers.
 */
final class PiiCorpus {
    record Label(PiiType type, int start, int end, String value) {}

    record LabeledText(String text, List<Label> labels, String kind) {}

    record LabeledPair(
            String question,
            String sql,
            String databaseType,
            String databaseName,
            List<Label> questionLabels,
            List<Label> sqlLabels) {}

    /** A generated value, possibly written differently in the question and in the SQL. */
    record Value(PiiType type, String text, String sqlText) {}

    private final Random r;

    PiiCorpus(long seed) {
        this.r = new Random(seed);
    }

    // ---------------------------------------------------------------- values

    private static final String[] FIRST = {
        "jane", "john", "maria", "li", "ahmed", "olga", "pierre", "sven", "ana", "kofi", "yuki", "omar", "zoe", "ivan",
        "lucia", "noah", "emma", "raj", "fatima", "tom"
    };
    private static final String[] LAST = {
        "doe", "smith", "garcia", "chen", "khan", "petrova", "martin", "berg", "silva", "mensah", "tanaka", "haddad",
        "clark", "novak", "rossi", "brown", "muller", "patel", "diallo"
    };
    private static final String[] DOMAINS = {
        "example.com",
        "example.org",
        "example.net",
        "mail.example.com",
        "eu.example.org",
        "corp.example.net",
        "sub.mail.example.com"
    };

    private <T> T pick(T[] a) {
        return a[r.nextInt(a.length)];
    }

    String email() {
        String f = pick(FIRST);
        String l = pick(LAST);
        String local = switch (r.nextInt(7)) {
            case 0 -> f + "." + l;
            case 1 -> f + "_" + l;
            case 2 -> f.charAt(0) + l;
            case 3 -> f + "+" + pick(new String[] {"news", "shop", "test", "billing"});
            case 4 -> f + "." + l + (10 + r.nextInt(90));
            case 5 -> f + "-" + l;
            default -> f;
        };
        String e = local + "@" + pick(DOMAINS);
        return r.nextInt(6) == 0 ? Character.toUpperCase(e.charAt(0)) + e.substring(1) : e;
    }

    private String nanpArea() {
        while (true) {
            String a = "" + (2 + r.nextInt(8)) + r.nextInt(9) + r.nextInt(10);
            if (!a.endsWith("11")) {
                return a;
            }
        }
    }

    /** A phone and, for the SQL, often another spelling of the same number. */
    Value phone() {
        String line = "01" + r.nextInt(10) + r.nextInt(10);
        String a = nanpArea();
        String ext = r.nextInt(8) == 0
                ? pick(new String[] {" ext. ", " x", " ext ", " extension "}) + (1 + r.nextInt(999))
                : "";
        String t = switch (r.nextInt(16)) {
            case 0 -> "(" + a + ") 555-" + line;
            case 1 -> a + "-555-" + line;
            case 2 -> a + ".555." + line;
            case 3 -> a + " 555 " + line;
            case 4 -> "+1 " + a + " 555 " + line;
            case 5 -> "+1-" + a + "-555-" + line;
            case 6 -> "1-" + a + "-555-" + line;
            case 7 -> "+1 (" + a + ") 555-" + line;
            case 8 -> a + "555" + line;
            case 9 -> "+44 20 7946 0" + r.nextInt(10) + r.nextInt(10) + r.nextInt(10);
            case 10 -> "+44 7700 900" + r.nextInt(10) + r.nextInt(10) + r.nextInt(10);
            case 11 -> "+44 (0)113 496 0" + r.nextInt(10) + r.nextInt(10) + r.nextInt(10);
            case 12 -> "+49 30 23125" + r.nextInt(10) + r.nextInt(10) + r.nextInt(10);
            case 13 -> "+49 (0)89 99998 " + r.nextInt(10) + r.nextInt(10) + r.nextInt(10);
            case 14 -> "+33 1 99 00 " + r.nextInt(10) + r.nextInt(10) + " " + r.nextInt(10) + r.nextInt(10);
            default -> "+33 6 39 98 " + r.nextInt(10) + r.nextInt(10) + " " + r.nextInt(10) + r.nextInt(10);
        };
        boolean us = !t.startsWith("+4") && !t.startsWith("+3");
        t = us ? t + ext : t;
        String sql = us && ext.isEmpty() && r.nextBoolean() ? a + "555" + line : t;
        return new Value(PiiType.PHONE, t, sql);
    }

    String ssn() {
        int area;
        do {
            area = 1 + r.nextInt(899);
        } while (area == 666);
        return String.format("%03d-%02d-%04d", area, 1 + r.nextInt(99), 1 + r.nextInt(9999));
    }

    private static final String[][] CARD_PREFIXES = {
        {"411111", "16"},
        {"424242", "16"},
        {"400005", "16"},
        {"4222222", "13"},
        {"555555", "16"},
        {"510510", "16"},
        {"222300", "16"},
        {"378282", "15"},
        {"371449", "15"},
        {"601111", "16"},
        {"601100", "16"},
        {"353011", "16"},
        {"356600", "16"},
        {"305693", "14"},
        {"385200", "14"},
        {"620000", "16"},
        {"620000", "19"}
    };

    String card() {
        String[] p = pick(CARD_PREFIXES);
        int n = Integer.parseInt(p[1]);
        StringBuilder b = new StringBuilder(p[0]);
        while (b.length() < n - 1) {
            b.append(r.nextInt(10));
        }
        String d = b.toString() + CardBrand.luhnCheckDigit(b.toString());
        int style = r.nextInt(3);
        if (style == 0 || n == 13 || n == 19) {
            return d;
        }
        String sep = style == 1 ? " " : "-";
        if (n == 15) {
            return d.substring(0, 4) + sep + d.substring(4, 10) + sep + d.substring(10);
        }
        if (n == 14) {
            return d.substring(0, 4) + sep + d.substring(4, 10) + sep + d.substring(10);
        }
        return d.substring(0, 4) + sep + d.substring(4, 8) + sep + d.substring(8, 12) + sep + d.substring(12);
    }

    String ipv4() {
        return switch (r.nextInt(5)) {
            case 0 -> "192.0.2." + (1 + r.nextInt(254));
            case 1 -> "198.51.100." + (1 + r.nextInt(254));
            case 2 -> "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
            case 3 -> "192.168." + r.nextInt(256) + "." + (1 + r.nextInt(254));
            default -> "172." + (16 + r.nextInt(16)) + "." + r.nextInt(256) + "." + r.nextInt(256);
        };
    }

    String ipv6() {
        String g = Integer.toHexString(r.nextInt(65536));
        String h = Integer.toHexString(1 + r.nextInt(65535));
        return switch (r.nextInt(4)) {
            case 0 -> "2001:db8::" + h;
            case 1 -> "2001:db8:" + g + "::" + h + ":" + Integer.toHexString(r.nextInt(65536));
            case 2 ->
                String.format(
                        "2001:0db8:%04x:%04x:%04x:%04x:%04x:%04x",
                        r.nextInt(65536),
                        r.nextInt(65536),
                        r.nextInt(65536),
                        r.nextInt(65536),
                        r.nextInt(65536),
                        r.nextInt(65536));
            default -> "fe80::" + g + ":" + h;
        };
    }

    String ip() {
        return r.nextInt(4) == 0 ? ipv6() : ipv4();
    }

    /** Country, length, and BBAN shape: n digit, a upper letter, c either. */
    private static final String[][] IBAN_FORMATS = {
        {"DE", "18n"},
        {"GB", "4a14n"},
        {"FR", "23n"},
        {"ES", "20n"},
        {"IT", "1a22n"},
        {"NL", "4a10n"},
        {"BE", "12n"},
        {"CH", "17n"},
        {"AT", "16n"},
        {"PL", "24n"}
    };

    String iban() {
        String[] f = pick(IBAN_FORMATS);
        StringBuilder bban = new StringBuilder();
        Matcher m = Pattern.compile("(\\d+)([an])").matcher(f[1]);
        while (m.find()) {
            for (int i = 0; i < Integer.parseInt(m.group(1)); i++) {
                bban.append(m.group(2).equals("n") ? (char) ('0' + r.nextInt(10)) : (char) ('A' + r.nextInt(26)));
            }
        }
        int check = 98 - Pseudonymizer.mod97(bban + f[0] + "00");
        String compact = f[0] + String.format("%02d", check) + bban;
        if (r.nextBoolean()) {
            return compact;
        }
        StringBuilder g = new StringBuilder();
        for (int i = 0; i < compact.length(); i += 4) {
            g.append(i == 0 ? "" : " ").append(compact, i, Math.min(compact.length(), i + 4));
        }
        return g.toString();
    }

    Value value(PiiType type) {
        if (type.equals(PiiType.PHONE)) {
            return phone();
        }
        String v = type.equals(PiiType.EMAIL)
                ? email()
                : type.equals(PiiType.SSN)
                        ? ssn()
                        : type.equals(PiiType.CARD) ? card() : type.equals(PiiType.IP) ? ip() : iban();
        String sql = v;
        if (type.equals(PiiType.CARD) && r.nextBoolean()) {
            sql = v.replaceAll("[ -]", "");
        } else if (type.equals(PiiType.EMAIL) && r.nextInt(4) == 0) {
            sql = v.toLowerCase(Locale.ROOT);
        }
        return new Value(type, v, sql);
    }

    static final PiiType[] TYPES = {PiiType.EMAIL, PiiType.PHONE, PiiType.SSN, PiiType.CARD, PiiType.IP, PiiType.IBAN};

    // ---------------------------------------------------------------- texts

    private static final String[] INTRO = {
        "Please contact",
        "Customer record:",
        "Send the invoice to",
        "Flagged:",
        "Escalate ticket for",
        "Note from support -",
        "Update the profile with",
        "Verify"
    };

    /** A sentence phrase that introduces a value of the type, with the context a writer would give. */
    private String lead(PiiType t) {
        if (t.equals(PiiType.EMAIL)) {
            return pick(new String[] {"email", "mail", "write to", "e-mail address", "cc", ""});
        }
        if (t.equals(PiiType.PHONE)) {
            return pick(new String[] {"phone", "call", "mobile", "tel.", "cell:", "reach them at", "fax", ""});
        }
        if (t.equals(PiiType.SSN)) {
            return pick(new String[] {"SSN", "social security number", "ssn:", "SSN#", "with SSN"});
        }
        if (t.equals(PiiType.CARD)) {
            return pick(new String[] {"card", "credit card", "paid with", "card number", "Visa/MC"});
        }
        if (t.equals(PiiType.IP)) {
            return pick(new String[] {"from IP", "ip address", "logged in from", "host", "source"});
        }
        return pick(new String[] {"IBAN", "account", "transfer to", "bank account IBAN", "iban:"});
    }

    private static final String[] BENIGN = {
        "on 2024-03-15",
        "for $1,249.99",
        "last week",
        "in order 10023",
        "at 10:30",
        "with 3 items",
        "before Friday",
        "(priority 2)",
        "in Q3 2023",
        "about 45 minutes ago",
        ""
    };

    /** A text with one to three values, undashed SSNs only with their context word. */
    LabeledText text() {
        StringBuilder sb = new StringBuilder(pick(INTRO));
        List<Label> labels = new ArrayList<>();
        int k = 1 + r.nextInt(3);
        for (int i = 0; i < k; i++) {
            PiiType t = pick(TYPES);
            Value v = value(t);
            String val = v.text();
            if (t.equals(PiiType.SSN) && r.nextInt(4) == 0) {
                val = val.replace("-", "");
                sb.append(i == 0 ? " " : " and ").append("SSN ");
            } else {
                String l = lead(t);
                sb.append(i == 0 ? " " : pick(new String[] {" and ", ", ", "; "}))
                        .append(l)
                        .append(l.isEmpty() ? "" : " ");
            }
            int s = sb.length();
            sb.append(val);
            labels.add(new Label(t, s, sb.length(), val));
            String b = pick(BENIGN);
            if (!b.isEmpty()) {
                sb.append(' ').append(b);
            }
        }
        sb.append(pick(new String[] {".", "", "!", " please.", "?"}));
        return new LabeledText(sb.toString(), labels, "pii");
    }

    /** Text with numbers that look like values but are not: no labels. */
    LabeledText hardNegative() {
        String hex = "0123456789abcdef";
        StringBuilder guid = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            guid.append(hex.charAt(r.nextInt(16)));
            if (i == 7 || i == 11 || i == 15 || i == 19) {
                guid.append('-');
            }
        }
        String t = switch (r.nextInt(16)) {
            case 0 ->
                "Created at 2024-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10) + " 1" + r.nextInt(10) + ":3"
                        + r.nextInt(10) + ":0" + r.nextInt(10);
            case 1 -> "Timestamp 2024031" + r.nextInt(10) + "10223" + r.nextInt(10) + " logged";
            case 2 -> "Order number " + (1000000000L + (long) (r.nextDouble() * 8999999999L)) + " shipped";
            case 3 -> "Request id " + guid + " failed";
            case 4 ->
                "Upgrade to version " + r.nextInt(20) + "." + r.nextInt(20) + "." + r.nextInt(20) + "."
                        + r.nextInt(200);
            case 5 -> "Card " + luhnInvalid() + " was declined as invalid";
            case 6 -> "Invalid SSN " + invalidSsn() + " rejected";
            case 7 -> "Bad address " + invalidIp() + " in the log";
            case 8 -> "Due " + (1 + r.nextInt(12)) + "/" + (1 + r.nextInt(28)) + "/2024 and paid 15.03.2024";
            case 9 ->
                "Total $" + (1 + r.nextInt(9)) + "," + (100 + r.nextInt(900)) + "." + (10 + r.nextInt(90))
                        + " for 12 units";
            case 10 -> "Invoice INV-2024-" + (100000 + r.nextInt(900000)) + " is overdue";
            case 11 -> "Tracking " + (100000000000L + (long) (r.nextDouble() * 899999999999L)) + " delivered";
            case 12 ->
                "Build v" + r.nextInt(12) + "." + r.nextInt(10) + "." + (10000 + r.nextInt(9000)) + "." + r.nextInt(9);
            case 13 -> "Account 00" + (10000000 + r.nextInt(89999999)) + " closed";
            case 14 -> "Ratio 1.5 at 3.25 and 0.0001 over 12345.678";
            default -> "User id " + (100000 + r.nextInt(899999)) + " viewed item " + (1000 + r.nextInt(9000));
        };
        return new LabeledText(t, List.of(), "negative");
    }

    private String luhnInvalid() {
        while (true) {
            StringBuilder b = new StringBuilder(r.nextBoolean() ? "4" : "5" + (1 + r.nextInt(5)));
            while (b.length() < 16) {
                b.append(r.nextInt(10));
            }
            if (!CardBrand.luhnValid(b.toString())) {
                return r.nextBoolean()
                        ? b.toString()
                        : b.substring(0, 4) + " " + b.substring(4, 8) + " " + b.substring(8, 12) + " "
                                + b.substring(12);
            }
        }
    }

    private String invalidSsn() {
        int g = 1 + r.nextInt(99);
        int s = 1 + r.nextInt(9999);
        return switch (r.nextInt(5)) {
            case 0 -> String.format("000-%02d-%04d", g, s);
            case 1 -> String.format("666-%02d-%04d", g, s);
            case 2 -> String.format("9%02d-%02d-%04d", r.nextInt(100), g, s);
            case 3 -> String.format("%03d-00-%04d", 1 + r.nextInt(600), s);
            default -> String.format("%03d-%02d-0000", 1 + r.nextInt(600), g);
        };
    }

    private String invalidIp() {
        return switch (r.nextInt(4)) {
            case 0 -> (256 + r.nextInt(700)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
            case 1 -> r.nextInt(256) + "." + r.nextInt(256) + "." + (256 + r.nextInt(700)) + "." + r.nextInt(256);
            case 2 -> r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
            default ->
                r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256) + "."
                        + r.nextInt(256);
        };
    }

    // ---------------------------------------------------------------- pairs

    private static final String[][] COLUMNS = {
        {"EMAIL", "email"},
        {"PHONE", "phone"},
        {"SSN", "ssn"},
        {"CARD", "card_number"},
        {"IP", "ip_address"},
        {"IBAN", "iban"}
    };

    private static String column(PiiType t) {
        for (String[] c : COLUMNS) {
            if (c[0].equals(t.label())) {
                return c[1];
            }
        }
        throw new IllegalArgumentException(t.label());
    }

    /** A pair whose question and SQL literal name the same value (SQL spelling may differ), plus extras. */
    LabeledPair pair() {
        String dbType = pick(new String[] {"postgresql", "mysql", "sqlite", null});
        String table = pick(new String[] {"customers", "orders", "users", "payments", "logins", "accounts"});
        PiiType t = pick(TYPES);
        Value v = value(t);
        List<Label> ql = new ArrayList<>();
        List<Label> sl = new ArrayList<>();
        StringBuilder q = new StringBuilder(pick(new String[] {"Show all ", "How many ", "List the ", "Count "}))
                .append(table)
                .append(" with ")
                .append(column(t).replace('_', ' '))
                .append(' ');
        if (t.equals(PiiType.SSN) && r.nextBoolean()) {
            q.setLength(0);
            q.append("Find the SSN record ");
        }
        int s = q.length();
        q.append(v.text());
        ql.add(new Label(t, s, q.length(), v.text()));
        String dbName = r.nextInt(5) == 0 ? pick(new String[] {"shop_db", "crm2", "sales_eu", "hr-main"}) : null;
        if (dbName != null) {
            q.append(" in the ");
            int d = q.length();
            q.append(dbName);
            ql.add(new Label(PiiType.DB_NAME, d, q.length(), dbName));
            q.append(" database");
        }
        q.append(pick(new String[] {"?", "", " since 2023-01-01?", " ordered by date"}));

        StringBuilder sql = new StringBuilder("SELECT ")
                .append(r.nextBoolean() ? "*" : "COUNT(*)")
                .append(" FROM ")
                .append(table)
                .append(" WHERE ")
                .append(column(t))
                .append(" = ");
        boolean numeric = (t.equals(PiiType.PHONE) || t.equals(PiiType.CARD))
                && v.sqlText().matches("\\d+")
                && r.nextBoolean();
        if (numeric) {
            int ss = sql.length();
            sql.append(v.sqlText());
            sl.add(new Label(t, ss, sql.length(), v.sqlText()));
        } else {
            sql.append('\'');
            int ss = sql.length();
            sql.append(v.sqlText());
            sl.add(new Label(t, ss, sql.length(), v.sqlText()));
            sql.append('\'');
        }
        if (r.nextBoolean()) {
            PiiType t2 = pick(TYPES);
            Value v2 = value(t2);
            sql.append(" AND ").append(column(t2)).append(" <> '");
            int ss = sql.length();
            sql.append(v2.sqlText());
            sl.add(new Label(t2, ss, sql.length(), v2.sqlText()));
            sql.append('\'');
        }
        sql.append(pick(new String[] {
            "", " AND created_at >= '2023-01-01'", " AND total > 100.50", " LIMIT 10", " AND note LIKE '%O''Brien%'"
        }));
        return new LabeledPair(q.toString(), sql.toString(), dbType, dbName, ql, sl);
    }

    /** A typical pair: mostly no values at all, with {@code piiShare} of them carrying one. */
    LabeledPair typicalPair(double piiShare) {
        if (r.nextDouble() < piiShare) {
            return pair();
        }
        String table = pick(new String[] {"orders", "customers", "products", "invoices", "employees", "shipments"});
        int n = 1 + r.nextInt(500);
        String q = switch (r.nextInt(5)) {
            case 0 -> "How many " + table + " were created after 2023-0" + (1 + r.nextInt(9)) + "-15?";
            case 1 -> "Show the top " + n + " " + table + " by total amount in 2024";
            case 2 -> "What is the average price of " + table + " with more than " + n + " units?";
            case 3 -> "List " + table + " whose status is 'shipped' and region is EU";
            default -> "Which " + table + " had a discount of " + (5 + r.nextInt(40)) + "% last month?";
        };
        String sql = switch (r.nextInt(4)) {
            case 0 -> "SELECT COUNT(*) FROM " + table + " WHERE created_at > '2023-01-15'";
            case 1 -> "SELECT * FROM " + table + " ORDER BY total DESC LIMIT " + n;
            case 2 -> "SELECT AVG(price) FROM " + table + " t JOIN items i ON i.order_id = t.id WHERE i.qty > " + n;
            default ->
                "SELECT id, name, total FROM " + table + " WHERE status = 'shipped' AND region = 'EU' AND total > " + n
                        + ".50";
        };
        return new LabeledPair(q, sql, "postgresql", "shop", List.of(), List.of());
    }
}
