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

    private Timestamps() {
    }

    public static String format(Instant t) {
        return SEED.format(t);
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
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant().truncatedTo(ChronoUnit.MICROS));
        } catch (DateTimeParseException ignored) {
            // no offset: try local forms
        }
        try {
            return Optional.of(LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
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
