package dev.pairstudio.privacy;

/** A policy or custom rule that cannot be used; the message names the rule and the reason. */
public class InvalidRuleException extends IllegalArgumentException {
    public InvalidRuleException(String message) {
        super(message);
    }
}
