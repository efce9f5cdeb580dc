package dev.pairstudio.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The figures on the labeled synthetic corpus (recall, precision, leaks, re-parse, consistency). */
class CorpusFiguresTest {
    private static CorpusEvaluation eval;

    @BeforeAll
    static void run() {
        Pseudonymizer p = new Pseudonymizer("corpus-test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        eval = CorpusEvaluation.runStandard(new Anonymizer(Policy.defaults(), p), p);
        System.out.println(eval.report());
        eval.falsePositives.stream().limit(15).forEach(s -> System.out.println("FP " + s));
        eval.falseNegatives.stream().limit(15).forEach(s -> System.out.println("FN " + s));
    }

    @Test
    void corpusIsLargeEnough() {
        assertThat(eval.texts).isGreaterThanOrEqualTo(2500);
        assertThat(eval.pairs).isGreaterThanOrEqualTo(500);
    }

    @Test
    void recallMeetsTheTargets() {
        for (PiiType t : new PiiType[] {PiiType.EMAIL, PiiType.SSN, PiiType.CARD, PiiType.IP, PiiType.IBAN}) {
            assertThat(eval.score(t).recall()).as("recall " + t).isGreaterThanOrEqualTo(0.99);
        }
        assertThat(eval.score(PiiType.PHONE).recall()).as("recall PHONE").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void precisionMeetsTheTargetForEveryType() {
        eval.scores.forEach(
                (type, s) -> assertThat(s.precision()).as("precision " + type).isGreaterThanOrEqualTo(0.97));
    }

    @Test
    void noOriginalValueIsLeftInSqlAndEveryChangedSqlStillParses() {
        assertThat(eval.leaks).isZero();
        assertThat(eval.reparseFailures).isZero();
        assertThat(eval.reparsed).isGreaterThan(400);
    }

    @Test
    void questionAndSqlGetTheSameSurrogate() {
        assertThat(eval.consistencyChecked).isGreaterThan(500);
        assertThat(eval.inconsistent).isZero();
    }
}
