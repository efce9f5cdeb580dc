package dev.pairstudio.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Hostile input: never a crash or a hang, always either a result or a clear error. */
class BadInputTest {
    private static final Pseudonymizer KEY = new Pseudonymizer(new byte[32]);
    private final Anonymizer anon = new Anonymizer(Policy.defaults(), KEY);

    @Test
    void oneMegabyteTextIsAnonymizedWithoutHanging() {
        StringBuilder sb = new StringBuilder();
        Random r = new Random(7);
        while (sb.length() < 1_000_000) {
            sb.append("row ")
                    .append(r.nextInt(100000))
                    .append(" at 2024-01-0")
                    .append(1 + r.nextInt(9))
                    .append(" by jane")
                    .append(r.nextInt(50))
                    .append("@example.com");
            if (r.nextInt(20) == 0) {
                sb.append(", call 415-555-01").append(10 + r.nextInt(90));
            }
            sb.append(". ");
        }
        // a guard against hanging, not a speed figure (that is the benchmark's job)
        AnonymizedText t =
                Assertions.assertTimeoutPreemptively(Duration.ofSeconds(120), () -> anon.anonymizeText(sb.toString()));
        assertThat(t.after()).doesNotContain("jane1@example.com").doesNotContain("415-555-011");
        AnonymizedPair p = anon.anonymizePair("q", "SELECT '" + sb.toString().replace("'", "''") + "'", null, null);
        assertThat(p.sql().after()).doesNotContain("jane1@example.com");
    }

    @Test
    void binaryGarbageAndUnpairedSurrogates() {
        Random r = new Random(11);
        for (int i = 0; i < 200; i++) {
            char[] cs = new char[r.nextInt(400)];
            for (int k = 0; k < cs.length; k++) {
                cs[k] = (char) r.nextInt(i % 2 == 0 ? 0x10000 : 128);
            }
            String s = new String(cs);
            assertThat(anon.anonymizeText(s).before()).isEqualTo(s);
            assertThat(anon.anonymizePair(s, s, "mysql", s).question().before()).isEqualTo(s);
        }
        String lone = "\uD800 jane@example.com \uDC00 (415) 555-0132 \uD83D";
        AnonymizedText t = anon.anonymizeText(lone);
        assertThat(t.after()).startsWith("\uD800 ").endsWith(" \uD83D").doesNotContain("jane@");
    }

    @Test
    void customRegexesThatDoNotCompileAreRefusedByName() {
        Policy p = Policy.builder()
                .customRule(new CustomRule("emp", "EMP-(\\d{6}"))
                .build();
        assertThatThrownBy(() -> new Anonymizer(p, KEY))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("custom rule 'emp'")
                .hasMessageContaining("does not compile");
        assertThatThrownBy(() -> new Anonymizer(
                        Policy.builder().customRule(new CustomRule("e", "x*")).build(), KEY))
                .hasMessageContaining("matches the empty string");
        assertThatThrownBy(() -> new CustomRule("bad name!", "x")).hasMessageContaining("rule name");
        assertThatThrownBy(() -> new CustomRule("v", "x", "crc99")).hasMessageContaining("unknown validator 'crc99'");
    }

    @Test
    void catastrophicRegexesAreRefusedOrStoppedInTime() {
        for (String evil : new String[] {"(a+)+$", "(a|aa)+b", "(\\w+\\s?)+!X", "(.*a){12}"}) {
            Policy p = Policy.builder().customRule(new CustomRule("evil", evil)).build();
            long t0 = System.nanoTime();
            try {
                Anonymizer a = new Anonymizer(p, KEY, 100);
                a.anonymizeText("a".repeat(5000) + "!");
            } catch (InvalidRuleException | AnonymizationException e) {
                assertThat(e.getMessage()).contains("custom rule 'evil'");
            }
            assertThat((System.nanoTime() - t0) / 1_000_000).as(evil).isLessThan(3_000);
        }
    }

    @Test
    void aRuleThatRunsOutOfTimeFailsTheTextInsteadOfPassingItThrough() {
        // polynomial, so it passes the short probes, but far too slow on a long text
        Policy p = Policy.builder()
                .customRule(new CustomRule("slow", "[ab]*[ab]*[ab]*c"))
                .build();
        Anonymizer a = new Anonymizer(p, KEY, 50);
        assertThatThrownBy(() -> a.anonymizeText("ab".repeat(20_000)))
                .isInstanceOf(AnonymizationException.class)
                .hasMessageContaining("custom rule 'slow'")
                .hasMessageContaining("time limit")
                .hasMessageContaining("not anonymized");
    }
}
