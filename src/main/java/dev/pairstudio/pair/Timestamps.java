package dev.pairstudio.pair;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The seed's timestamp form: UTC, no zone, six fraction digits (SEED-CONTRACT.md §6). */
public final class Timestamps {
    private static final DateTimeFormatter SEED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    public static String format(Instant t) {
        long seconds = t.getEpochSecond();
        if (seconds < FIRST_FAST || seconds >= END_FAST) {
            return SEED.format(t); // years before 1 and after 9999 have signs and more digits
        }
        // by hand: an export formats a million of these, and the formatter was a seventh of writing them
        LocalDateTime d = LocalDateTime.ofEpochSecond(seconds, t.getNano(), ZoneOffset.UTC);
        char[] c = "0000-00-00T00:00:00.000000".toCharArray();
        digits(c, 0, 4, d.getYear());
        digits(c, 5, 2, d.getMonthValue());
        digits(c, 8, 2, d.getDayOfMonth());
        digits(c, 11, 2, d.getHour());
        digits(c, 14, 2, d.getMinute());
        digits(c, 17, 2, d.getSecond());
        digits(c, 20, 6, d.getNano() / 1_000);
        return new String(c);
    }

    /**
     * The seed's own form ({@code 2025-03-01T12:00:00.123456}, 'T' or a space, 0-9 fraction digits),
     * read by hand; null for anything else, which {@link #parse} reads as before. An import parses a
     * million of these, and trying {@link OffsetDateTime#parse} first (an exception per value) was a
     * quarter of the reading thread. Values out of range (month 13) are left to the general path.
     */
    private static Instant seedForm(String s) {
        int n = s.length();
        if (n < 19 || n == 20 || n > 29 || (n > 19 && s.charAt(19) != '.')) {
            return null;
        }
        if (s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 7);
        int day = number(s, 8, 10);
        int hour = number(s, 11, 13);
        int minute = number(s, 14, 16);
        int second = number(s, 17, 19);
        int fraction = n > 19 ? number(s, 20, n) : 0;
        if ((year | month | day | hour | minute | second | fraction) < 0) {
            return null;
        }
        for (int k = n; k < 29; k++) {
            fraction *= 10; // nanoseconds
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, fraction)
                    .toInstant(ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.MICROS);
        } catch (java.time.DateTimeException outOfRange) {
            return null;
        }
    }

    /** The decimal digits from..to as a number; -1 when any is not an ASCII digit. */
    private static int number(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** 0001-01-01 and 10000-01-01 UTC. */
    private static final long FIRST_FAST = -62_135_596_800L;

    private static final long END_FAST = 253_402_300_800L;

    private static void digits(char[] c, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Now, cut to microseconds as stored. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Any ISO-8601 form: with an offset (converted to UTC), without one (taken as UTC),
     * or a bare date (midnight UTC). Empty when the text is not a timestamp.
     */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Instant seedForm = seedForm(s);
        if (seedForm != null) {
            return Optional.of(seedForm);
        }
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant().truncatedTo(ChronoUnit.MICROS));
        } catch (DateTimeParseException ignored) {
            // no offset: try local forms
        }
        try {
            return Optional.of(LocalDateTime.parse(s.replace(' ', 'T'))
                    .toInstant(ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.MICROS));
        } catch (DateTimeParseException ignored) {
            // not a date-time: try a bare date
        }
        try {
            return Optional.of(LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
