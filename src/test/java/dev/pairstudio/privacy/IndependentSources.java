package dev.pairstudio.privacy;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.pairstudio.sql.SqlLiteral;
import dev.pairstudio.sql.SqlLiterals;
import dev.pairstudio.testing.SpiderCorpus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import net.datafaker.Faker;

/**
 * Labeled test data nobody here wrote the values of: datafaker across its locales, libphonenumber's
 * example number of every region and type, payment processors' published test cards, and the real
 * SQL of Spider with values injected into its string literals and questions. Labels come from
 * construction (a value is generated, placed, and its span recorded), never from the detectors.
 * The sentences around the values are neutral or carry the context word a real text would.
 */
final class IndependentSources {
    /** Spider train, as shipped beside the project. */
    static final Locale[] LOCALES = {
        Locale.US,
        Locale.UK,
        Locale.GERMANY,
        Locale.FRANCE,
        Locale.ITALY,
        Locale.forLanguageTag("es-ES"),
        Locale.forLanguageTag("pt-BR"),
        Locale.forLanguageTag("nl-NL"),
        Locale.forLanguageTag("pl-PL"),
        Locale.forLanguageTag("sv-SE"),
        Locale.forLanguageTag("nb-NO"),
        Locale.forLanguageTag("da-DK"),
        Locale.forLanguageTag("fi-FI"),
        Locale.forLanguageTag("en-AU"),
        Locale.forLanguageTag("en-CA"),
        Locale.forLanguageTag("en-IN"),
        Locale.forLanguageTag("de-CH"),
        Locale.forLanguageTag("de-AT"),
        Locale.forLanguageTag("fr-CA"),
        Locale.forLanguageTag("en-NZ")
    };

    /** Phone words per language, as a text in that language would put them. */
    private static final String[] PHONE_WORDS = {
        "Phone:",
        "Mobile:",
        "Tel.",
        "call me at",
        "Telefon:",
        "Handy:",
        "Tél. :",
        "portable :",
        "Teléfono:",
        "móvil",
        "Telefono:",
        "cellulare",
        "Telefone:",
        "telemóvel",
        "Telefoon:",
        "mobiel",
        "tel.",
        "komórka",
        "Tlf.",
        "Mobil:",
        "puhelin",
        "Fax:",
        "Office:",
        "Contact:"
    };

    private static final String[] NEUTRAL = {
        "Details: %s - please update.", "%s", "Updated record (%s) yesterday.", "Value %s was imported.", "see %s"
    };

    private final Random r;

    IndependentSources(long seed) {
        this.r = new Random(seed);
    }

    // ------------------------------------------------------------------ datafaker

    /** E-mails, IPs (v4, v6), IBANs, valid SSNs, cards and phones from every locale in {@link #LOCALES}. */
    List<PiiCorpus.LabeledText> datafaker(int perLocale) {
        List<PiiCorpus.LabeledText> out = new ArrayList<>();
        for (Locale locale : LOCALES) {
            Faker f = new Faker(locale, new Random(r.nextLong()));
            for (int i = 0; i < perLocale; i++) {
                out.add(neutral(PiiType.EMAIL, f.internet().emailAddress()));
                out.add(neutral(
                        PiiType.IP,
                        i % 2 == 0 ? f.internet().ipV4Address() : f.internet().ipV6Address()));
                out.add(neutral(PiiType.IBAN, iban(f)));
                out.add(neutral(PiiType.SSN, f.idNumber().ssnValid()));
                out.add(withWord(PiiType.CARD, f.finance().creditCard(), i % 2 == 0 ? "card" : "paid with"));
                String phone = i % 3 == 0
                        ? f.phoneNumber().cellPhone()
                        : f.phoneNumber().phoneNumber();
                out.add(withWord(PiiType.PHONE, phone, PHONE_WORDS[r.nextInt(PHONE_WORDS.length)]));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ libphonenumber

    /**
     * The example number of every region and number type, in E.164, international, national and
     * RFC 3966 form and with its groups joined by dots, dashes and spaces. International forms stand
     * alone; national ones, which no detector can read without knowing the region, follow a phone word.
     */
    List<PiiCorpus.LabeledText> phoneExamples() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        List<PiiCorpus.LabeledText> out = new ArrayList<>();
        for (String region : util.getSupportedRegions()) {
            for (PhoneNumberType type : PhoneNumberType.values()) {
                if (type == PhoneNumberType.UNKNOWN) {
                    continue;
                }
                PhoneNumber n = util.getExampleNumberForType(region, type);
                if (n == null) {
                    continue;
                }
                String national = util.format(n, PhoneNumberFormat.NATIONAL);
                String intl = util.format(n, PhoneNumberFormat.INTERNATIONAL);
                out.add(neutral(PiiType.PHONE, util.format(n, PhoneNumberFormat.E164)));
                out.add(neutral(PiiType.PHONE, intl));
                out.add(neutral(PiiType.PHONE, util.format(n, PhoneNumberFormat.RFC3966)));
                out.add(withWord(PiiType.PHONE, national, PHONE_WORDS[r.nextInt(PHONE_WORDS.length)]));
                for (char sep : new char[] {'.', '-', ' '}) {
                    out.add(neutral(
                            PiiType.PHONE,
                            intl.replaceAll("[ ()-]+", String.valueOf(sep)).replace("+" + sep, "+")));
                    String nat = national.replaceAll("[ ()./-]+", String.valueOf(sep))
                            .replaceAll("^\\W+|\\W+$", "");
                    out.add(withWord(PiiType.PHONE, nat, PHONE_WORDS[r.nextInt(PHONE_WORDS.length)]));
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ published test cards

    /**
     * Test card numbers as payment processors publish them (Stripe, Adyen, Braintree, PayPal,
     * Worldpay documentation), each bare, in groups of four and dashed, half next to a card word.
     */
    static final String[] PROCESSOR_CARDS = {
        "4242424242424242", "4000056655665556", "4000002500003155", "4000000000003220", "4111111111111111",
        "4012888888881881", "4222222222222", "4917610000000000003", "5555555555554444", "2223003122003222",
        "5200828282828210", "5105105105105100", "2222400070000005", "5454545454545454", "378282246310005",
        "371449635398431", "378734493671000", "6011111111111117", "6011000990139424", "6011981111111113",
        "6445644564456445", "3056930009020004", "36227206271667", "30569309025904", "38520000023237",
        "3566002020360505", "3530111333300000", "3566111111111113", "6200000000000005", "6200000000000047",
        "6205500000000000004", "6250941006528599", "6759649826438453", "6771798021000008", "5019555544445555",
        "6703444444444449", "4035501000000008", "5610591081018250", "6304000000000000"
    };

    List<PiiCorpus.LabeledText> processorCards() {
        List<PiiCorpus.LabeledText> out = new ArrayList<>();
        for (String c : PROCESSOR_CARDS) {
            String grouped = c.replaceAll("(\\d{4})(?=\\d)", "$1 ");
            for (String form : new String[] {c, grouped, grouped.replace(' ', '-')}) {
                out.add(neutral(PiiType.CARD, form));
                out.add(withWord(PiiType.CARD, form, r.nextBoolean() ? "credit card" : "Kreditkarte"));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ Spider

    /**
     * Spider's pairs whose SQL has a string literal: the first literal's content becomes a generated
     * value (its quoting kept: SQLite double quotes or single), and the question names the same
     * value where it named the literal, else at its end.
     */
    List<PiiCorpus.LabeledPair> spider(int max) {
        Faker f = new Faker(Locale.US, new Random(r.nextLong()));
        List<Supplier<PiiCorpus.Value>> values = List.of(
                () -> new PiiCorpus.Value(PiiType.EMAIL, f.internet().emailAddress(), null),
                () -> new PiiCorpus.Value(PiiType.PHONE, f.phoneNumber().cellPhone(), null),
                () -> new PiiCorpus.Value(PiiType.CARD, f.finance().creditCard(), null),
                () -> new PiiCorpus.Value(PiiType.SSN, f.idNumber().ssnValid(), null),
                () -> new PiiCorpus.Value(PiiType.IP, f.internet().ipV4Address(), null),
                () -> new PiiCorpus.Value(PiiType.IBAN, iban(f), null));
        List<PiiCorpus.LabeledPair> out = new ArrayList<>();
        for (SpiderCorpus.Example p : SpiderCorpus.train()) {
            if (out.size() >= max) {
                break;
            }
            String sql = p.sql();
            String question = p.question();
            List<SqlLiteral> names = new ArrayList<>();
            List<SqlLiteral> strings = new ArrayList<>(SqlLiterals.find(sql, SqlLiterals.Dialect.SQLITE, names).stream()
                    .filter(l -> l.kind() == SqlLiteral.Kind.STRING)
                    .toList());
            strings.addAll(
                    names.stream().filter(l -> sql.charAt(l.start()) == '"').toList()); // SQLite "value"
            if (strings.isEmpty()) {
                continue;
            }
            strings.sort(Comparator.comparingInt(SqlLiteral::start));
            SqlLiteral lit = strings.get(0);
            String old = lit.value(sql);
            PiiCorpus.Value v = values.get(r.nextInt(values.size())).get();
            String newSql = sql.substring(0, lit.valueStart()) + v.text() + sql.substring(lit.valueEnd());
            int at = wholeWord(question, old);
            String newQuestion = at >= 0
                    ? question.substring(0, at) + v.text() + question.substring(at + old.length())
                    : question + " (" + v.text() + ")";
            int qs = at >= 0 ? at : question.length() + 2;
            out.add(new PiiCorpus.LabeledPair(
                    newQuestion,
                    newSql,
                    "sqlite",
                    p.database(),
                    List.of(new PiiCorpus.Label(v.type(), qs, qs + v.text().length(), v.text())),
                    List.of(new PiiCorpus.Label(
                            v.type(),
                            lit.valueStart(),
                            lit.valueStart() + v.text().length(),
                            v.text()))));
        }
        return out;
    }

    /** Where {@code word} stands in {@code text} as a whole word (not inside "Find" for "F"), or -1. */
    private static int wholeWord(String text, String word) {
        if (word.isEmpty()) {
            return -1;
        }
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            if (!Context.isWordChar(Context.at(text, i - 1))
                    && !Context.isWordChar(Context.at(text, i + word.length()))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Datafaker's IBAN, except Somalia's: datafaker writes 18 characters where the SWIFT IBAN
     * registry (and commons-validator) has 23, so no validated detector should take it.
     */
    private static String iban(Faker f) {
        while (true) {
            String v = f.finance().iban();
            if (!v.startsWith("SO")) {
                return v;
            }
        }
    }

    // ------------------------------------------------------------------ look-alikes

    /** Values that look like PII and are not: each text must come back untouched. */
    List<PiiCorpus.LabeledText> lookAlikes(int n) {
        List<PiiCorpus.LabeledText> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String v = switch (i % 9) {
                case 0 ->
                    String.format(
                            "2024-%02d-%02dT%02d:%02d:%02d.%03dZ",
                            1 + r.nextInt(12),
                            1 + r.nextInt(28),
                            r.nextInt(24),
                            r.nextInt(60),
                            r.nextInt(60),
                            r.nextInt(1000));
                case 1 -> new UUID(r.nextLong(), r.nextLong()).toString();
                case 2 ->
                    "v" + r.nextInt(20) + "." + r.nextInt(40) + "." + r.nextInt(300)
                            + (r.nextBoolean() ? "" : "-rc" + r.nextInt(9));
                case 3 -> invalidCard();
                case 4 -> invalidSsn();
                case 5 -> invalidIp();
                case 6 -> "#" + (100000 + r.nextInt(900000)) + "-" + (1000 + r.nextInt(9000));
                case 7 -> String.valueOf(1_600_000_000_000L + (long) (r.nextDouble() * 1e11)); // epoch millis
                default ->
                    String.format(
                            "%d-%02d-%02d %02d:%02d:%02d",
                            2000 + r.nextInt(30),
                            1 + r.nextInt(12),
                            1 + r.nextInt(28),
                            r.nextInt(24),
                            r.nextInt(60),
                            r.nextInt(60));
            };
            String[] frames = {"order %s shipped", "build %s passed", "logged at %s", "id %s", "ref %s", "value %s"};
            String t = String.format(frames[i % frames.length], v);
            out.add(new PiiCorpus.LabeledText(t, List.of(), "look-alike"));
        }
        return out;
    }

    private String invalidCard() {
        while (true) {
            StringBuilder b = new StringBuilder("4");
            while (b.length() < 16) {
                b.append(r.nextInt(10));
            }
            if (!CardBrand.luhnValid(b.toString())) {
                return r.nextBoolean() ? b.toString() : b.toString().replaceAll("(\\d{4})(?=\\d)", "$1 ");
            }
        }
    }

    private String invalidSsn() {
        String[] area = {"000", "666", String.valueOf(900 + r.nextInt(100))};
        return area[r.nextInt(3)] + "-" + String.format("%02d", 1 + r.nextInt(99)) + "-"
                + String.format("%04d", 1 + r.nextInt(9999));
    }

    private String invalidIp() {
        return switch (r.nextInt(3)) {
            case 0 -> (256 + r.nextInt(700)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
            case 1 -> r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
            default -> "1.2.3.4.5";
        };
    }

    // ------------------------------------------------------------------ placing values

    private PiiCorpus.LabeledText neutral(PiiType type, String value) {
        String frame = NEUTRAL[r.nextInt(NEUTRAL.length)];
        int at = frame.indexOf("%s");
        String text = frame.substring(0, at) + value + frame.substring(at + 2);
        return new PiiCorpus.LabeledText(
                text, List.of(new PiiCorpus.Label(type, at, at + value.length(), value)), "neutral");
    }

    private static PiiCorpus.LabeledText withWord(PiiType type, String value, String word) {
        String text = word + " " + value + " - thanks";
        int at = word.length() + 1;
        return new PiiCorpus.LabeledText(
                text, List.of(new PiiCorpus.Label(type, at, at + value.length(), value)), "context");
    }
}
