package dev.pairstudio.store.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The index's columns grow without doubling the heap of a large store (issue 24, 10M pairs): a
 * window over 10,000,000 pairs (a snapshot read at exactly that size) that stores one more pair
 * must not need room for 15,000,000.
 */
class PairIndexGrowthTest {

    @Test
    void aLargeIndexGrowsByAnEighthForOneMorePair() {
        int tenMillion = 10_000_000;
        int grown = PairIndex.grownCapacity(tenMillion, tenMillion + 1);
        assertThat(grown).isGreaterThan(tenMillion).isLessThanOrEqualTo(tenMillion + tenMillion / 8);
        // ~117 bytes a row: the next pair costs at most ~150 MB of columns, not ~590 MB
        assertThat((grown - (long) tenMillion) * 117).isLessThan(150L << 20);
    }

    @Test
    void aSmallIndexStillGrowsByHalfSoThatAnImportCopiesItsColumnsRarely() {
        assertThat(PairIndex.grownCapacity(0, 1)).isEqualTo(1024);
        assertThat(PairIndex.grownCapacity(100_000, 100_001)).isEqualTo(150_000);
        assertThat(PairIndex.grownCapacity(100_000, 400_000)).isEqualTo(400_000);
        assertThat(PairIndex.grownCapacity(100_000, 99_999)).isEqualTo(100_000);
    }

    @Test
    void growingNeverOverflowsPastTheLargestArray() {
        assertThat(PairIndex.grownCapacity(Integer.MAX_VALUE - 100, Integer.MAX_VALUE - 99))
                .isEqualTo(Integer.MAX_VALUE - 8);
    }
}
