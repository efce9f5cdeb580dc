package dev.pairstudio.pair;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PluralTest {
    @ParameterizedTest
    @CsvSource({"0, 0 pairs", "1, 1 pair", "2, 2 pairs", "1000, '1,000 pairs'", "1000000, '1,000,000 pairs'"})
    void countsWithThousandsSeparators(long n, String expected) {
        assertThat(Plural.of(n, "pair")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1, 1 query", "12, 12 queries"})
    void irregularPlurals(long n, String expected) {
        assertThat(Plural.of(n, "query", "queries")).isEqualTo(expected);
    }
}
