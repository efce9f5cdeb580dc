package dev.pairstudio.export;

import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.sql.NearDuplicateIndex;
import dev.pairstudio.sql.SqlTemplate;
import dev.pairstudio.store.PairReader;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StatGroup;
import dev.pairstudio.store.StoredPair;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Leakage-safe split assignment. Pairs that share a duplicate group (the store's exact and
 * near-duplicate questions: the caller keeps them up to date, as the window and the CLI do), a SQL template, or with {@link Grouping#DATABASE} a database, belong
 * together: the groups are the connected components of that relation (union-find over the scope,
 * fed pair by pair). Whole components are then dealt to the splits, largest first and in a seeded
 * order among equals, each to the split whose per-stratum quotas (query type, and with
 * {@code stratify} complexity) it brings closest to the requested shares. A component is never
 * broken; when one is too big for the shares, the {@link SplitPlan} says so with the shares achieved.
 *
 * <p>Memory is a few ints and longs per pair: about 60 MB at a million pairs while planning, the
 * ids, splits and template hashes (17 MB) after.
 */
public final class SplitAssigner {

    /** What pairs are kept together besides duplicates, near duplicates and templates. */
    public enum Grouping {
        /** Duplicate group and SQL template. */
        TEMPLATE,
        /** Also the database name (Spider's way): no database is in two splits. */
        DATABASE
    }

    public enum Split {
        TRAIN("train"),
        VALIDATION("validation"),
        TEST("test");

        public final String label;

        Split(String label) {
            this.label = label;
        }
    }

    /** Achieved shares within this many percentage points of the requested ones count as met. */
    static final double TOLERANCE = 0.01;

    private final SplitRatios ratios;
    private final long seed;
    private final Grouping grouping;
    private final boolean stratify;
    private long[] ids;
    private long[] groupKey;
    private long[] templateKey;
    private long[] databaseKey;
    private byte[] stratum;
    private int size;
    private final Map<String, Integer> strata = new LinkedHashMap<>();

    /** @param expected how many pairs will be added (sizes the arrays; more may come) */
    public SplitAssigner(SplitRatios ratios, long seed, Grouping grouping, boolean stratify, int expected) {
        this.ratios = ratios;
        this.seed = seed;
        this.grouping = grouping;
        this.stratify = stratify;
        int n = Math.max(16, expected);
        ids = new long[n];
        groupKey = new long[n];
        templateKey = new long[n];
        databaseKey = grouping == Grouping.DATABASE ? new long[n] : null;
        stratum = new byte[n];
    }

    /** Adds the next pair of the scope; ids must ascend (the store's insertion order). */
    public void add(StoredPair p) {
        if (size > 0 && p.id() <= ids[size - 1]) {
            throw new IllegalArgumentException("pairs must come in insertion order");
        }
        if (size == ids.length) {
            int c = size + (size >> 1);
            ids = Arrays.copyOf(ids, c);
            groupKey = Arrays.copyOf(groupKey, c);
            templateKey = Arrays.copyOf(templateKey, c);
            databaseKey = databaseKey == null ? null : Arrays.copyOf(databaseKey, c);
            stratum = Arrays.copyOf(stratum, c);
        }
        int i = size++;
        PairAnalysis a = p.analysis();
        ids[i] = p.id();
        groupKey[i] = a.duplicateGroup() == null ? 0 : nonZero(NearDuplicateIndex.hash("g" + a.duplicateGroup()));
        templateKey[i] = nonZero(NearDuplicateIndex.hash(template(p)));
        if (databaseKey != null) {
            String db = p.pair().databaseName();
            databaseKey[i] = db == null || db.isEmpty() ? 0 : nonZero(NearDuplicateIndex.hash(db));
        }
        stratum[i] = (byte) (int) strata.computeIfAbsent(stratumName(p), k -> strata.size());
        if (strata.size() > 127) {
            throw new IllegalStateException("more than 127 strata");
        }
    }

    /**
     * Plans the split of what an export of {@code filter} writes: its first {@code limit} pairs in
     * insertion order, less {@code drop}. Null when {@code cancelled} says so.
     */
    public static SplitPlan plan(
            PairReader store,
            PairFilter filter,
            long limit,
            IdSet drop,
            SplitRatios ratios,
            long seed,
            Grouping grouping,
            boolean stratify,
            BooleanSupplier cancelled) {
        SplitAssigner a =
                new SplitAssigner(ratios, seed, grouping, stratify, (int) Math.min(Integer.MAX_VALUE - 8, limit));
        long[] seen = {0};
        try {
            store.forEach(filter, PairSort.INSERTION, p -> {
                if (cancelled.getAsBoolean()) {
                    throw new Cancelled();
                }
                if (seen[0]++ < limit && !drop.contains(p.id())) {
                    a.add(p);
                }
            });
        } catch (Cancelled e) {
            return null;
        }
        return a.plan();
    }

    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    /**
     * The template the grouping and the export's check compare, from the SQL as it is now (a stored
     * fingerprint may predate an edit or a change of the template rules; identical SQL must never
     * have two templates).
     */
    static String template(StoredPair p) {
        return SqlTemplate.of(p.pair().sql(), p.pair().databaseType());
    }

    private String stratumName(StoredPair p) {
        QueryType type = p.analysis().queryType() != null
                ? p.analysis().queryType()
                : StatGroup.guessType(p.pair().sql());
        if (!stratify) {
            return type.name();
        }
        return type.name() + "/"
                + (p.analysis().complexity() == null
                        ? "UNKNOWN"
                        : p.analysis().complexity().name());
    }

    private static long nonZero(long h) {
        return h == 0 ? 1 : h;
    }

    /** The components, dealt to the splits. The assigner is spent after. */
    public SplitPlan plan() {
        int n = size;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        unionEqual(groupKey, parent, n);
        groupKey = null;
        unionEqual(templateKey, parent, n);
        long[] templates =
                templateKey.length == n ? templateKey : Arrays.copyOf(templateKey, n); // the check compares them again
        templateKey = null;
        if (databaseKey != null) {
            unionEqual(databaseKey, parent, n);
            databaseKey = null;
        }
        // every pair as (component root, stratum), sorted: the components and their strata in runs
        long[] byComponent = new long[n];
        int[] pairOf = new int[n];
        for (int i = 0; i < n; i++) {
            byComponent[i] = ((long) find(parent, i) << 8) | stratum[i];
            pairOf[i] = i;
        }
        parent = null;
        LongRadixSort.sort(byComponent, pairOf);
        int components = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || byComponent[i] >>> 8 != byComponent[i - 1] >>> 8) {
                components++;
            }
        }
        int[] start = new int[components + 1];
        long[] order = new long[components];
        int[] orderIndex = new int[components];
        for (int i = 0, c = -1; i < n; i++) {
            if (i == 0 || byComponent[i] >>> 8 != byComponent[i - 1] >>> 8) {
                start[++c] = i;
            }
        }
        start[components] = n;
        for (int c = 0; c < components; c++) {
            int sizeOf = start[c + 1] - start[c];
            int root = (int) (byComponent[start[c]] >>> 8);
            // largest first (ascending sort of MAX - size), then a seeded shuffle among equals
            order[c] = ((long) (Integer.MAX_VALUE - sizeOf) << 32)
                    | (mix(ids[root] ^ seed * 0x9E3779B97F4A7C15L) & 0xFFFFFFFFL);
            orderIndex[c] = c;
        }
        LongRadixSort.sort(order, orderIndex);
        order = null;

        int strataCount = strata.size();
        long[] stratumTotal = new long[strataCount];
        for (int i = 0; i < n; i++) {
            stratumTotal[stratum[i]]++;
        }
        double[] share = {ratios.train(), ratios.validation(), ratios.test()};
        long[][] have = new long[3][strataCount];
        long[] haveTotal = new long[3];
        byte[] splitOf = new byte[n];
        int largest = 0;
        int largestSplit = 0;
        for (int oi = 0; oi < components; oi++) {
            int c = orderIndex[oi];
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < 3; s++) {
                if (share[s] <= 0) {
                    continue;
                }
                // the fall in squared error (of the split's size and of each stratum's share in it) per unit of the
                // split's
                // target: fills the split that lacks most and never overshoots where another split has room
                int size = start[c + 1] - start[c];
                double score = size * (2 * (share[s] * n - haveTotal[s]) - size);
                for (int i = start[c]; i < start[c + 1]; ) {
                    int k = (int) (byComponent[i] & 0xFF);
                    int j = i;
                    while (j < start[c + 1] && (int) (byComponent[j] & 0xFF) == k) {
                        j++;
                    }
                    int m = j - i;
                    score += m * (2 * (share[s] * stratumTotal[k] - have[s][k]) - m);
                    i = j;
                }
                score /= share[s] * n;
                if (score > bestScore) {
                    bestScore = score;
                    best = s;
                }
            }
            haveTotal[best] += start[c + 1] - start[c];
            for (int i = start[c]; i < start[c + 1]; i++) {
                int k = (int) (byComponent[i] & 0xFF);
                have[best][k]++;
                splitOf[pairOf[i]] = (byte) best;
            }
            if (start[c + 1] - start[c] > largest) {
                largest = start[c + 1] - start[c];
                largestSplit = best;
            }
        }
        long[][] strataCounts = new long[strataCount][];
        for (int k = 0; k < strataCount; k++) {
            strataCounts[k] = new long[] {have[0][k], have[1][k], have[2][k]};
        }
        return new SplitPlan(
                ratios,
                grouping,
                stratify,
                Arrays.copyOf(ids, n),
                splitOf,
                templates,
                strata.keySet().toArray(new String[0]),
                strataCounts,
                components,
                largest,
                Split.values()[largestSplit]);
    }

    private static void unionEqual(long[] keys, int[] parent, int n) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            m += keys[i] != 0 ? 1 : 0;
        }
        long[] k = new long[m];
        int[] v = new int[m];
        for (int i = 0, j = 0; i < n; i++) {
            if (keys[i] != 0) {
                k[j] = keys[i];
                v[j++] = i;
            }
        }
        LongRadixSort.sort(k, v);
        for (int i = 1; i < m; i++) {
            if (k[i] == k[i - 1]) {
                union(parent, v[i - 1], v[i]);
            }
        }
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
