package dev.pairstudio.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuestionNormalizerTest {

    @Test
    void caseSpacingWidthAndTrailingPunctuationDoNotMatter() {
        String base = QuestionNormalizer.normalize("How many singers are there?");
        assertThat(base).isEqualTo("how many singers are there");
        assertThat(QuestionNormalizer.normalize("  HOW  many\tsingers\u00A0are there ?! "))
                .isEqualTo(base);
        assertThat(QuestionNormalizer.normalize("Ｈｏｗ many singers are there。")).isEqualTo(base);
    }

    @Test
    void wordsAndInnerPunctuationStay() {
        assertThat(QuestionNormalizer.normalize("What's the total (in 2020)?")).isEqualTo("what's the total (in 2020)");
        assertThat(QuestionNormalizer.normalize("Orders > 5, by city.")).isEqualTo("orders > 5, by city");
        assertThat(QuestionNormalizer.normalize(null)).isEmpty();
    }
}
