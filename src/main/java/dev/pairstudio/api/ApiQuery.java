package dev.pairstudio.api;

import dev.pairstudio.pair.ComplexityLevel;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Timestamps;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A request's query string and the filter it asks for (SEED-CONTRACT.md §2 "Parsing" with the
 * §6 decisions): {@code start_date}/{@code end_date} as {@code YYYY-MM-DD} (whole UTC days,
 * inclusive) or ISO-8601 timestamps (that instant, inclusive), an unparseable value a 400 naming
 * it; {@code successful_only} true only for "true" in any case; and the store's other filters.
 * An empty value means absent, as in the seed.
 */
final class ApiQuery {
    private final Map<String, List<String>> params;

    private ApiQuery(Map<String, List<String>> params) {
        this.params = params;
    }

    static ApiQuery parse(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String part : rawQuery.split("&")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String key = decode(eq < 0 ? part : part.substring(0, eq));
                String value = eq < 0 ? "" : decode(part.substring(eq + 1));
                params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        }
        return new ApiQuery(params);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Malformed query string: " + e.getMessage());
        }
    }

    /** The first non-empty value, or null. */
    String get(String name) {
        List<String> values = params.get(name);
        if (values == null) {
            return null;
        }
        for (String v : values) {
            if (!v.isEmpty()) {
                return v;
            }
        }
        return null;
    }

    /** Every non-empty value; for {@code commaLists}, comma-separated values are split too. */
    List<String> all(String name, boolean commaLists) {
        List<String> out = new ArrayList<>();
        for (String v : params.getOrDefault(name, List.of())) {
            if (commaLists) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            } else if (!v.isEmpty()) {
                out.add(v);
            }
        }
        return out;
    }

    /** An integer at least 0, or {@code dflt} when absent; anything else is a 400 naming it. */
    int nonNegativeInt(String name, int dflt, int max) {
        String v = get(name);
        if (v == null) {
            return dflt;
        }
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid " + name + ": \"" + HttpIo.shorten(v) + "\" is not an integer");
        }
        if (n < 0 || n > max) {
            throw ApiException.badRequest("Invalid " + name + ": " + n + " (must be between 0 and " + max + ")");
        }
        return (int) n;
    }

    /** The seed's date filters only: {@code start_date}, {@code end_date}. */
    PairFilter dates(PairFilter base) {
        Instant from = null;
        Instant to = null;
        String start = get("start_date");
        if (start != null) {
            from = parseDate("start_date", start, false);
        }
        String end = get("end_date");
        if (end != null) {
            to = parseDate("end_date", end, true);
        }
        return base.withDates(from, to);
    }

    /** Dates, {@code successful_only} and the store's filters: everything the list and export read. */
    PairFilter filter() {
        PairFilter f = dates(PairFilter.ALL);
        String successfulOnly = get("successful_only");
        if (successfulOnly != null && successfulOnly.toLowerCase(Locale.ROOT).equals("true")) {
            f = f.withSuccess(true);
        }
        String success = get("success");
        if (success != null) {
            if (f.success() != null && !success.equalsIgnoreCase("true")) {
                throw ApiException.badRequest(
                        "successful_only=true and success=" + HttpIo.shorten(success) + " contradict each other");
            }
            f = f.withSuccess(bool("success", success));
        }
        Set<String> types = set("database_type");
        if (!types.isEmpty()) {
            f = f.withDatabaseTypes(types);
        }
        Set<String> names = set("database_name");
        if (!names.isEmpty()) {
            f = f.withDatabaseNames(names);
        }
        f = f.withQueryTypes(enums("query_type", QueryType.class, QueryType::valueOf));
        f = f.withStatuses(enums("status", ReviewStatus.class, ReviewStatus::valueOf));
        f = f.withFlags(enums("flag", QualityFlag.class, QualityFlag::valueOf));
        f = f.withComplexity(enums("complexity", ComplexityLevel.class, ComplexityLevel::valueOf));
        Set<String> pii = new LinkedHashSet<>();
        for (String p : all("pii_type", true)) {
            pii.add(
                    p.toUpperCase(Locale.ROOT).startsWith("CUSTOM:")
                            ? "CUSTOM:" + p.substring(7)
                            : p.toUpperCase(Locale.ROOT));
        }
        f = f.withPiiTypes(pii);
        Set<String> tables = new LinkedHashSet<>(all("table", true));
        f = f.withTables(tables);
        String text = get("text");
        if (text != null) {
            String regex = get("regex");
            f = f.withText(text, regex != null && bool("regex", regex));
        }
        return f;
    }

    private Set<String> set(String name) {
        return new LinkedHashSet<>(all(name, false));
    }

    private <E extends Enum<E>> Set<E> enums(String name, Class<E> type, Function<String, E> valueOf) {
        Set<E> out = EnumSet.noneOf(type);
        for (String v : all(name, true)) {
            try {
                out.add(valueOf.apply(v.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                List<String> allowed = new ArrayList<>();
                for (E c : type.getEnumConstants()) {
                    allowed.add(c.name());
                }
                throw ApiException.badRequest("Invalid " + name + ": \"" + HttpIo.shorten(v) + "\" (one of "
                        + String.join(", ", allowed) + ")");
            }
        }
        return out;
    }

    private static boolean bool(String name, String v) {
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw ApiException.badRequest("Invalid " + name + ": \"" + HttpIo.shorten(v) + "\" (true or false)");
    }

    /**
     * A bare date covers its whole UTC day: a start is that midnight, an end the next midnight
     * (exclusive bound). A timestamp is that instant, inclusive at either end.
     */
    static Instant parseDate(String name, String value, boolean end) {
        String v = value.trim();
        try {
            LocalDate day = LocalDate.parse(v);
            Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            return end ? midnight.plus(1, ChronoUnit.DAYS) : midnight;
        } catch (DateTimeParseException notADay) {
            Instant t = Timestamps.parse(v)
                    .orElseThrow(() -> ApiException.badRequest("Invalid " + name + ": \"" + HttpIo.shorten(value)
                            + "\" (use YYYY-MM-DD or an ISO-8601 timestamp such as 2024-01-31T12:00:00Z)"));
            return end ? t.plus(1, ChronoUnit.MICROS) : t;
        }
    }
}
