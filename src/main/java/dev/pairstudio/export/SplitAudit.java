package dev.pairstudio.export;

import dev.pairstudio.sql.NearDuplicateIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What crosses between the splits of a dataset: for every pair of splits and every {@link Kind},
 * how many rows of the later split have a match in the earlier one, with a few examples.
 *
 * <p>Streaming with ints and longs per row: {@link #add} takes every row once (exact kinds keep a
 * 64-bit hash per row; the questions of every split but the largest go into a MinHash index),
 * then {@link #finish} reads the rows again to look the largest split's questions up in that
 * index, and once more for the examples' text when something crosses.
 */
public final class SplitAudit {

    public enum Kind {
        DUPLICATE_QUESTION("exact duplicate question"),
        IDENTICAL_SQL("identical SQL"),
        SQL_TEMPLATE("same SQL template"),
        NEAR_DUPLICATE_QUESTION("near-duplicate question"),
        DUPLICATE_GROUP("same duplicate group"),
        DATABASE("same database");

        public final String label;

        Kind(String label) {
            this.label = label;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One row. {@code template} is the SQL's template (text or fingerprint), {@code duplicateGroup}
     * the store's group (null outside the store), {@code where} names the row in messages.
     */
    public record Entry(
            String question, String sql, String template, String database, Long duplicateGroup, String where) {}

    /** Reads every row again, in the order of the first reading. */
    public interface Source {
        void forEach(BiConsumer<String, Entry> row);
    }

    public record Example(String firstWhere, String firstText, String secondWhere, String secondText) {}

    /** Rows of {@code second} that match a row of {@code first} by {@code kind}. */
    public record Crossing(String first, String second, Kind kind, long rows, List<Example> examples) {}

    /**
     * @param checked the kinds looked for
     * @param failing the kinds whose crossing makes the split unclean (the others are information)
     */
    public record Report(Map<String, Long> sizes, Set<Kind> checked, Set<Kind> failing, List<Crossing> crossings) {
        public boolean clean() {
            return crossings.stream().noneMatch(c -> failing.contains(c.kind()) && c.rows() > 0);
        }

        /** Rows crossing by {@code kind} over every pair of splits. */
        public long rows(Kind kind) {
            return crossings.stream()
                    .filter(c -> c.kind() == kind)
                    .mapToLong(Crossing::rows)
                    .sum();
        }

        /** "clean", or "3 rows cross: same SQL template 2, …" over the failing kinds. */
        public String summary() {
            if (clean()) {
                return "clean";
            }
            StringBuilder b = new StringBuilder();
            for (Kind k : failing) {
                long n = rows(k);
                if (n > 0) {
                    b.append(b.length() == 0 ? "" : ", ")
                            .append(k.label)
                            .append(' ')
                            .append(String.format(Locale.ROOT, "%,d", n));
                }
            }
            return "rows cross splits: " + b;
        }
    }

    private final List<String> splits;
    private final Set<Kind> checked;
    private final Set<Kind> failing;
    private final int queried;
    private final int maxExamples;
    private final List<Kind> exact = new ArrayList<>();
    private long[][] hashes;
    private byte[] splitOf = new byte[1024];
    private int rows;
    private final long[] sizes;
    private final NearDuplicateIndex index;
    /** Per indexed question (one per distinct question and split): its first row; the others follow through {@link #nextRow}. */
    private int[] firstRow = new int[1024];

    private int[] lastRow = new int[1024];
    private int[] nextRow = new int[1024];
    private final Map<Long, Integer> indexedByQuestion = new HashMap<>();

    /** rows of the later split that cross, per split pair and kind */
    private final Map<Long, BitSet> crossed = new LinkedHashMap<>();

    private final Map<Long, List<int[]>> examples = new LinkedHashMap<>();

    /**
     * @param splits      the split names, in order (the first is "earlier")
     * @param largest     the split whose questions are looked up rather than indexed (the largest saves the most memory)
     * @param maxExamples examples kept per split pair and kind
     */
    public SplitAudit(List<String> splits, String largest, Set<Kind> checked, Set<Kind> failing, int maxExamples) {
        if (splits.size() > 127 || !splits.contains(largest)) {
            throw new IllegalArgumentException("at most 127 splits, among them " + largest);
        }
        this.splits = List.copyOf(splits);
        this.checked = checked.isEmpty() ? Set.of() : EnumSet.copyOf(checked);
        this.failing = failing.isEmpty() ? Set.of() : EnumSet.copyOf(failing);
        this.queried = splits.indexOf(largest);
        this.maxExamples = maxExamples;
        for (Kind k : Kind.values()) {
            if (checked.contains(k) && k != Kind.NEAR_DUPLICATE_QUESTION) {
                exact.add(k);
            }
        }
        this.hashes = new long[exact.size()][1024];
        this.sizes = new long[splits.size()];
        this.index = checked.contains(Kind.NEAR_DUPLICATE_QUESTION) ? new NearDuplicateIndex() : null;
    }

    /** The first reading: every row once. */
    public void add(String split, Entry e) {
        int s = splitIndex(split);
        if (rows == splitOf.length) {
            int c = rows + (rows >> 1);
            splitOf = Arrays.copyOf(splitOf, c);
            for (int k = 0; k < hashes.length; k++) {
                hashes[k] = Arrays.copyOf(hashes[k], c);
            }
        }
        int o = rows++;
        splitOf[o] = (byte) s;
        sizes[s]++;
        for (int k = 0; k < exact.size(); k++) {
            hashes[k][o] = key(exact.get(k), e);
        }
        if (index != null && s != queried) {
            indexQuestion(o, s, e.question());
        }
    }

    /** Indexes a question once per split; its later rows join the first's list (generated data repeats questions a lot). */
    private void indexQuestion(int o, int s, String question) {
        if (o >= nextRow.length) {
            nextRow = Arrays.copyOf(nextRow, Math.max(o + 1, nextRow.length + (nextRow.length >> 1)));
        }
        nextRow[o] = -1;
        long key = NearDuplicateIndex.questionHash(question) * 131 + s;
        Integer known = indexedByQuestion.get(key);
        if (known != null) {
            nextRow[lastRow[known]] = o;
            lastRow[known] = o;
            return;
        }
        int i = index.add(index.sketch(question));
        if (i == firstRow.length) {
            firstRow = Arrays.copyOf(firstRow, i + (i >> 1));
            lastRow = Arrays.copyOf(lastRow, firstRow.length);
        }
        firstRow[i] = o;
        lastRow[i] = o;
        indexedByQuestion.put(key, i);
    }

    /** Looks for near duplicates of the largest split's questions (reading the rows again) and reports. */
    public Report finish(Source again) {
        for (int k = 0; k < exact.size(); k++) {
            exactCrossings(exact.get(k), hashes[k]);
            hashes[k] = null;
        }
        // the examples' rows known so far are kept as the near-duplicate lookup reads past them: no third reading for
        // them
        Map<Integer, Entry> texts = new HashMap<>();
        examples.values()
                .forEach(l -> l.forEach(p -> {
                    texts.put(p[0], null);
                    texts.put(p[1], null);
                }));
        if (index != null) {
            nearCrossings(again, texts);
        }
        return report(again, texts);
    }

    private int splitIndex(String split) {
        int s = splits.indexOf(split);
        if (s < 0) {
            throw new IllegalArgumentException("unknown split " + split);
        }
        return s;
    }

    /** A 64-bit hash of what {@code kind} compares; 0 for "nothing to compare" (no database, empty SQL). */
    private static long key(Kind kind, Entry e) {
        String text = switch (kind) {
            case DUPLICATE_QUESTION -> e.question() == null || e.question().isBlank() ? null : "";
            case IDENTICAL_SQL ->
                e.sql() == null || e.sql().isBlank() ? null : e.sql().strip();
            case SQL_TEMPLATE -> e.template() == null || e.template().isEmpty() ? null : e.template();
            case DATABASE -> e.database() == null || e.database().isEmpty() ? null : e.database();
            case DUPLICATE_GROUP -> e.duplicateGroup() == null ? null : Long.toString(e.duplicateGroup());
            case NEAR_DUPLICATE_QUESTION -> null;
        };
        if (text == null) {
            return 0;
        }
        long h = kind == Kind.DUPLICATE_QUESTION
                ? NearDuplicateIndex.questionHash(e.question())
                : NearDuplicateIndex.hash(text);
        return h == 0 ? 1 : h;
    }

    private void exactCrossings(Kind kind, long[] h) {
        int n = 0;
        for (int o = 0; o < rows; o++) {
            n += h[o] != 0 ? 1 : 0;
        }
        long[] keys = new long[n];
        int[] ordinals = new int[n];
        n = 0;
        for (int o = 0; o < rows; o++) {
            if (h[o] != 0) {
                keys[n] = h[o];
                ordinals[n++] = o;
            }
        }
        LongRadixSort.sort(keys, ordinals);
        int[] firstOf = new int[splits.size()];
        for (int start = 0, end; start < n; start = end) {
            end = start + 1;
            while (end < n && keys[end] == keys[start]) {
                end++;
            }
            if (end - start < 2) {
                continue;
            }
            Arrays.fill(firstOf, -1);
            int present = 0;
            for (int i = start; i < end; i++) {
                int s = splitOf[ordinals[i]];
                if (firstOf[s] < 0) {
                    firstOf[s] = ordinals[i];
                    present++;
                }
            }
            if (present < 2) {
                continue;
            }
            for (int i = start; i < end; i++) {
                int o = ordinals[i];
                for (int a = 0; a < splitOf[o]; a++) {
                    if (firstOf[a] >= 0) {
                        cross(a, splitOf[o], kind, o, firstOf[a], o == firstOf[splitOf[o]]);
                    }
                }
            }
        }
    }

    /** @param texts rows to keep the entries of (keys), filled in as they are read */
    private void nearCrossings(Source again, Map<Integer, Entry> texts) {
        index.build();
        indexedByQuestion.clear();
        Kind near = Kind.NEAR_DUPLICATE_QUESTION;
        // among the indexed splits: every row of the later question crosses
        for (int i = 0; i < index.size(); i++) {
            int s = splitOf[firstRow[i]];
            int question = i;
            index.forEachNear(
                    i,
                    c -> splitOf[firstRow[c]] < s && !marked(splitOf[firstRow[c]], s, firstRow[question]),
                    c -> crossAll(splitOf[firstRow[c]], s, question, firstRow[c]));
        }
        // the largest split against them; a question asked again (generated sets repeat them) is not looked up again,
        // its
        // matches in earlier splits are remembered (matches in later splits marked the indexed rows already)
        int[] ordinal = {0};
        QuestionMemo asked = queried < 31 ? new QuestionMemo(1 << 20) : null; // a bit per earlier split
        again.forEach((split, e) -> {
            int o = ordinal[0]++;
            if (o >= rows || splitOf[o] != splitIndex(split)) {
                throw new IllegalStateException("the rows changed between two readings of the audit");
            }
            if (texts.containsKey(o)) {
                texts.put(o, e);
            }
            if (splitOf[o] != queried) {
                return;
            }
            long question = NearDuplicateIndex.questionHash(e.question());
            int earlier = asked == null ? -1 : asked.get(question);
            if (earlier >= 0) {
                for (int s = 0; s < queried; s++) {
                    if ((earlier & (1 << s)) != 0) {
                        cross(s, queried, near, o, -1, false);
                    }
                }
                return;
            }
            int[] matchedEarlier = {0};
            // a row or question already known to cross needs no second comparison
            index.forEachNear(
                    index.sketch(e.question()),
                    c -> {
                        int s = splitOf[firstRow[c]];
                        return s < queried ? !marked(s, queried, o) : !marked(queried, s, firstRow[c]);
                    },
                    c -> {
                        int s = splitOf[firstRow[c]];
                        if (s < queried) {
                            cross(s, queried, near, o, firstRow[c], true);
                            matchedEarlier[0] |= 1 << s;
                        } else {
                            crossAll(queried, s, c, o);
                        }
                    });
            if (asked != null) {
                asked.put(question, matchedEarlier[0]);
            }
        });
        if (ordinal[0] != rows) {
            throw new IllegalStateException("the rows changed between two readings of the audit");
        }
    }

    /** Question hash to a small int, open addressing without boxing; stops remembering when full (then it only costs time). */
    private static final class QuestionMemo {
        private final long[] keys;
        private final int[] values;
        private int size;

        QuestionMemo(int capacity) {
            keys = new long[capacity];
            values = new int[capacity];
            Arrays.fill(values, -1);
        }

        int get(long key) {
            for (int i = slot(key); values[i] >= 0; i = (i + 1) & (keys.length - 1)) {
                if (keys[i] == key) {
                    return values[i];
                }
            }
            return -1;
        }

        void put(long key, int value) {
            if (size * 2 >= keys.length) {
                return;
            }
            int i = slot(key);
            while (values[i] >= 0 && keys[i] != key) {
                i = (i + 1) & (keys.length - 1);
            }
            if (values[i] < 0) {
                size++;
            }
            keys[i] = key;
            values[i] = value;
        }

        private int slot(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & (keys.length - 1);
        }
    }

    /** Every row of indexed question {@code question} (in split {@code later}) crosses row {@code earlierRow}. */
    private void crossAll(int earlier, int later, int question, int earlierRow) {
        for (int r = firstRow[question]; r >= 0; r = nextRow[r]) {
            cross(earlier, later, Kind.NEAR_DUPLICATE_QUESTION, r, earlierRow, r == firstRow[question]);
        }
    }

    private boolean marked(int earlier, int later, int row) {
        BitSet b = crossed.get(slot(earlier, later, Kind.NEAR_DUPLICATE_QUESTION));
        return b != null && b.get(row);
    }

    /** Row {@code laterRow} of split {@code later} matches row {@code earlierRow} of split {@code earlier}. */
    private void cross(int earlier, int later, Kind kind, int laterRow, int earlierRow, boolean example) {
        long k = slot(earlier, later, kind);
        crossed.computeIfAbsent(k, x -> new BitSet()).set(laterRow);
        List<int[]> ex = examples.computeIfAbsent(k, x -> new ArrayList<>());
        if (example && ex.size() < maxExamples) {
            ex.add(new int[] {earlierRow, laterRow});
        }
    }

    private static long slot(int earlier, int later, Kind kind) {
        return ((long) earlier << 16) | ((long) later << 8) | kind.ordinal();
    }

    /** @param texts the entries of example rows read already (a null value: not yet) */
    private Report report(Source again, Map<Integer, Entry> texts) {
        Set<Integer> missing = new HashSet<>();
        examples.values()
                .forEach(l -> l.forEach(p -> {
                    for (int row : p) {
                        if (texts.get(row) == null) {
                            missing.add(row);
                        }
                    }
                }));
        if (!missing.isEmpty()) {
            int[] ordinal = {0};
            again.forEach((split, e) -> {
                int o = ordinal[0]++;
                if (missing.contains(o)) {
                    texts.put(o, e);
                }
            });
        }
        List<Crossing> out = new ArrayList<>();
        for (int a = 0; a < splits.size(); a++) {
            for (int b = a + 1; b < splits.size(); b++) {
                for (Kind kind : Kind.values()) {
                    if (!checked.contains(kind)) {
                        continue;
                    }
                    long k = slot(a, b, kind);
                    BitSet rowsCrossing = crossed.get(k);
                    List<Example> ex = new ArrayList<>();
                    for (int[] p : examples.getOrDefault(k, List.of())) {
                        ex.add(new Example(
                                where(texts.get(p[0])),
                                text(kind, texts.get(p[0])),
                                where(texts.get(p[1])),
                                text(kind, texts.get(p[1]))));
                    }
                    out.add(new Crossing(
                            splits.get(a),
                            splits.get(b),
                            kind,
                            rowsCrossing == null ? 0 : rowsCrossing.cardinality(),
                            ex));
                }
            }
        }
        Map<String, Long> sizeMap = new LinkedHashMap<>();
        for (int s = 0; s < splits.size(); s++) {
            sizeMap.put(splits.get(s), sizes[s]);
        }
        return new Report(sizeMap, checked, failing, out);
    }

    private static String where(Entry e) {
        return e == null ? "?" : e.where();
    }

    private static String text(Kind kind, Entry e) {
        if (e == null) {
            return "";
        }
        return switch (kind) {
            case DUPLICATE_QUESTION, NEAR_DUPLICATE_QUESTION -> e.question();
            case IDENTICAL_SQL, SQL_TEMPLATE -> e.sql();
            case DATABASE -> e.database();
            case DUPLICATE_GROUP -> e.duplicateGroup() == null ? "" : "group " + e.duplicateGroup();
        };
    }
}
