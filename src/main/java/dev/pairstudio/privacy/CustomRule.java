package dev.pairstudio.privacy;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import org.apache.commons.validator.routines.IBANValidator;

/**
 * A named user rule: a Java regex whose matches are findings of type {@code CUSTOM:<name>},
 * optionally confirmed by a validator ({@code luhn}, {@code mod97}, {@code digits}) such as an
 * employee id's check digit.
 */
public record CustomRule(String name, String pattern, String validator) {
    public CustomRule {
        Objects.requireNonNull(pattern, "pattern");
        PiiType.custom(name); // validates the name
        validatorFor(name, validator);
    }

    public CustomRule(String name, String pattern) {
        this(name, pattern, null);
    }

    public PiiType type() {
        return PiiType.custom(name);
    }

    static Predicate<String> validatorFor(String rule, String validator) {
        if (validator == null || validator.isBlank()) {
            return s -> true;
        }
        return switch (validator.toLowerCase(Locale.ROOT)) {
            case "luhn" ->
                s -> {
                    String d = s.replaceAll("\\D", "");
                    return !d.isEmpty() && CardBrand.luhnValid(d);
                };
            case "mod97", "iban" -> s -> IBANValidator.getInstance().isValid(IbanDetector.compact(s));
            case "digits" -> s -> !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            default ->
                throw new InvalidRuleException(
                        "custom rule '" + rule + "': unknown validator '" + validator + "'; use luhn, mod97 or digits");
        };
    }
}
