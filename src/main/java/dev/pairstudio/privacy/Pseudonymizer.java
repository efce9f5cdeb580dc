package dev.pairstudio.privacy;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed, consistent, format-preserving surrogates. Every surrogate is drawn from
 * HMAC-SHA-256(key, type ‖ normalized value), so one value has one surrogate wherever it occurs
 * (question, SQL, other pairs, later exports with the same key), and nobody without the key can
 * test a guess — unlike the seed's unsalted SHA-256. Values are normalized first (email case,
 * phone as E.164, card digits) so that two spellings of one value share a surrogate.
 *
 * <p>Distinct values may share a surrogate when the safe range is small (IPv4 has 762 documentation
 * addresses, NANP 555-01xx has 100 lines per area code); the mapping is consistent, not a bijection.
 */
public final class Pseudonymizer {
    private static final int MAX_ATTEMPTS = 32;
    private static final String[] EMAIL_DOMAINS = {"example.com", "example.net", "example.org"};

    private final byte[] key;
    private final ThreadLocal<Mac> mac;
    private final PhoneSurrogates phones;

    /** @param key the per-database secret, at least 16 bytes; copied */
    public Pseudonymizer(byte[] key) {
        this(key, List.of("US"));
    }

    /** @param phoneRegions regions tried, in order, to read a phone number written without '+' */
    public Pseudonymizer(byte[] key, List<String> phoneRegions) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("a pseudonymization key needs at least 16 bytes");
        }
        this.key = Arrays.copyOf(key, key.length);
        this.mac = ThreadLocal.withInitial(this::newMac);
        this.phones = new PhoneSurrogates(phoneRegions);
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The surrogate for {@code original}, a value of {@code type} as it was written. */
    public String pseudonym(PiiType type, String original) {
        String normalized = normalize(type, original);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            KeyedStream rnd = stream("P", type, normalized, attempt);
            String s = generate(type, original, rnd);
            if (!normalize(type, s).equals(normalized)) {
                return s;
            }
        }
        // practically unreachable: every attempt reproduced the original
        return Shapes.sameClasses(original, stream("F", type, normalized, 0));
    }

    /** {@code <TYPE_…>} with 16 hex digits (64 bits) of a keyed HMAC: consistent, reveals only equality. */
    public String hashToken(PiiType type, String original) {
        return "<" + type.label() + "_"
                + stream("H", type, normalize(type, original), 0).hex(16) + ">";
    }

    /** Keyed decimal digits for a numeric SQL literal that must stay a number. */
    String hashDigits(PiiType type, String original, int length) {
        String d = stream("D", type, normalize(type, original), 0).digits(Math.max(1, length));
        return d.charAt(0) == '0' && d.length() > 1 ? '1' + d.substring(1) : d;
    }

    /** The form two spellings of one value share: what the key is applied to. */
    public String normalize(PiiType type, String original) {
        if (type.equals(PiiType.EMAIL) || type.equals(PiiType.DB_NAME)) {
            return original.toLowerCase(Locale.ROOT);
        }
        if (type.equals(PiiType.PHONE)) {
            return phones.normalize(original);
        }
        if (type.equals(PiiType.CARD) || type.equals(PiiType.SSN)) {
            return Shapes.digitsOf(original);
        }
        if (type.equals(PiiType.IBAN)) {
            return IbanDetector.compact(original);
        }
        if (type.equals(PiiType.IP)) {
            return IpSurrogates.normalize(original);
        }
        return original;
    }

    private String generate(PiiType type, String original, KeyedStream rnd) {
        if (type.equals(PiiType.EMAIL)) {
            return email(original, rnd);
        }
        if (type.equals(PiiType.PHONE)) {
            return phones.surrogate(original, rnd);
        }
        if (type.equals(PiiType.SSN)) {
            String d = (900 + rnd.nextInt(100))
                    + String.format("%02d", 1 + rnd.nextInt(99))
                    + String.format("%04d", 1 + rnd.nextInt(9999));
            String filled = Shapes.fillDigits(original, d);
            return filled != null ? filled : d;
        }
        if (type.equals(PiiType.CARD)) {
            return card(original, rnd);
        }
        if (type.equals(PiiType.IP)) {
            return IpSurrogates.surrogate(original, rnd);
        }
        if (type.equals(PiiType.IBAN)) {
            return iban(original, rnd);
        }
        if (type.equals(PiiType.URL)) {
            return UrlSurrogates.surrogate(original, rnd, this);
        }
        if (type.equals(PiiType.DB_NAME)) {
            return "db_" + rnd.hex(8);
        }
        return Shapes.sameClasses(original, rnd);
    }

    private static String email(String original, KeyedStream rnd) {
        int at = original.lastIndexOf('@');
        String local = original.substring(0, Math.max(0, at));
        String fresh = Shapes.sameClasses(local.toLowerCase(Locale.ROOT), rnd);
        StringBuilder sb = new StringBuilder(fresh.length() + 12);
        for (int i = 0; i < fresh.length(); i++) {
            sb.append(
                    Character.isUpperCase(local.charAt(i)) ? Character.toUpperCase(fresh.charAt(i)) : fresh.charAt(i));
        }
        return sb.append('@')
                .append(EMAIL_DOMAINS[rnd.nextInt(EMAIL_DOMAINS.length)])
                .toString();
    }

    /** Same brand and length on the brand's published test prefix, Luhn-valid, same grouping. */
    private static String card(String original, KeyedStream rnd) {
        String digits = Shapes.digitsOf(original);
        CardBrand brand = CardBrand.of(digits);
        String prefix = brand == null ? "4" : brand.testPrefix(digits);
        int n = Math.max(digits.length(), prefix.length() + 2);
        StringBuilder body = new StringBuilder(prefix);
        while (body.length() < n - 1) {
            body.append(rnd.digit());
        }
        String fresh = body.toString() + CardBrand.luhnCheckDigit(body.toString());
        String filled = Shapes.fillDigits(original, fresh);
        return filled != null ? filled : fresh;
    }

    /** Same country, same BBAN shape (letters stay letters), fresh mod-97 check digits, same grouping. */
    private static String iban(String original, KeyedStream rnd) {
        String compact = IbanDetector.compact(original);
        String country = compact.substring(0, 2);
        StringBuilder bban = new StringBuilder();
        for (int i = 4; i < compact.length(); i++) {
            char c = compact.charAt(i);
            bban.append(Character.isDigit(c) ? rnd.digit() : Character.toUpperCase(rnd.lower()));
        }
        int check = 98 - mod97(bban + country + "00");
        String fresh = country + (check < 10 ? "0" : "") + check + bban;
        return Shapes.fillAlnum(original, fresh);
    }

    static int mod97(String s) {
        int r = 0;
        for (int i = 0; i < s.length(); i++) {
            int v = Character.digit(s.charAt(i), 36);
            r = v < 10 ? (r * 10 + v) % 97 : (r * 100 + v) % 97;
        }
        return r;
    }

    private KeyedStream stream(String purpose, PiiType type, String normalized, int attempt) {
        return new KeyedStream(
                mac.get(), purpose + '\u0000' + type.label() + '\u0000' + attempt + '\u0000' + normalized);
    }
}
