package dev.pairstudio.privacy;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Runs one user regex. A pattern that does not compile, matches the empty string, or backtracks
 * catastrophically on short probe strings is refused when the policy is loaded; at run time each
 * text gets a time limit, and running out of it fails that text rather than passing it through.
 */
final class CustomRuleDetector implements Detector {
    static final long PROBE_NANOS = 150_000_000L; // generous: a loaded machine must not refuse good rules
    private static final String[] PROBE_UNITS = {"a", "A", "1", " ", "-", ".", "_", "@", "ab", "a1", "a ", "1-"};

    private final CustomRule rule;
    private final Pattern pattern;
    private final Predicate<String> validator;
    private final long timeLimitNanos;

    CustomRuleDetector(CustomRule rule, long timeLimitNanos) {
        this.rule = rule;
        this.pattern = compile(rule);
        this.validator = CustomRule.validatorFor(rule.name(), rule.validator());
        this.timeLimitNanos = timeLimitNanos;
    }

    static Pattern compile(CustomRule rule) {
        Pattern p;
        try {
            p = Pattern.compile(rule.pattern());
        } catch (PatternSyntaxException e) {
            throw new InvalidRuleException("custom rule '" + rule.name() + "': regex does not compile: "
                    + e.getDescription() + " near index " + e.getIndex() + " of " + rule.pattern());
        }
        if (p.matcher("").matches()) {
            throw new InvalidRuleException("custom rule '" + rule.name() + "': regex matches the empty string");
        }
        probe(rule.name(), p);
        return p;
    }

    /** Exponential patterns like {@code (a+)+$} need seconds on ~30 repeated chars plus a mismatch. */
    private static void probe(String name, Pattern p) {
        for (String unit : PROBE_UNITS) {
            String probe = unit.repeat(32 / unit.length()) + "!\u0000";
            try {
                Matcher m = p.matcher(new DeadlineCharSequence(probe, System.nanoTime() + PROBE_NANOS, name));
                while (m.find()) {
                    // run every match: the blow-up can be in any of them
                }
            } catch (DeadlineCharSequence.RegexTimeoutException | StackOverflowError e) {
                throw new InvalidRuleException("custom rule '" + name + "': regex backtracks catastrophically "
                        + "(over " + PROBE_NANOS / 1_000_000 + " ms on a " + probe.length()
                        + "-character probe); rewrite it without nested or overlapping repetition");
            }
        }
    }

    @Override
    public void detect(String text, int from, int to, Field field, RegionStats stats, List<Finding> out) {
        Matcher m = pattern.matcher(new DeadlineCharSequence(text, System.nanoTime() + timeLimitNanos, rule.name()));
        m.region(from, to);
        try {
            while (m.find()) {
                if (m.end() > m.start() && validator.test(text.substring(m.start(), m.end()))) {
                    out.add(new Finding(field, m.start(), m.end(), rule.type(), 0.9));
                }
            }
        } catch (StackOverflowError e) {
            // java.util.regex recurses per repetition: a long text can exhaust the stack
            throw new AnonymizationException("custom rule '" + rule.name() + "' recursed too deeply on a " + (to - from)
                    + "-character text; the text was not anonymized");
        }
    }
}
