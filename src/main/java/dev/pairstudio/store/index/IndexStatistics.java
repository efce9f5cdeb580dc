package dev.pairstudio.store.index;

import dev.pairstudio.store.LengthHistogram;
import dev.pairstudio.store.StatCounts;
import dev.pairstudio.store.StatGroup;
import dev.pairstudio.store.StatSink;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The statistics facts of the rows matching a filter, summed from the index in one pass: per
 * profile a count and summed lengths; per UTC day a count; over all rows the length histograms and
 * the earliest and latest timestamp. Arrays indexed by profile, day and bin, so a million rows take
 * milliseconds.
 */
public final class IndexStatistics {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final PairIndex index;
    private final long[] count;
    private final long[] questionLength;
    private final long[] sqlLength;
    private final long[] questionBins;
    private final long[] sqlBins;
    private long firstDay = Long.MAX_VALUE;
    private long[] days = new long[0];
    private long firstTs = Long.MAX_VALUE;
    private long lastTs = Long.MIN_VALUE;
    private final List<StatGroup> groups;

    private IndexStatistics(PairIndex index) {
        this.index = index;
        int profiles = index.profileCount();
        count = new long[profiles];
        questionLength = new long[profiles];
        sqlLength = new long[profiles];
        questionBins = new long[LengthHistogram.BINS];
        sqlBins = new long[LengthHistogram.BINS];
        groups = new ArrayList<>(profiles);
        for (int p = 0; p < profiles; p++) {
            groups.add(index.group(p));
        }
    }

    public static IndexStatistics of(PairIndex index, IndexFilter filter) {
        IndexStatistics s = new IndexStatistics(index);
        for (int o = 0; o < index.size(); o++) {
            if (filter.test(o)) {
                s.add(o);
            }
        }
        return s;
    }

    private void add(int o) {
        int p = index.profile(o);
        int q = index.questionLength(o);
        int s = index.sqlLength(o);
        count[p]++;
        questionLength[p] += q;
        sqlLength[p] += s;
        questionBins[LengthHistogram.bin(q)]++;
        sqlBins[LengthHistogram.bin(s)]++;
        long ts = index.ts(o);
        firstTs = Math.min(firstTs, ts);
        lastTs = Math.max(lastTs, ts);
        long day = Math.floorDiv(ts, MICROS_PER_DAY);
        if (day < firstDay) {
            int shift = firstDay == Long.MAX_VALUE ? 0 : (int) (firstDay - day);
            long[] grown = new long[days.length + shift];
            System.arraycopy(days, 0, grown, shift, days.length);
            days = grown;
            firstDay = day;
        }
        int at = (int) (day - firstDay);
        if (at >= days.length) {
            days = Arrays.copyOf(days, Math.max(at + 1, days.length * 2));
        }
        days[at]++;
    }

    /** Hands the facts to the sink (outside the index lock: the groups were copied). */
    public void emit(StatSink sink) {
        for (int p = 0; p < count.length; p++) {
            if (count[p] > 0) {
                sink.group(groups.get(p), new StatCounts(count[p], questionLength[p], sqlLength[p]));
            }
        }
        sink.lengths(questionBins.clone(), sqlBins.clone());
        if (firstTs <= lastTs) {
            sink.timeRange(IndexRows.instant(firstTs), IndexRows.instant(lastTs));
        }
        for (int d = 0; d < days.length; d++) {
            if (days[d] > 0) {
                sink.day(LocalDate.ofEpochDay(firstDay + d), days[d]);
            }
        }
    }
}
