package dev.pairstudio.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.commons.validator.routines.EmailValidator;
import org.apache.commons.validator.routines.IBANValidator;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {
    private final Pseudonymizer p =
            new Pseudonymizer("test-key-test-key-test-key-32by".getBytes(StandardCharsets.UTF_8));

    @Test
    void sameValueSameSurrogateAcrossSpellingsAndInstancesButNotAcrossKeys() {
        Pseudonymizer again = new Pseudonymizer("test-key-test-key-test-key-32by".getBytes(StandardCharsets.UTF_8));
        Pseudonymizer other = new Pseudonymizer("another-key-another-key-another".getBytes(StandardCharsets.UTF_8));
        assertThat(p.pseudonym(PiiType.EMAIL, "Jane.Doe@Example.org"))
                .isEqualToIgnoringCase(p.pseudonym(PiiType.EMAIL, "jane.doe@example.org"))
                .isEqualTo(again.pseudonym(PiiType.EMAIL, "Jane.Doe@Example.org"))
                .isNotEqualTo(other.pseudonym(PiiType.EMAIL, "Jane.Doe@Example.org"));
        assertThat(Shapes.digitsOf(p.pseudonym(PiiType.PHONE, "(415) 555-0132")))
                .isEqualTo(Shapes.digitsOf(p.pseudonym(PiiType.PHONE, "4155550132")))
                .endsWith(Shapes.digitsOf(p.pseudonym(PiiType.PHONE, "+1 415 555 0132"))
                        .substring(1));
        assertThat(Shapes.digitsOf(p.pseudonym(PiiType.CARD, "4111 1111 1111 1111")))
                .isEqualTo(p.pseudonym(PiiType.CARD, "4111111111111111"));
    }

    @Test
    void surrogatesAreSafeAndKeepTheFormat() {
        String email = p.pseudonym(PiiType.EMAIL, "jane.doe+news@corp.example.com");
        assertThat(email).matches("[a-z]{4}\\.[a-z]{3}\\+[a-z]{4}@example\\.(com|net|org)");
        assertThat(EmailValidator.getInstance().isValid(email)).isTrue();

        assertThat(p.pseudonym(PiiType.PHONE, "(415) 555-0132 ext. 42"))
                .matches("\\([2-9]\\d\\d\\) 555-01\\d\\d ext\\. \\d\\d");
        assertThat(p.pseudonym(PiiType.PHONE, "+1 415.555.0132")).matches("\\+1 [2-9]\\d\\d\\.555\\.01\\d\\d");
        assertThat(p.pseudonym(PiiType.PHONE, "+44 20 7946 0123")).matches("\\+44 20 7946 0\\d\\d\\d");
        assertThat(p.pseudonym(PiiType.PHONE, "+49 30 23125123")).matches("\\+49 30 23125\\d\\d\\d");

        String card = p.pseudonym(PiiType.CARD, "3782-822463-10005");
        assertThat(card).matches("3782-82\\d{4}-\\d{5}");
        assertThat(CardBrand.luhnValid(Shapes.digitsOf(card))).isTrue();
        assertThat(CardBrand.of(Shapes.digitsOf(p.pseudonym(PiiType.CARD, "5555555555554444"))))
                .isEqualTo(CardBrand.MASTERCARD);

        assertThat(p.pseudonym(PiiType.SSN, "123-45-6789")).matches("9\\d\\d-\\d\\d-\\d{4}");
        assertThat(p.pseudonym(PiiType.IP, "10.1.2.3")).matches("(192\\.0\\.2|198\\.51\\.100|203\\.0\\.113)\\.\\d+");
        assertThat(p.pseudonym(PiiType.IP, "fe80::1:2")).startsWith("2001:db8:").contains("::");

        String iban = p.pseudonym(PiiType.IBAN, "DE89 3704 0044 0532 0130 00");
        assertThat(iban).matches("DE\\d\\d( \\d{4}){4} \\d\\d").isNotEqualTo("DE89 3704 0044 0532 0130 00");
        assertThat(IBANValidator.getInstance().isValid(IbanDetector.compact(iban)))
                .isTrue();
        assertThat(IBANValidator.getInstance().isValid(p.pseudonym(PiiType.IBAN, "GB29NWBK60161331926819")))
                .isTrue();
    }

    @Test
    void hashTokensAreKeyedAndLongEnough() {
        assertThat(p.hashToken(PiiType.EMAIL, "a@example.com"))
                .matches("<EMAIL_[0-9a-f]{16}>")
                .isEqualTo(p.hashToken(PiiType.EMAIL, "A@example.com"));
    }

    @Test
    void shortKeysAreRefused() {
        assertThatThrownBy(() -> new Pseudonymizer(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }
}
