package dev.pairstudio.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.store.LengthHistogram;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Length histograms: fine bins in the store, bins for people on the dashboard. */
class ReadableBinsTest {

    @Test
    void everyLengthFallsInTheBinWhoseBoundsHoldIt() {
        for (int length = 0; length < 7_000; length++) {
            int bin = LengthHistogram.bin(length);
            assertThat(length).as("bin %d", bin).isGreaterThanOrEqualTo(LengthHistogram.from(bin));
            Integer to = LengthHistogram.to(bin);
            if (to != null) {
                assertThat(length).isLessThanOrEqualTo(to);
            }
        }
        assertThat(LengthHistogram.bin(1_000_000)).isEqualTo(LengthHistogram.BINS - 1);
        assertThat(LengthHistogram.to(LengthHistogram.BINS - 1)).isNull();
    }

    @Test
    void questionsOfTwentyToNinetyCharactersGetNarrowBarsThatAllHoldPairs() {
        List<Integer> lengths = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 5_000; i++) {
            lengths.add(20 + random.nextInt(70));
        }
        List<Statistics.LengthBin> bins = ReadableBins.of(histogram(lengths), 12);
        assertThat(bins).hasSizeLessThanOrEqualTo(13);
        assertThat(bins.get(0).from()).isEqualTo(20);
        assertThat(bins).allSatisfy(b -> assertThat(b.pairs()).isPositive());
        assertThat(bins.get(0).to() - bins.get(0).from() + 1).as("width").isEqualTo(10);
        assertThat(bins.stream().mapToLong(Statistics.LengthBin::pairs).sum()).isEqualTo(5_000);
    }

    @Test
    void aLongTailGoesIntoOneOpenBin() {
        List<Integer> lengths = new ArrayList<>();
        for (int i = 0; i < 990; i++) {
            lengths.add(100 + i % 200);
        }
        for (int i = 0; i < 10; i++) {
            lengths.add(9_000 + i);
        }
        List<Statistics.LengthBin> bins = ReadableBins.of(histogram(lengths), 12);
        Statistics.LengthBin tail = bins.get(bins.size() - 1);
        assertThat(tail.to()).isNull();
        assertThat(tail.pairs()).isEqualTo(10);
        assertThat(bins.get(0).from()).isEqualTo(100);
        assertThat(bins.stream().mapToLong(Statistics.LengthBin::pairs).sum()).isEqualTo(1_000);
        assertThat(ReadableBins.of(histogram(List.of()), 12)).isEmpty();
    }

    private static List<Statistics.LengthBin> histogram(List<Integer> lengths) {
        long[] counts = new long[LengthHistogram.BINS];
        lengths.forEach(l -> counts[LengthHistogram.bin(l)]++);
        List<Statistics.LengthBin> fine = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            fine.add(new Statistics.LengthBin(LengthHistogram.from(i), LengthHistogram.to(i), counts[i]));
        }
        return fine;
    }
}
