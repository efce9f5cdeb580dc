package dev.pairstudio.pair;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The seed's timestamp text, written by hand for speed, against the JDK's formatter of the same pattern. */
class TimestampsTest {
    private static final DateTimeFormatter JDK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    @Test
    void everyInstantReadsAsTheJdkFormatterWritesIt() {
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 200_000; i++) {
            // mostly the years data comes from, some anywhere the type allows
            long seconds = i % 10 == 0
                    ? random.nextLong(-400_000_000_000L, 400_000_000_000L)
                    : random.nextLong(0, 4_102_444_800L);
            Instant t = Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000));
            assertThat(Timestamps.format(t)).as("%s", t).isEqualTo(JDK.format(t));
        }
    }

    @Test
    void theEdgesOfTheFourDigitYearsAndOfTheDay() {
        for (String iso : new String[] {
            "0001-01-01T00:00:00Z",
            "0000-12-31T23:59:59.999999999Z",
            "9999-12-31T23:59:59.999999Z",
            "+10000-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.000001Z",
            "2024-02-29T12:00:00.5Z",
            "2025-01-02T03:04:05.123456789Z"
        }) {
            Instant t = Instant.parse(iso);
            assertThat(Timestamps.format(t)).as(iso).isEqualTo(JDK.format(t));
        }
        assertThat(Timestamps.format(Instant.parse("2025-01-02T03:04:05.123456Z")))
                .isEqualTo("2025-01-02T03:04:05.123456");
    }
}
