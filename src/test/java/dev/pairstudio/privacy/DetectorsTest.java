package dev.pairstudio.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each detector takes and what it leaves alone, as a reviewer would check it. */
class DetectorsTest {
    private static final Anonymizer ANON =
            new Anonymizer(Policy.builder().detectUrls(true).build(), new Pseudonymizer(new byte[32]));

    private static List<String> found(String text) {
        return ANON.detect(text, Field.TEXT).stream()
                .map(f -> f.type() + ":" + f.text(text))
                .toList();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "write to jane.doe+news@mail.example.org today|EMAIL:jane.doe+news@mail.example.org",
                "Email 'Li.Chen@example.com'.|EMAIL:Li.Chen@example.com",
                "call (415) 555-0132 ext. 42 now|PHONE:(415) 555-0132 ext. 42",
                "mobile 415.555.0132|PHONE:415.555.0132",
                "tel +44 20 7946 0123|PHONE:+44 20 7946 0123",
                "tel +44 7700 900123|PHONE:+44 7700 900123",
                "Berlin +49 30 23125123|PHONE:+49 30 23125123",
                "Paris +33 1 99 00 12 34|PHONE:+33 1 99 00 12 34",
                "SSN 123-45-6789|SSN:123-45-6789",
                "his ssn is 123456789|SSN:123456789",
                "paid with 4111 1111 1111 1111|CARD:4111 1111 1111 1111",
                "amex 3782-822463-10005|CARD:3782-822463-10005",
                "mc 2223003122003222|CARD:2223003122003222",
                "from 192.168.1.20 yesterday|IP:192.168.1.20",
                "v6 2001:db8:85a3::8a2e:370:7334 up|IP:2001:db8:85a3::8a2e:370:7334",
                "iban DE89 3704 0044 0532 0130 00 thanks|IBAN:DE89 3704 0044 0532 0130 00",
                "iban GB29NWBK60161331926819|IBAN:GB29NWBK60161331926819",
                "see https://bob:pw@db.example.com/x|URL:https://bob:pw@db.example.com/x",
            })
    void findsValidatedValues(String text, String expected) {
        assertThat(found(text)).containsExactly(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "created 2024-01-15 10:30:00",
                "ts 20240115103000123",
                "order 4155550132 shipped",
                "order number 4155550132",
                "request 123e4567-e89b-12d3-a456-426614174000 failed",
                "upgrade to version 10.2.3.4",
                "digits 41555501321234567890 long",
                "card 4111 1111 1111 1112 declined",
                "ssn 000-12-3456 and 666-12-3456 and 912-34-5678 and 123-00-4567 and 123-45-0000",
                "undashed 123456789 without context",
                "ip 256.1.2.3 and 1.2.3 and 1.2.3.4.5 and 01.2.3.4",
                "iban DE89 3704 0044 0532 0130 01",
                "quoted \"john doe\"@example.com local part",
                "price $1,234.56 on 03/15/2024",
                "clock 10:30:00 and mac 00:1A:2B:3C:4D:5E",
                "docs at https://example.com/guide?page=2",
            })
    void leavesLookAlikesAlone(String text) {
        assertThat(found(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // a card number is also a plausible phone/digit run: the card wins
                "pay 4111111111111111 now|CARD:4111111111111111",
                // an email inside a personal URL is the URL's
                "open https://x.example.com/?email=jane@example.org|URL:https://x.example.com/?email=jane@example.org",
            })
    void overlapsResolveByPriority(String text, String expected) {
        assertThat(found(text)).containsExactly(expected);
    }
}
