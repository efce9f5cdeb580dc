package dev.pairstudio.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the issue found missing, with and without the words around it. */
class ContextDetectionTest {
    private static final Pseudonymizer KEY =
            new Pseudonymizer("context-test-key-32-bytes-long!!".getBytes(StandardCharsets.UTF_8));
    private final Anonymizer anon = new Anonymizer(Policy.defaults(), KEY);

    private List<Finding> find(String text) {
        return anon.detect(text, Field.TEXT);
    }

    /** The value is found whole, with the context word the preview shows. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "Mobile: 0491 57 30 22|0491 57 30 22|PHONE|Mobile:",
                "Tel. 04.72.11.22.33|04.72.11.22.33|PHONE|Tel",
                "Telefon (38) 452-118|(38) 452-118|PHONE|Telefon",
                "appelez le 8812 3344 demain|8812 3344|PHONE|appelez",
                "llámame al 030 1234567|030 1234567|PHONE|llámame",
                "Kontakt: +41 (0)44 668 18 00|+41 (0)44 668 18 00|PHONE|",
                "call me at 212-555-7788x231|212-555-7788x231|PHONE|",
                "SSN 123.45.6789 on file|123.45.6789|SSN|SSN",
                "social security 123 45 6789|123 45 6789|SSN|social security",
                "credit card 6390 0200 0000 0000 005|6390 0200 0000 0000 005|CARD|",
                "cc 7001 2345 6789 0123|7001 2345 6789 0123|CARD|cc",
                "Kreditkarte 501234567896|501234567896|CARD|Kreditkarte"
            })
    void contextRaisesWhatValidationAloneRejects(String text, String value, String type, String context) {
        List<Finding> found = find(text);
        assertThat(found).hasSize(1);
        Finding f = found.get(0);
        assertThat(f.text(text)).isEqualTo(value);
        assertThat(f.type().label()).isEqualTo(type);
        assertThat(f.context()).isEqualTo(context);
        if (context != null) {
            assertThat(f.reason()).isEqualTo(type + ", from context '" + context + "'");
        }
    }

    /** Without a context word the same shapes are left alone: validation alone decides. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "build 0491 57 30 22 passed",
                "release 04.72.11.22.33",
                "item 123.45.6789",
                "row 123 45 6789",
                "total 7001 2345 6789 0123",
                "order 501234567896",
                "at 2024-01-15 10:30:00.123",
                "guid 3f2504e0-4f89-11d3-9a0c-0305e82c3301",
                "version 1.2.3.4"
            })
    void withoutContextValidationAloneDecides(String text) {
        assertThat(find(text)).isEmpty();
    }

    /** Cards of brands and lengths the old table lacked, found without any context word. */
    @ParameterizedTest
    @CsvSource({
        "JCB 15 (1800),180000000000002",
        "JCB 15 (2131),213100000000001",
        "JCB 16,3530111333300000",
        "UnionPay 19,6212345678901234569",
        "Discover 19,6011000990139424009",
        "Mir,2200000000000004",
        "Maestro 16,6759649826438453",
        "RuPay,6070000000000002",
        "Troy,9792000000000003",
        "Elo,6362970000457013",
        "Verve,5060990580000217499"
    })
    void currentIssuerRangesAreCards(String brand, String number) {
        String grouped = number.replaceAll("(\\d{4})(?=\\d)", "$1 ");
        assertThat(CardBrand.luhnValid(number))
                .as(brand + " test number passes Luhn")
                .isTrue();
        for (String t : List.of("paid with " + number, "paid with " + grouped)) {
            List<Finding> found = find(t);
            assertThat(found).as(t).extracting(f -> f.type().label()).containsExactly("CARD");
            assertThat(found.get(0).end()).isEqualTo(t.length());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "reach the host at ::1 now,::1",
        "block fe80::/10 at the edge,fe80::",
        "reserved 555-123-4567 line,555-123-4567",
        "UK drama +44 7700 900123 line,+44 7700 900123"
    })
    void reservedAndLoopbackValuesAreNeverSkipped(String text, String value) {
        assertThat(find(text)).extracting(f -> f.text(text)).containsExactly(value);
    }
}
