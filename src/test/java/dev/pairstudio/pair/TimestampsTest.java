package dev.pairstudio.pair;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
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

    /**
     * The hand-read seed form (issue 24 item 4) gives what the JDK's ISO parsers give, tried in
     * the order parse used before it: with an offset, without one (' ' or 'T'), a bare date.
     */
    @Test
    void readingTheSeedFormByHandGivesWhatTheJdkParsersGive() {
        SplittableRandom random = new SplittableRandom(24);
        for (int i = 0; i < 200_000; i++) {
            long seconds = i % 10 == 0
                    ? random.nextLong(-62_135_596_800L, 253_402_300_799L)
                    : random.nextLong(0, 4_102_444_800L);
            String whole = JDK.format(Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000)))
                    .substring(0, 19);
            int digits = random.nextInt(10);
            StringBuilder text = new StringBuilder(whole);
            if (digits > 0) {
                text.append('.');
                for (int d = 0; d < digits; d++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
            }
            if (random.nextInt(4) == 0) {
                text.setCharAt(10, ' ');
            }
            String t = text.toString();
            assertThat(Timestamps.parse(t)).as(t).isEqualTo(jdk(t));
        }
        for (String odd : new String[] {
            "2025-13-01T00:00:00",
            "2025-02-29T00:00:00",
            "2024-02-29T00:00:00",
            "2025-04-31T10:00:00",
            "2025-01-01T24:00:00",
            "2025-01-01T23:60:00",
            "2025-01-01T23:59:60",
            "2025-01-01T00:00:00.",
            "2025-01-01T00:00:00.1234567890",
            "2025-01-01T00:00:00,5",
            "2025-01-01X00:00:00",
            "2025-01-01T00:00",
            "2025-01-01T00:00:00Z",
            "2025-01-01T00:00:00.123456+02:00",
            "2025-01-01",
            "0000-01-01T00:00:00",
            "9999-12-31T23:59:59.999999999",
            "+2025-01-01T00:00:00",
            "2025-1-01T00:00:00",
            "2025-01-01T00:00:0a",
            "٢٠٢٥-01-01T00:00:00",
            "  2025-03-01T12:00:00.123456  ",
            "yesterday"
        }) {
            assertThat(Timestamps.parse(odd)).as(odd).isEqualTo(jdk(odd));
        }
    }

    /** What Timestamps.parse did before the seed form was read by hand. */
    private static Optional<Instant> jdk(String text) {
        String s = text.trim();
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant().truncatedTo(ChronoUnit.MICROS));
        } catch (DateTimeParseException e) {
            // no offset
        }
        try {
            return Optional.of(LocalDateTime.parse(s.replace(' ', 'T'))
                    .toInstant(ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.MICROS));
        } catch (DateTimeParseException e) {
            // no time
        }
        try {
            return Optional.of(LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
