package dev.pairstudio.sql;

import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;

/**
 * Questions indexed for near-duplicate look-ups with the store's rule ({@link DuplicateGrouper}):
 * normalised, cut into word shingles, MinHash LSH bands find candidates and the exact Jaccard index
 * of the shingle sets (≥ the threshold) confirms them. Add the questions, {@link #build()}, then
 * ask which indexed questions are near a question. About 200 bytes per indexed question with the
 * default 16 bands. Not thread-safe.
 */
public final class NearDuplicateIndex {
    private final DuplicateGrouper.Options options;
    private final MinHashBands minHash;
    private final int[] mins;
    private int[][] shingles = new int[1024][];
    private long[] questionHash = new long[1024];
    private int size;
    /** Per band: {@code bandHash << 32 | index}, sorted by {@link #build()}. */
    private final long[][] bands;

    private int bandEntries;
    private boolean built;
    private int[] found = new int[64];

    public NearDuplicateIndex() {
        this(DuplicateGrouper.Options.DEFAULTS);
    }

    public NearDuplicateIndex(DuplicateGrouper.Options options) {
        this.options = options;
        this.minHash = new MinHashBands(options.bands(), options.rows());
        this.mins = new int[options.rows()];
        this.bands = new long[options.bands()][1024];
    }

    /** What a look-up needs of a question. */
    public record Sketch(long questionHash, int[] shingles, int[] bandHashes) {}

    /** A question's sketch; an empty question has no shingles and is near nothing. */
    public Sketch sketch(String question) {
        String normalized = QuestionNormalizer.normalize(question == null ? "" : question);
        int[] s = QuestionShingles.of(normalized, options.shingleWords());
        int[] bandHashes = new int[s.length == 0 ? 0 : options.bands()];
        for (int b = 0; b < bandHashes.length; b++) {
            bandHashes[b] = minHash.band(s, b, mins);
        }
        return new Sketch(QuestionShingles.hash64(normalized), s, bandHashes);
    }

    /** The 64-bit hash of a question after the store's normalisation: equal for questions the store calls exact duplicates. */
    public static long questionHash(String question) {
        return QuestionShingles.hash64(QuestionNormalizer.normalize(question == null ? "" : question));
    }

    /** A 64-bit hash of any text (FNV-1a with a final avalanche). */
    public static long hash(String text) {
        return QuestionShingles.hash64(text);
    }

    /** Adds a question before {@link #build()}; returns its index (0, 1, …). */
    public int add(Sketch sketch) {
        if (built) {
            throw new IllegalStateException("the index is built; add every question first");
        }
        if (size == shingles.length) {
            shingles = Arrays.copyOf(shingles, size + (size >> 1));
            questionHash = Arrays.copyOf(questionHash, shingles.length);
        }
        int i = size++;
        shingles[i] = sketch.shingles();
        questionHash[i] = sketch.questionHash();
        if (sketch.bandHashes().length > 0) {
            if (bandEntries == bands[0].length) {
                for (int b = 0; b < bands.length; b++) {
                    bands[b] = Arrays.copyOf(bands[b], bandEntries + (bandEntries >> 1));
                }
            }
            for (int b = 0; b < bands.length; b++) {
                bands[b][bandEntries] = ((long) sketch.bandHashes()[b] << 32) | i;
            }
            bandEntries++;
        }
        return i;
    }

    public int size() {
        return size;
    }

    /** Sorts the buckets; look-ups may follow. */
    public void build() {
        for (int b = 0; b < bands.length; b++) {
            bands[b] = Arrays.copyOf(bands[b], bandEntries);
            Arrays.sort(bands[b]);
        }
        built = true;
    }

    /**
     * Calls {@code match} once for every indexed question near {@code q} (a Jaccard index at or
     * above the threshold) that is not the same normalised question and that {@code eligible}
     * accepts. As in the store, at most {@code maxCandidatesPerBucket} eligible candidates are
     * compared per bucket, against pathological buckets of thousands of near-identical questions.
     */
    public void forEachNear(Sketch q, IntPredicate eligible, IntConsumer match) {
        if (!built) {
            throw new IllegalStateException("build the index first");
        }
        int n = 0;
        for (int b = 0; b < q.bandHashes().length; b++) {
            long bucket = (long) q.bandHashes()[b] << 32;
            long[] entries = bands[b];
            int compared = 0;
            for (int i = lowerBound(entries, bucket);
                    i < entries.length
                            && (entries[i] & 0xFFFFFFFF00000000L) == bucket
                            && compared < options.maxCandidatesPerBucket();
                    i++) {
                int c = (int) entries[i];
                if (questionHash[c] == q.questionHash() || !eligible.test(c)) {
                    continue;
                }
                compared++;
                if (QuestionShingles.jaccard(shingles[c], q.shingles()) >= options.threshold()) {
                    if (n == found.length) {
                        found = Arrays.copyOf(found, n * 2);
                    }
                    found[n++] = c;
                }
            }
        }
        Arrays.sort(found, 0, n);
        for (int i = 0; i < n; i++) {
            if (i == 0 || found[i] != found[i - 1]) {
                match.accept(found[i]);
            }
        }
    }

    /** {@link #forEachNear(Sketch, IntPredicate, IntConsumer)} for an indexed question. */
    public void forEachNear(int indexed, IntPredicate eligible, IntConsumer match) {
        int[] s = shingles[indexed];
        int[] bandHashes = new int[s.length == 0 ? 0 : bands.length];
        for (int b = 0; b < bandHashes.length; b++) {
            bandHashes[b] = minHash.band(s, b, mins);
        }
        forEachNear(new Sketch(questionHash[indexed], s, bandHashes), eligible, match);
    }

    static int lowerBound(long[] sorted, long key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
