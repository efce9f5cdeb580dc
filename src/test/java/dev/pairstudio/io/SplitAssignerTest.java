package dev.pairstudio.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitAssignerTest {

    @Test
    void sameKeySameSplitAndRatiosCloseOnLargeSets() {
        SplitAssigner a = new SplitAssigner(SplitRatios.parse("80/10/10"), 42, SplitAssigner.Grouping.TEMPLATE);
        SplitAssigner again = new SplitAssigner(SplitRatios.parse("80/10/10"), 42, SplitAssigner.Grouping.TEMPLATE);
        Map<SplitAssigner.Split, Integer> counts = new EnumMap<>(SplitAssigner.Split.class);
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            String key = "f:" + Integer.toHexString(i * 31 + 7);
            SplitAssigner.Split s = a.assign(key);
            assertThat(again.assign(key)).isEqualTo(s);
            counts.merge(s, 1, Integer::sum);
        }
        assertThat(counts.get(SplitAssigner.Split.TRAIN) / (double) n).isCloseTo(0.8, org.assertj.core.data.Offset.offset(0.005));
        assertThat(counts.get(SplitAssigner.Split.VALIDATION) / (double) n).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.005));
        assertThat(counts.get(SplitAssigner.Split.TEST) / (double) n).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.005));
    }

    @Test
    void anotherSeedGivesAnotherAssignment() {
        SplitAssigner a = new SplitAssigner(SplitRatios.DEFAULT, 1, SplitAssigner.Grouping.TEMPLATE);
        SplitAssigner b = new SplitAssigner(SplitRatios.DEFAULT, 2, SplitAssigner.Grouping.TEMPLATE);
        int differ = 0;
        for (int i = 0; i < 1000; i++) {
            differ += a.assign("k" + i) == b.assign("k" + i) ? 0 : 1;
        }
        assertThat(differ).isGreaterThan(200);
    }

    @Test
    void ratiosParse() {
        assertThat(SplitRatios.parse("80/10/10").train()).isEqualTo(0.8);
        assertThat(SplitRatios.parse("90/10").test()).isZero();
        assertThat(SplitRatios.parse("0.7:0.2:0.1").toString()).isEqualTo("70/20/10");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SplitRatios.parse("a/b")).hasMessageContaining("80/10/10");
        SplitAssigner noTest = new SplitAssigner(SplitRatios.parse("90/10"), 3, SplitAssigner.Grouping.TEMPLATE);
        for (int i = 0; i < 500; i++) {
            assertThat(noTest.assign("x" + i)).isNotEqualTo(SplitAssigner.Split.TEST);
        }
    }
}
