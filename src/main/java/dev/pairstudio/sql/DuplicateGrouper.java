package dev.pairstudio.sql;

import dev.pairstudio.pair.QualityFlag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Duplicate groups across pairs, kept in memory and updated incrementally.
 *
 * <ul>
 *   <li>{@link QualityFlag#DUPLICATE}: another pair has the same {@link QuestionNormalizer
 *       normalised} question and the same SQL fingerprint;</li>
 *   <li>{@link QualityFlag#CONFLICT}: the same normalised question occurs with another fingerprint;</li>
 *   <li>{@link QualityFlag#NEAR_DUPLICATE}: a different question has a Jaccard index of word
 *       shingles ≥ the threshold (MinHash with LSH banding finds candidates, the exact Jaccard
 *       index of the shingle sets confirms them).</li>
 * </ul>
 * A duplicate group is a connected set of pairs linked by equal or near-duplicate questions; its
 * id is the id of its oldest pair, so ids stay stable as groups grow. When two groups join, the
 * younger group's id is replaced by the older one's and reported as a {@link GroupMerge}.
 *
 * <p>Use: stream all stored pairs through {@link #add} and call {@link #flush} once (a rebuild),
 * then add new pairs and flush per batch. Each flush reports the new pairs' assignments, earlier
 * pairs whose flags changed, and group merges. Edits and deletions are not undone incrementally:
 * rebuild after them. Questions and fingerprints are kept as 64-bit hashes (collisions are
 * negligible at a few million pairs); memory is about 50 bytes per pair and 250 bytes per
 * distinct question with the default 16 bands. Not thread-safe: one owner feeds it.
 */
public final class DuplicateGrouper {

    /**
     * @param threshold             Jaccard index from which two questions are near duplicates
     * @param shingleWords          words per shingle (2: word pairs, so word order counts)
     * @param bands                 LSH bands; with {@code rows} they tune recall around the threshold
     * @param rows                  MinHash values per band
     * @param maxCandidatesPerBucket cap on the questions compared per LSH bucket, against
     *                              pathological buckets of thousands of near-identical questions
     */
    public record Options(double threshold, int shingleWords, int bands, int rows, int maxCandidatesPerBucket) {
        /** For 0.8: a pair at exactly 0.8 is a candidate with probability 0.9998. */
        public static final Options DEFAULTS = new Options(0.8, 2, 16, 4, 50);

        public Options {
            if (threshold <= 0
                    || threshold > 1
                    || shingleWords < 1
                    || bands < 1
                    || rows < 1
                    || maxCandidatesPerBucket < 1) {
                throw new IllegalArgumentException("invalid duplicate grouping options");
            }
        }

        public Options withThreshold(double t) {
            return new Options(t, shingleWords, bands, rows, maxCandidatesPerBucket);
        }
    }

    public record Assignment(long id, long groupId, Set<QualityFlag> flags) {
        public Assignment {
            flags = flags.isEmpty() ? Set.of() : Set.copyOf(flags);
        }
    }

    /** Every pair with group id {@code from} now belongs to group {@code into}. */
    public record GroupMerge(long from, long into) {}

    /**
     * @param assignments the pairs added since the last flush, then earlier pairs whose flags changed
     * @param merges      group renames, to apply in order
     */
    public record Changes(List<Assignment> assignments, List<GroupMerge> merges) {}

    private static final byte FLAG_DUPLICATE = 1;
    private static final byte FLAG_CONFLICT = 2;
    private static final byte FLAG_NEAR = 4;

    private final Options options;
    private final MinHashBands minHash;

    // pairs, by insertion index
    private long[] pairId;
    private int[] pairQuestion;
    private long[] pairKey;
    private int[] nextPairOfQuestion;
    private byte[] reportedFlags;
    private int pairCount;
    private int flushedPairs;
    private final LongIntMap pairIndexById;

    // distinct normalised questions, by insertion index
    private int[] parent = new int[1024];
    private int[] groupFirstPair = new int[1024];
    private int[] headPair = new int[1024];
    private long[] firstFingerprint = new long[1024];
    private byte[] questionFlags = new byte[1024];
    private int[][] shingles = new int[1024][];
    private int questionCount;
    private int indexedQuestions;
    private final LongIntMap questionIndexByHash = new LongIntMap(1024);
    private final LongIntMap pairsByQuestionAndFingerprint = new LongIntMap(1024);
    /** Questions since the last flush whose earlier pairs may have new flags: a question flag was set, or a key repeated. */
    private final BitSet changedQuestions = new BitSet();

    /** Per band: sorted {@code bandHash << 32 | questionIndex} of indexed questions. */
    private final long[][] bandEntries;

    public DuplicateGrouper() {
        this(Options.DEFAULTS);
    }

    public DuplicateGrouper(Options options) {
        this(options, 1024);
    }

    /**
     * @param expectedPairs how many pairs will be added (a store's count): sized for them from the
     *                      start, the grouping of 1M pairs skips the copies of growing arrays and
     *                      maps, whose old and new halves at once did not fit next to the store's
     *                      index in a 256 MB heap
     */
    public DuplicateGrouper(Options options, int expectedPairs) {
        this.options = options;
        int n = Math.max(1024, expectedPairs);
        this.pairId = new long[n];
        this.pairQuestion = new int[n];
        this.pairKey = new long[n];
        this.nextPairOfQuestion = new int[n];
        this.reportedFlags = new byte[n];
        this.pairIndexById = new LongIntMap(n);
        this.minHash = new MinHashBands(options.bands(), options.rows());
        this.bandEntries = new long[options.bands()][0];
    }

    /** Records a pair; its assignment is computed at the next {@link #flush}. Ids must be unique. */
    public void add(long id, String question, String fingerprint) {
        if (pairIndexById.get(id, -1) >= 0) {
            throw new IllegalArgumentException("pair " + id + " was already added; rebuild after an edit");
        }
        String normalized = QuestionNormalizer.normalize(question);
        long questionHash = QuestionShingles.hash64(normalized);
        long fingerprintHash = QuestionShingles.hash64(fingerprint == null ? "" : fingerprint);
        int q = questionIndexByHash.get(questionHash, -1);
        int p = pairCount++;
        ensurePairCapacity(pairCount);
        if (q < 0) {
            q = newQuestion(normalized, fingerprintHash, p);
            questionIndexByHash.put(questionHash, q);
        } else if (fingerprintHash != firstFingerprint[q] && (questionFlags[q] & FLAG_CONFLICT) == 0) {
            questionFlags[q] |= FLAG_CONFLICT;
            changedQuestions.set(q);
        }
        long key = QuestionShingles.mix(questionHash ^ Long.rotateLeft(fingerprintHash, 17));
        int same = pairsByQuestionAndFingerprint.get(key, 0) + 1;
        pairsByQuestionAndFingerprint.put(key, same);
        if (same == 2) {
            changedQuestions.set(q); // the first pair with this key becomes a duplicate
        }
        pairId[p] = id;
        pairQuestion[p] = q;
        pairKey[p] = key;
        nextPairOfQuestion[p] = headPair[q];
        headPair[q] = p;
        pairIndexById.put(id, p);
    }

    /** Adds all and flushes. */
    public Changes addAll(Iterable<? extends PairKey> pairs) {
        for (PairKey k : pairs) {
            add(k.id(), k.question(), k.fingerprint());
        }
        return flush();
    }

    /** What the grouper needs of a pair. */
    public record PairKey(long id, String question, String fingerprint) {}

    /**
     * Finds near duplicates for the questions added since the last flush and reports the changes.
     * Earlier pairs are looked at only where something that decides their flags changed (a flag of
     * their question, or their key's first repeat): walking every earlier pair of every question
     * the batch touched made a flush cost the dataset, not the batch (a quarter of a 1M import).
     */
    public Changes flush() {
        List<GroupMerge> merges = new ArrayList<>();
        BitSet touched = changedQuestions;
        indexNewQuestions(merges, touched);
        List<Assignment> assignments = new ArrayList<>(pairCount - flushedPairs);
        for (int p = flushedPairs; p < pairCount; p++) {
            reportedFlags[p] = flagsOf(p);
            assignments.add(assignment(p));
        }
        for (int q = touched.nextSetBit(0); q >= 0; q = touched.nextSetBit(q + 1)) {
            for (int p = headPair[q]; p >= 0; p = nextPairOfQuestion[p]) {
                if (p < flushedPairs && flagsOf(p) != reportedFlags[p]) {
                    reportedFlags[p] = flagsOf(p);
                    assignments.add(assignment(p));
                }
            }
        }
        flushedPairs = pairCount;
        touched.clear();
        return new Changes(assignments, merges);
    }

    /** The current assignment of a pair (flushing first if needed), or null for an unknown id. */
    public Assignment resultFor(long id) {
        if (flushedPairs < pairCount) {
            flush();
        }
        int p = pairIndexById.get(id, -1);
        return p < 0 ? null : assignment(p);
    }

    public int size() {
        return pairCount;
    }

    private Assignment assignment(int p) {
        byte f = flagsOf(p);
        Set<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
        if ((f & FLAG_DUPLICATE) != 0) {
            flags.add(QualityFlag.DUPLICATE);
        }
        if ((f & FLAG_CONFLICT) != 0) {
            flags.add(QualityFlag.CONFLICT);
        }
        if ((f & FLAG_NEAR) != 0) {
            flags.add(QualityFlag.NEAR_DUPLICATE);
        }
        return new Assignment(pairId[p], groupIdOf(pairQuestion[p]), flags);
    }

    private byte flagsOf(int p) {
        int q = pairQuestion[p];
        byte f = (byte) (questionFlags[q] & (FLAG_CONFLICT | FLAG_NEAR));
        if (pairsByQuestionAndFingerprint.get(pairKey[p], 0) > 1) {
            f |= FLAG_DUPLICATE;
        }
        return f;
    }

    private long groupIdOf(int q) {
        return pairId[groupFirstPair[find(q)]];
    }

    private int newQuestion(String normalized, long fingerprintHash, int firstPair) {
        int q = questionCount++;
        ensureQuestionCapacity(questionCount);
        parent[q] = q;
        groupFirstPair[q] = firstPair;
        headPair[q] = -1;
        firstFingerprint[q] = fingerprintHash;
        shingles[q] = QuestionShingles.of(normalized, options.shingleWords());
        return q;
    }

    // ---- near duplicates: MinHash + LSH over sorted band arrays ----

    private void indexNewQuestions(List<GroupMerge> merges, BitSet touched) {
        int from = indexedQuestions;
        int to = questionCount;
        if (from == to) {
            return;
        }
        int rows = options.rows();
        int[] mins = new int[rows];
        for (int b = 0; b < options.bands(); b++) {
            long[] fresh = new long[to - from];
            int n = 0;
            for (int q = from; q < to; q++) {
                int[] s = shingles[q];
                if (s.length == 0) {
                    continue;
                }
                int bandHash = minHash.band(s, b, mins);
                fresh[n++] = ((long) bandHash << 32) | q;
            }
            fresh = Arrays.copyOf(fresh, n);
            Arrays.sort(fresh);
            compareWithIndexed(bandEntries[b], fresh, merges, touched);
            compareWithinBatch(fresh, merges, touched);
            bandEntries[b] = mergeSorted(bandEntries[b], fresh);
        }
        indexedQuestions = to;
    }

    private void compareWithIndexed(long[] indexed, long[] fresh, List<GroupMerge> merges, BitSet touched) {
        if (indexed.length == 0) {
            return;
        }
        for (long entry : fresh) {
            long bucket = entry & 0xFFFFFFFF00000000L;
            int i = NearDuplicateIndex.lowerBound(indexed, bucket);
            for (int c = 0;
                    i < indexed.length
                            && (indexed[i] & 0xFFFFFFFF00000000L) == bucket
                            && c < options.maxCandidatesPerBucket();
                    i++, c++) {
                verify((int) indexed[i], (int) entry, merges, touched);
            }
        }
    }

    private void compareWithinBatch(long[] fresh, List<GroupMerge> merges, BitSet touched) {
        int runStart = 0;
        for (int i = 1; i <= fresh.length; i++) {
            if (i == fresh.length || (fresh[i] >>> 32) != (fresh[runStart] >>> 32)) {
                for (int a = runStart + 1; a < i; a++) {
                    for (int b = Math.max(runStart, a - options.maxCandidatesPerBucket()); b < a; b++) {
                        verify((int) fresh[b], (int) fresh[a], merges, touched);
                    }
                }
                runStart = i;
            }
        }
    }

    private void verify(int a, int b, List<GroupMerge> merges, BitSet touched) {
        if (a == b) {
            return;
        }
        boolean bothNear = (questionFlags[a] & questionFlags[b] & FLAG_NEAR) != 0;
        if (bothNear && find(a) == find(b)) {
            return; // nothing this pair could change
        }
        if (QuestionShingles.jaccard(shingles[a], shingles[b]) < options.threshold()) {
            return;
        }
        for (int q : new int[] {a, b}) {
            if ((questionFlags[q] & FLAG_NEAR) == 0) {
                questionFlags[q] |= FLAG_NEAR;
                touched.set(q);
            }
        }
        union(a, b, merges);
    }

    private void union(int a, int b, List<GroupMerge> merges) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return;
        }
        // the older group (smaller first pair) keeps its id
        int keep = groupFirstPair[ra] <= groupFirstPair[rb] ? ra : rb;
        int gone = keep == ra ? rb : ra;
        parent[gone] = keep;
        if (groupFirstPair[gone] < flushedPairs) {
            merges.add(new GroupMerge(pairId[groupFirstPair[gone]], pairId[groupFirstPair[keep]]));
        }
    }

    private int find(int q) {
        int root = q;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[q] != root) {
            int next = parent[q];
            parent[q] = root;
            q = next;
        }
        return root;
    }

    private static long[] mergeSorted(long[] a, long[] b) {
        if (a.length == 0) {
            return b;
        }
        long[] out = new long[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
        }
        System.arraycopy(a, i, out, k, a.length - i);
        System.arraycopy(b, j, out, k + a.length - i, b.length - j);
        return out;
    }

    private void ensurePairCapacity(int n) {
        if (n <= pairId.length) {
            return;
        }
        int c = Math.max(n, pairId.length + (pairId.length >> 1));
        pairId = Arrays.copyOf(pairId, c);
        pairQuestion = Arrays.copyOf(pairQuestion, c);
        pairKey = Arrays.copyOf(pairKey, c);
        nextPairOfQuestion = Arrays.copyOf(nextPairOfQuestion, c);
        reportedFlags = Arrays.copyOf(reportedFlags, c);
    }

    private void ensureQuestionCapacity(int n) {
        if (n <= parent.length) {
            return;
        }
        int c = Math.max(n, parent.length + (parent.length >> 1));
        parent = Arrays.copyOf(parent, c);
        groupFirstPair = Arrays.copyOf(groupFirstPair, c);
        headPair = Arrays.copyOf(headPair, c);
        firstFingerprint = Arrays.copyOf(firstFingerprint, c);
        questionFlags = Arrays.copyOf(questionFlags, c);
        shingles = Arrays.copyOf(shingles, c);
    }
}
