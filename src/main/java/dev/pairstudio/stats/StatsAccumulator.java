package dev.pairstudio.stats;

import dev.pairstudio.pair.ComplexityLevel;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.store.LengthHistogram;
import dev.pairstudio.store.StatCounts;
import dev.pairstudio.store.StatGroup;
import dev.pairstudio.store.StatSink;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Sums statistics facts from the store into {@link Statistics}. */
final class StatsAccumulator implements StatSink {
    static final String UNANALYSED = "UNANALYSED";

    private long total;
    private long successful;
    private long questionLength;
    private long sqlLength;
    private final TreeSet<String> databaseTypes = new TreeSet<>();
    private final Map<String, Long> tables = new HashMap<>();
    private final EnumMap<QueryType, Long> types = new EnumMap<>(QueryType.class);
    private final EnumMap<ReviewStatus, Long> statuses = new EnumMap<>(ReviewStatus.class);
    private final Map<String, Long> complexity = new HashMap<>();
    private final Map<String, Long> pii = new TreeMap<>();
    private final TreeMap<LocalDate, Long> days = new TreeMap<>();
    private long duplicates;
    private long conflicts;
    private long nearDuplicates;
    /** Per database name: {pairs, validated, valid}. */
    private final Map<String, long[]> validity = new TreeMap<>();

    private final long[] questionBins = new long[LengthHistogram.BINS];
    private final long[] sqlBins = new long[LengthHistogram.BINS];
    private Instant start;
    private Instant end;

    @Override
    public void day(LocalDate day, long pairs) {
        days.merge(day, pairs, Long::sum);
    }

    @Override
    public void group(StatGroup g, StatCounts c) {
        long n = c.count();
        if (n == 0) {
            return;
        }
        total += n;
        if (g.success()) {
            successful += n;
        }
        questionLength += c.questionLength();
        sqlLength += c.sqlLength();
        if (g.databaseType() != null && !g.databaseType().isEmpty()) {
            databaseTypes.add(g.databaseType());
        }
        for (String t : g.tables()) {
            tables.merge(t, n, Long::sum);
        }
        types.merge(g.statementType(), n, Long::sum);
        statuses.merge(g.status(), n, Long::sum);
        complexity.merge(g.complexity() == null ? UNANALYSED : g.complexity().name(), n, Long::sum);
        for (String t : g.piiTypes()) {
            pii.merge(t, n, Long::sum);
        }
        if ((g.flags() & QualityFlag.DUPLICATE.bit()) != 0) {
            duplicates += n;
        }
        if ((g.flags() & QualityFlag.CONFLICT.bit()) != 0) {
            conflicts += n;
        }
        if ((g.flags() & QualityFlag.NEAR_DUPLICATE.bit()) != 0) {
            nearDuplicates += n;
        }
        countValidity(g, n);
    }

    @Override
    public void lengths(long[] questionHistogram, long[] sqlHistogram) {
        for (int i = 0; i < LengthHistogram.BINS; i++) {
            questionBins[i] += questionHistogram[i];
            sqlBins[i] += sqlHistogram[i];
        }
    }

    @Override
    public void timeRange(Instant first, Instant last) {
        start = start == null || first.isBefore(start) ? first : start;
        end = end == null || last.isAfter(end) ? last : end;
    }

    private static final long SCHEMA_ERRORS = schemaErrorBits();

    private static long schemaErrorBits() {
        long bits = 0;
        for (QualityFlag f : QualityFlag.values()) {
            bits |= f.schemaError() ? f.bit() : 0;
        }
        return bits;
    }

    private void countValidity(StatGroup g, long n) {
        String db = g.databaseName() == null ? "" : g.databaseName();
        long[] v = validity.computeIfAbsent(db, k -> new long[3]);
        v[0] += n;
        if ((g.flags() & StatGroup.VALIDATED) != 0) {
            v[1] += n;
            v[2] += (g.flags() & SCHEMA_ERRORS) == 0 ? n : 0;
        }
    }

    private Map<String, Statistics.SchemaValidity> validity() {
        Map<String, Statistics.SchemaValidity> out = new TreeMap<>();
        validity.forEach((db, v) -> {
            if (v[1] > 0) {
                out.put(db, new Statistics.SchemaValidity(v[0], v[1], v[2]));
            }
        });
        return Collections.unmodifiableMap(out);
    }

    Statistics result() {
        Map<ReviewStatus, Long> status = new EnumMap<>(ReviewStatus.class);
        for (ReviewStatus s : ReviewStatus.values()) {
            status.put(s, statuses.getOrDefault(s, 0L));
        }
        Map<String, Long> levels = new LinkedHashMap<>();
        for (ComplexityLevel l : ComplexityLevel.values()) {
            if (complexity.containsKey(l.name())) {
                levels.put(l.name(), complexity.get(l.name()));
            }
        }
        if (complexity.containsKey(UNANALYSED)) {
            levels.put(UNANALYSED, complexity.get(UNANALYSED));
        }
        List<Statistics.TableCount> top = new ArrayList<>();
        tables.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(Statistics.TOP_TABLES)
                .forEach(e -> top.add(new Statistics.TableCount(e.getKey(), e.getValue())));
        return new Statistics(
                total,
                successful,
                total - successful,
                List.copyOf(new TreeSet<>(tables.keySet())),
                List.copyOf(databaseTypes),
                total == 0 ? 0.0 : (double) questionLength / total,
                total == 0 ? 0.0 : (double) sqlLength / total,
                start,
                end,
                Collections.unmodifiableMap(new EnumMap<>(types.isEmpty() ? new EnumMap<>(QueryType.class) : types)),
                Collections.unmodifiableMap(status),
                Collections.unmodifiableMap(levels),
                duplicates,
                conflicts,
                nearDuplicates,
                Collections.unmodifiableMap(new TreeMap<>(pii)),
                Collections.unmodifiableSortedMap(new TreeMap<>(days)),
                List.copyOf(top),
                bins(questionBins),
                bins(sqlBins),
                validity());
    }

    private static List<Statistics.LengthBin> bins(long[] counts) {
        List<Statistics.LengthBin> out = new ArrayList<>();
        for (int i = 0; i < LengthHistogram.BINS; i++) {
            out.add(new Statistics.LengthBin(LengthHistogram.from(i), LengthHistogram.to(i), counts[i]));
        }
        return List.copyOf(out);
    }
}
